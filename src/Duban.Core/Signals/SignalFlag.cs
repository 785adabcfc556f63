using System.Linq.Expressions;
using Duban.Core.Common;
using Duban.Core.Common.Scope;
using Duban.Core.Common.Workflow;

namespace Duban.Core.Signals;

public enum SignalState
{
    /// <summary>Raised; the unit may explain it.</summary>
    Open = 0,

    /// <summary>The unit has explained it; a Supervisor decides.</summary>
    Explained = 1,

    /// <summary>A Supervisor found it well founded (counts in the assessment when that indicator is on).</summary>
    Accepted = 2,

    /// <summary>A Supervisor set it aside with a reason; stays so while its evidence is unchanged.</summary>
    Dismissed = 3,
}

/// <summary>Who did something to a flag, as the flag keeps it (the name as it was then).</summary>
public readonly record struct FlagActor(int? UserId, string Name);

/// <summary>
/// A flag (病相): one ailment seen on a unit or one of its items, with the evidence it rests on. Raised and kept up to
/// date by the computations (<see cref="SignalComputer"/>), never deleted: one that is no longer seen stays with its
/// last evidence. Its own life is the workflow's (<see cref="SignalWorkflow"/>): the unit explains it, a Supervisor
/// accepts or dismisses it with a reason; a dismissed flag opens again only when its evidence changes.
/// </summary>
public sealed class SignalFlag : IUnitScoped<SignalFlag>, IVersioned
{
    public const int KeyMaxLength = 100;
    public const int TextMaxLength = 2000;

    // A flag is the unit's, not a person's: a member sees none.
    public static Expression<Func<SignalFlag, int, bool>> Names { get; } = (flag, person) => false;

    public static Expression<Func<SignalFlag, int, bool>> IsResponsible { get; } = (flag, person) => false;

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public SignalKind Kind { get; private set; }

    /// <summary>What makes two computations' findings the same flag: the kind, unit, item and episode (<see cref="SignalFinding.Key"/>).</summary>
    public string Key { get; private set; } = string.Empty;
    public int UnitId { get; private set; }
    public string UnitPath { get; private set; } = string.Empty;
    public int? ItemId { get; private set; }
    public string? ItemCode { get; private set; }

    /// <summary>The period of the computation that raised it (a unit's share of closures or findings is the period's).</summary>
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    public string EvidenceJson { get; private set; } = "[]";

    /// <summary>The SHA-256 of the evidence: a dismissal holds while it stays the same.</summary>
    public string EvidenceHash { get; private set; } = string.Empty;

    /// <summary>
    /// The earliest and the latest time a computation was made as of that found it; while the current computation
    /// sees the flag, the latest is that computation's time (<see cref="LastSeen"/>).
    /// </summary>
    public DateTime FirstSeenAt { get; private set; }
    public DateTime LastSeenAt { get; private set; }
    /// <summary>Whether the current computation (as of now) found it: only such a flag waits for the unit's explanation.</summary>
    public bool Seen { get; private set; }
    public SignalState State { get; private set; }
    public string? Explanation { get; private set; }
    public string? ExplainedBy { get; private set; }
    public DateTime? ExplainedAt { get; private set; }
    public string? DecisionReason { get; private set; }
    public int? DecidedByUserId { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAt { get; private set; }

    /// <summary>The evidence a dismissal covered: other evidence opens the flag again.</summary>
    public string? DismissedEvidenceHash { get; private set; }
    public int Version { get; private set; }

    private SignalFlag()
    {
    }

    /// <summary>When a flag was last seen, given the current computation's time: a flag it sees was seen then.</summary>
    public static DateTime LastSeen(DateTime stored, bool seen, DateTime? current) => seen && current is { } now && now > stored ? now : stored;

    internal static SignalFlag Raise(int campaignId, SignalFinding finding, string unitPath, DateOnly periodFrom, DateOnly periodTo, DateTime asOf,
        bool seen) => new()
    {
        CampaignId = campaignId,
        Kind = finding.Kind,
        Key = finding.Key,
        UnitId = finding.UnitId,
        UnitPath = unitPath,
        ItemId = finding.ItemId,
        ItemCode = finding.ItemCode,
        PeriodFrom = periodFrom,
        PeriodTo = periodTo,
        EvidenceJson = SignalEvidenceJson.Write(finding.Evidence),
        EvidenceHash = SignalEvidenceJson.Hash(finding.Evidence),
        FirstSeenAt = asOf,
        LastSeenAt = asOf,
        Seen = seen,
        State = SignalState.Open,
        Version = 1,
    };

    public IReadOnlyList<SignalEvidence> Evidence => SignalEvidenceJson.Read(EvidenceJson);

    /// <summary>Takes newer evidence; a dismissal covered the old evidence only, so a dismissed flag opens again.</summary>
    internal void Observe(SignalFinding finding, DateTime asOf)
    {
        LastSeenAt = asOf;
        EvidenceJson = SignalEvidenceJson.Write(finding.Evidence);
        EvidenceHash = SignalEvidenceJson.Hash(finding.Evidence);
        if (State == SignalState.Dismissed && EvidenceHash != DismissedEvidenceHash)
        {
            State = SignalState.Open;
        }
        Version++;
    }

    /// <summary>The unit's explanation (情况说明), once the flag is open.</summary>
    internal void Explain(string? text, FlagActor by, DateTime at)
    {
        Explanation = Check.Text(text, "情况说明", TextMaxLength, multiLine: true);
        ExplainedBy = by.Name;
        ExplainedAt = at;
        State = SignalState.Explained;
        Version++;
    }

    /// <summary>A Supervisor's decision, with a reason either way; a dismissal remembers the evidence it covered.</summary>
    internal void Decide(bool accept, string? reason, FlagActor by, DateTime at)
    {
        DecisionReason = Check.Text(reason, accept ? "认定理由" : "排除理由", TextMaxLength, multiLine: true);
        DecidedByUserId = by.UserId;
        DecidedBy = by.Name;
        DecidedAt = at;
        State = accept ? SignalState.Accepted : SignalState.Dismissed;
        DismissedEvidenceHash = accept ? null : EvidenceHash;
        Version++;
    }
}
