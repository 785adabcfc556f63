using Duban.Core.Common;

namespace Duban.Core.Ledger;

/// <summary>An item's catalog categories (问题类别), several per item.</summary>
public sealed class ItemCategory
{
    public int ItemId { get; private set; }
    public int CatalogEntryId { get; private set; }

    private ItemCategory()
    {
    }

    internal ItemCategory(int catalogEntryId) => CatalogEntryId = catalogEntryId;
}

public sealed partial class RectificationItem
{
    private const string DeadlineField = "整改时限";
    private const string FoundOnField = "发现日期";

    /// <summary>Dates outside these years are typing mistakes, not plans.</summary>
    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2100, 12, 31);

    /// <summary>Checks and takes over the filled-in fields; the deadline rules live here.</summary>
    private void Apply(ItemDetails details)
    {
        Check.That(Enum.IsDefined(details.Source), "问题来源无效。");
        Check.That(Enum.IsDefined(details.DeadlineKind), "整改时限类型无效。");
        Check.That(details.ReportingPeriod is null || Enum.IsDefined(details.ReportingPeriod.Value), "报告周期无效：请选择每月或每季度。");
        Check.That(details.FoundOn >= Earliest && details.FoundOn <= Latest, "发现日期应在 2000 年至 2100 年之间。");
        Check.That(details.DueOn is null || (details.DueOn >= Earliest && details.DueOn <= Latest), "整改期限应在 2000 年至 2100 年之间。");
        var problem = Check.Text(details.Problem, "问题描述", ProblemMaxLength, multiLine: true);
        var goal = Check.OptionalText(details.Goal, "整改目标", GoalMaxLength, multiLine: true);
        var measures = NormalizedMeasures(details.Measures);
        if (measures.Count == 0)
        {
            throw LedgerErrors.MeasureRequired();
        }
        if (measures.Count > MaxMeasures)
        {
            throw LedgerErrors.TooManyMeasures(MaxMeasures);
        }
        foreach (var measure in measures)
        {
            Check.Text(measure, "整改措施", MeasureMaxLength);
        }
        var dueOn = details.DeadlineKind switch
        {
            DeadlineKind.Date => details.DueOn ?? throw LedgerErrors.DueDateRequired(),
            DeadlineKind.Immediate => details.FoundOn.AddDays(ImmediateDays),
            DeadlineKind.Ongoing => (LastReportOn ?? details.FoundOn).AddMonths((int)(details.ReportingPeriod ?? Ledger.ReportingPeriod.Monthly)),
            _ => throw new DubanException(ErrorKind.Validation, "整改时限类型无效。"),
        };
        if (dueOn < details.FoundOn)
        {
            throw LedgerErrors.DueBeforeFound();
        }

        Problem = problem;
        Goal = goal;
        MeasuresText = string.Join('\n', measures);
        Source = details.Source;
        LeaderPersonId = details.LeaderPersonId;
        ResponsiblePersonId = details.ResponsiblePersonId;
        FoundOn = details.FoundOn;
        DeadlineKind = details.DeadlineKind;
        ReportingPeriod = details.DeadlineKind == DeadlineKind.Ongoing ? details.ReportingPeriod ?? Ledger.ReportingPeriod.Monthly : null;
        DueOn = dueOn;
        var wanted = details.CategoryIds.Distinct().ToHashSet();
        _categories.RemoveAll(c => !wanted.Contains(c.CatalogEntryId));
        foreach (var id in wanted.Where(id => _categories.All(c => c.CatalogEntryId != id)))
        {
            _categories.Add(new ItemCategory(id));
        }
    }

    // One measure per line: a measure is single-line text, so line breaks inside it become spaces.
    private static List<string> NormalizedMeasures(IEnumerable<string?> measures) =>
        [.. measures.Select(m => InputText.Clean(m)).Where(m => m.Length > 0)];

    /// <summary>The Chinese names of the fields an edit changes, for the timeline.</summary>
    private List<string> ChangedFields(ItemDetails d)
    {
        var changed = new List<string>();
        void Compare(bool differs, string name)
        {
            if (differs)
            {
                changed.Add(name);
            }
        }
        Compare(Problem != InputText.Clean(d.Problem, multiLine: true), "问题描述");
        Compare((Goal ?? string.Empty) != InputText.Clean(d.Goal, multiLine: true), "整改目标");
        Compare(!Measures.SequenceEqual(NormalizedMeasures(d.Measures)), "整改措施");
        Compare(Source != d.Source, "问题来源");
        Compare(LeaderPersonId != d.LeaderPersonId, "责任领导");
        Compare(ResponsiblePersonId != d.ResponsiblePersonId, "责任人");
        Compare(FoundOn != d.FoundOn, FoundOnField);
        Compare(DeadlineKind != d.DeadlineKind || (d.DeadlineKind == DeadlineKind.Date && DueOn != d.DueOn)
                || (d.DeadlineKind == DeadlineKind.Ongoing && ReportingPeriod != (d.ReportingPeriod ?? Ledger.ReportingPeriod.Monthly)), DeadlineField);
        Compare(!_categories.Select(c => c.CatalogEntryId).ToHashSet().SetEquals(d.CategoryIds), "问题类别");
        return changed;
    }
}
