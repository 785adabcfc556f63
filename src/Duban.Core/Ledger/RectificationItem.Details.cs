using System.Text.RegularExpressions;
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
    private const string ProblemField = "问题描述";
    private const string GoalField = "整改目标";
    private const string MeasuresField = "整改措施";
    private const string SourceField = "问题来源";
    private const string LeaderField = "责任领导";
    private const string PersonField = "责任人";
    private const string FoundOnField = "发现日期";
    private const string DeadlineField = "整改时限";
    private const string CategoriesField = "问题类别";

    /// <summary>What the supervision office found: once it is on an item, only a supervisor may change it.</summary>
    private static readonly string[] FindingFields = [ProblemField, CategoriesField, SourceField];

    /// <summary>Dates outside these years are typing mistakes, not plans.</summary>
    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2100, 12, 31);

    /// <summary>The filled-in fields after checking, as the item would store them.</summary>
    private sealed record Filled(string Problem, string? Goal, List<string> Measures, ItemSource Source, int? LeaderPersonId,
        int? ResponsiblePersonId, DateOnly FoundOn, DeadlineKind DeadlineKind, ReportingPeriod? ReportingPeriod, DateOnly DueOn,
        HashSet<int> CategoryIds);

    /// <summary>
    /// Checks the filled-in fields by the rules registering an item applies, without making one: an import checks
    /// every row before it saves any.
    /// </summary>
    public static void Validate(ItemDetails details) => new RectificationItem().Checked(details);

    /// <summary>Checks the filled-in fields and puts them as they would be stored; the deadline rules live here.</summary>
    private Filled Checked(ItemDetails details)
    {
        Check.That(Enum.IsDefined(details.Source), LedgerErrors.BadSource);
        Check.That(Enum.IsDefined(details.DeadlineKind), LedgerErrors.BadDeadlineKind);
        Check.That(details.ReportingPeriod is null || Enum.IsDefined(details.ReportingPeriod.Value), LedgerErrors.BadReportingPeriod);
        Check.That(details.FoundOn >= Earliest && details.FoundOn <= Latest, LedgerErrors.FoundOnOutOfRange);
        Check.That(details.DueOn is null || (details.DueOn >= Earliest && details.DueOn <= Latest), LedgerErrors.DueOnOutOfRange);
        // A browser posts a textarea's line breaks as CR LF: the same text typed again is no change.
        var problem = Check.Text(details.Problem?.ReplaceLineEndings("\n"), ProblemField, ProblemMaxLength, multiLine: true);
        var goal = Check.OptionalText(details.Goal?.ReplaceLineEndings("\n"), GoalField, GoalMaxLength, multiLine: true);
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
            Check.Text(measure, MeasuresField, MeasureMaxLength);
        }
        var period = details.DeadlineKind == DeadlineKind.Ongoing ? details.ReportingPeriod ?? Ledger.ReportingPeriod.Monthly : (ReportingPeriod?)null;
        var dueOn = details.DeadlineKind switch
        {
            DeadlineKind.Date => details.DueOn ?? throw LedgerErrors.DueDateRequired(),
            DeadlineKind.Immediate => WorkCalendar.AddDays(details.FoundOn, ImmediateDays),
            DeadlineKind.Ongoing => WorkCalendar.AddMonths(LastReportOn ?? details.FoundOn, (int)period!.Value),
            _ => throw new DubanException(ErrorKind.Validation, LedgerErrors.BadDeadlineKind),
        };
        if (dueOn < details.FoundOn)
        {
            throw LedgerErrors.DueBeforeFound();
        }
        return new Filled(problem, goal, measures, details.Source, details.LeaderPersonId, details.ResponsiblePersonId, details.FoundOn,
            details.DeadlineKind, period, dueOn, [.. details.CategoryIds]);
    }

    private void Apply(Filled filled)
    {
        Problem = filled.Problem;
        Goal = filled.Goal;
        MeasuresText = string.Join('\n', filled.Measures);
        Source = filled.Source;
        LeaderPersonId = filled.LeaderPersonId;
        ResponsiblePersonId = filled.ResponsiblePersonId;
        FoundOn = filled.FoundOn;
        DeadlineKind = filled.DeadlineKind;
        ReportingPeriod = filled.ReportingPeriod;
        DueOn = filled.DueOn;
        _categories.RemoveAll(c => !filled.CategoryIds.Contains(c.CatalogEntryId));
        foreach (var id in filled.CategoryIds.Where(id => _categories.All(c => c.CatalogEntryId != id)))
        {
            _categories.Add(new ItemCategory(id));
        }
    }

    // One measure per line: a measure is single-line text, so line breaks inside it become spaces. The list numbers
    // its measures itself, so a number typed in front of one ("1.", "2、", "（3）", "④", "一、") is dropped.
    private static List<string> NormalizedMeasures(IEnumerable<string?> measures) =>
        [.. measures.Select(m => TypedNumber().Replace(InputText.Clean(m), string.Empty).Trim()).Where(m => m.Length > 0)];

    // A decimal such as "1.5倍" is no number in front: a digit may not follow the point.
    [GeneratedRegex(@"^(?:\d{1,2}\s*[.．、)）](?!\d)|[（(]\d{1,2}[)）]|[①-⑳]|[一二三四五六七八九十]{1,3}\s*[、.．])\s*")]
    private static partial Regex TypedNumber();

    /// <summary>Each field an edit changes, with what it showed before and after, in the order the form lists them.</summary>
    private List<FieldChange> ChangesTo(Filled next, ItemNames names)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, bool differs, string? before, string? after)
        {
            if (differs)
            {
                changes.Add(new FieldChange(field, before, after));
            }
        }
        var categories = _categories.Select(c => c.CatalogEntryId).ToHashSet();
        Compare(ProblemField, Problem != next.Problem, Problem, next.Problem);
        Compare(GoalField, Goal != next.Goal, Goal, next.Goal);
        Compare(MeasuresField, !Measures.SequenceEqual(next.Measures), MeasuresText, string.Join('\n', next.Measures));
        Compare(SourceField, Source != next.Source, LedgerTerms.Name(Source), LedgerTerms.Name(next.Source));
        Compare(LeaderField, LeaderPersonId != next.LeaderPersonId, names.Person(LeaderPersonId), names.Person(next.LeaderPersonId));
        Compare(PersonField, ResponsiblePersonId != next.ResponsiblePersonId, names.Person(ResponsiblePersonId), names.Person(next.ResponsiblePersonId));
        Compare(FoundOnField, FoundOn != next.FoundOn, DateText(FoundOn), DateText(next.FoundOn));
        Compare(DeadlineField, DeadlineKind != next.DeadlineKind || (next.DeadlineKind == DeadlineKind.Date && DueOn != next.DueOn)
                               || ReportingPeriod != next.ReportingPeriod,
            DeadlineShown(DeadlineKind, DueOn, ReportingPeriod), DeadlineShown(next.DeadlineKind, next.DueOn, next.ReportingPeriod));
        Compare(CategoriesField, !categories.SetEquals(next.CategoryIds), names.Categories(categories), names.Categories(next.CategoryIds));
        return changes;
    }

    private static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string DeadlineShown(DeadlineKind kind, DateOnly dueOn, ReportingPeriod? period) =>
        kind == DeadlineKind.Ongoing && period is { } every
            ? $"{LedgerTerms.Name(kind)}（{LedgerTerms.Name(every)}）"
            : LedgerTerms.DeadlineText(kind, dueOn);
}
