using System.Linq.Expressions;
using Duban.Core.Common;
using Duban.Core.Common.Scope;
using Duban.Core.Ledger;

namespace Duban.Core.Supervision.Inspections;

/// <summary>
/// A problem an inspection found at one of its units (督查发现): it becomes a ledger item when the inspection is
/// published. While a covert visit is unpublished it is sealed: no one of its unit, nor anyone with a narrow scope,
/// sees it.
/// </summary>
public sealed class InspectionFinding : IUnitScoped<InspectionFinding>
{
    public const int ProblemMaxLength = RectificationItem.ProblemMaxLength;
    public const int AnswerMaxLength = 2000;

    public static Expression<Func<InspectionFinding, int, bool>> Names { get; } = (finding, person) => false;

    public static Expression<Func<InspectionFinding, int, bool>> IsResponsible { get; } = (finding, person) => false;

    public static Expression<Func<InspectionFinding, bool>> Unsealed { get; } = finding => !finding.Sealed;

    public int Id { get; private set; }
    public int InspectionId { get; private set; }
    public Inspection? Inspection { get; private set; }
    public int UnitId { get; private set; }
    public string UnitPath { get; private set; } = string.Empty;
    public string UnitName { get; private set; } = string.Empty;
    public string Problem { get; private set; } = string.Empty;
    public List<int> CategoryIds { get; private set; } = [];
    public FindingSeverity Severity { get; private set; }
    public DateOnly? DueOn { get; private set; }
    public bool Sealed { get; private set; }
    public int? RecordedByUserId { get; private set; }
    public string RecordedBy { get; private set; } = string.Empty;
    public DateTime RecordedAt { get; private set; }

    /// <summary>The unit's 说明/申辩 (明查 only, before publishing).</summary>
    public string? Answer { get; private set; }
    public string? AnsweredBy { get; private set; }
    public DateTime? AnsweredAt { get; private set; }

    /// <summary>The ledger item the finding became on publishing.</summary>
    public int? ItemId { get; private set; }
    public RectificationItem? Item { get; private set; }

    private readonly List<FindingFile> _files = [];
    public IReadOnlyList<FindingFile> Files => _files;

    private InspectionFinding()
    {
    }

    internal InspectionFinding(InspectionTarget unit, string? problem, IReadOnlyList<int> categoryIds, FindingSeverity severity, DateOnly? dueOn,
        bool sealedNow, ItemActor by, DateTime at)
    {
        UnitId = unit.UnitId;
        UnitPath = unit.UnitPath;
        UnitName = unit.UnitName;
        Problem = Check.Text(problem, InspectionErrors.ProblemLabel, ProblemMaxLength, multiLine: true);
        CategoryIds = [.. categoryIds.Distinct()];
        Severity = Enum.IsDefined(severity) ? severity : throw InspectionErrors.BadSeverity();
        DueOn = dueOn;
        Sealed = sealedNow;
        RecordedByUserId = by.UserId;
        RecordedBy = by.Name;
        RecordedAt = at;
    }

    internal void Attach(FindingFile file) => _files.Add(file);

    internal void Answered(string? text, ItemActor by, DateTime at)
    {
        if (Answer is not null)
        {
            throw InspectionErrors.AlreadyAnswered();
        }
        Answer = Check.Text(text, InspectionErrors.AnswerLabel, AnswerMaxLength, multiLine: true);
        AnsweredBy = by.Name;
        AnsweredAt = at;
    }

    internal void Unseal() => Sealed = false;

    internal void Became(RectificationItem item) => Item = item;
}

/// <summary>A photo or document recorded with a finding, kept in the evidence store by its hash.</summary>
public sealed class FindingFile
{
    public int Id { get; private set; }
    public int FindingId { get; private set; }
    public string FileName { get; private set; } = string.Empty;
    public string ContentType { get; private set; } = string.Empty;
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = string.Empty;
    public DateTime UploadedAt { get; private set; }

    private FindingFile()
    {
    }

    public FindingFile(StoredFile stored, DateTime at)
    {
        FileName = stored.FileName;
        ContentType = stored.ContentType;
        Size = stored.Size;
        Sha256 = stored.Sha256;
        UploadedAt = at;
    }
}

/// <summary>A unit an inspection looks at; sealed with a covert visit until it is published.</summary>
public sealed class InspectionTarget : IUnitScoped<InspectionTarget>
{
    public static Expression<Func<InspectionTarget, int, bool>> Names { get; } = (target, person) => false;

    public static Expression<Func<InspectionTarget, int, bool>> IsResponsible { get; } = (target, person) => false;

    public static Expression<Func<InspectionTarget, bool>> Unsealed { get; } = target => !target.Sealed;

    public int Id { get; private set; }
    public int InspectionId { get; private set; }
    public int UnitId { get; private set; }
    public string UnitPath { get; private set; } = string.Empty;
    public string UnitName { get; private set; } = string.Empty;
    public bool Sealed { get; private set; }

    private InspectionTarget()
    {
    }

    internal InspectionTarget(int unitId, string unitPath, string unitName, bool sealedNow)
    {
        UnitId = unitId;
        UnitPath = unitPath;
        UnitName = unitName;
        Sealed = sealedNow;
    }

    internal void Unseal() => Sealed = false;
}

/// <summary>A person sent to inspect, with their unit at the time (for 回避).</summary>
public sealed class Inspector
{
    public int Id { get; private set; }
    public int InspectionId { get; private set; }
    public int PersonId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public int UnitId { get; private set; }
    public string UnitName { get; private set; } = string.Empty;

    private Inspector()
    {
    }

    public Inspector(int personId, string name, int unitId, string unitName)
    {
        PersonId = personId;
        Name = name;
        UnitId = unitId;
        UnitName = unitName;
    }
}
