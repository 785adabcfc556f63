using Duban.Core.Supervision.Inspections;

namespace Duban.Core.Bulletins;

/// <summary>What a bulletin covers: a campaign, a period of found dates, all units or one unit's tree, as of a cut-off.</summary>
public sealed record BulletinScope(int CampaignId, string CampaignName, DateOnly From, DateOnly To, int? UnitId, string ScopeName, DateTime CutOff);

/// <summary>
/// One unit's figures as of the cut-off: items found in the period (self-found among them), closed on time or late,
/// open and past their deadline (the red light then); failed 回头看 checks and slips left unanswered past their
/// reply deadline in the period.
/// </summary>
public sealed record UnitFacts(int UnitId, string UnitName, int Found, int SelfFound, int OnTime, int Late, int Overdue,
    int FailedChecks = 0, IReadOnlyList<string>? UnansweredSlips = null)
{
    public int Closed => OnTime + Late;

    public IReadOnlyList<string> Unanswered => UnansweredSlips ?? [];
}

/// <summary>Inspections published in the period, by kind, and the problems they found in the scope.</summary>
public sealed record InspectionFacts(IReadOnlyList<(InspectionKind Kind, int Count)> ByKind, int Findings)
{
    public int Count => ByKind.Sum(k => k.Count);

    public static InspectionFacts None { get; } = new([], 0);
}

/// <summary>回头看 checks made in the period on items of the scope.</summary>
public sealed record CheckFacts(int Checks, int Failed)
{
    public static CheckFacts None { get; } = new(0, 0);
}

/// <summary>Urge slips issued in the period to units of the scope, and what became of them by the cut-off.</summary>
public sealed record SlipFacts(int Issued, int Blue, int Yellow, int Red, int Replied, int Unanswered)
{
    public static SlipFacts None { get; } = new(0, 0, 0, 0, 0, 0);
}

/// <summary>A problem an inspection found, quoted as typical.</summary>
public sealed record TypicalFinding(string UnitName, string Problem, string InspectionCode, FindingSeverity Severity);

/// <summary>Everything the draft is written from; made by <see cref="BulletinFactsQuery"/>, or by hand in tests.</summary>
public sealed record BulletinFacts(BulletinScope Scope, IReadOnlyList<UnitFacts> Units, InspectionFacts Inspections, CheckFacts Checks,
    SlipFacts Slips, IReadOnlyList<TypicalFinding> Typical, DateOnly FeedbackDueOn, string? DrawHref = null);
