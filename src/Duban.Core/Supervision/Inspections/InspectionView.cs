using Duban.Core.Common;
using Duban.Core.Ledger;

namespace Duban.Core.Supervision.Inspections;

/// <summary>An inspection as its page and the API show it, with each finding's item, state and light today.</summary>
public sealed record InspectionView(int Id, string Code, InspectionKind Kind, string Title, DateOnly PlannedOn, InspectionState State,
    IReadOnlyList<string> CheckList, IReadOnlyList<TargetView> Units, IReadOnlyList<InspectorView> Inspectors, IReadOnlyList<FindingView> Findings,
    int? DrawId, string CreatedBy, DateTime CreatedAt, string? PublishedBy, DateTime? PublishedAt, int Version)
{
    public string KindName => InspectionTerms.Name(Kind);
    public string StateName => InspectionTerms.Name(State);
    public bool Sealed => Kind == InspectionKind.Covert && PublishedAt is null;

    public static InspectionView From(Inspection inspection, bool done, DateOnly today, int yellowDays) => new(inspection.Id, inspection.Code,
        inspection.Kind, inspection.Title, inspection.PlannedOn, done ? InspectionState.Closed : inspection.State, inspection.CheckList,
        [.. inspection.Targets.OrderBy(t => t.Id).Select(t => new TargetView(t.UnitId, t.UnitName))],
        [.. inspection.Inspectors.OrderBy(i => i.Id).Select(i => new InspectorView(i.PersonId, i.Name, i.UnitName))],
        [.. inspection.Findings.OrderBy(f => f.Id).Select(f => FindingView.From(f, today, yellowDays))],
        inspection.DrawId, inspection.CreatedBy, inspection.CreatedAt, inspection.PublishedBy, inspection.PublishedAt, inspection.Version);
}

public sealed record TargetView(int Id, string Name);

public sealed record InspectorView(int PersonId, string Name, string UnitName);

public sealed record FindingFileView(int Id, string FileName, long Size);

public sealed record FindingView(int Id, int UnitId, string UnitName, string Problem, IReadOnlyList<int> CategoryIds, FindingSeverity Severity,
    DateOnly? DueOn, string RecordedBy, DateTime RecordedAt, string? Answer, string? AnsweredBy, DateTime? AnsweredAt,
    IReadOnlyList<FindingFileView> Files, int? ItemId, string? ItemCode, ItemState? ItemState, Light? Light)
{
    public string SeverityName => InspectionTerms.Name(Severity);

    public static FindingView From(InspectionFinding f, DateOnly today, int yellowDays) => new(f.Id, f.UnitId, f.UnitName, f.Problem,
        f.CategoryIds, f.Severity, f.DueOn, f.RecordedBy, f.RecordedAt, f.Answer, f.AnsweredBy, f.AnsweredAt,
        [.. f.Files.OrderBy(x => x.Id).Select(x => new FindingFileView(x.Id, x.FileName, x.Size))],
        f.Item?.Id, f.Item?.Code, f.Item?.State,
        f.Item is { } item ? LightRule.Of(item.State == Ledger.ItemState.Closed, item.DeadlineKind, item.DueOn, today, yellowDays) : null);
}

/// <summary>A drawn item of a 回头看: its unit and state, and the check's result once recorded (null: not checked yet).</summary>
public sealed record RevisitCheckView(string Key, int ItemId, string UnitName, ItemState ItemState, bool? Passed, string? Reason, string? By, DateTime? At);
