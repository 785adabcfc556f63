using Duban.Core.Ledger;

namespace Duban.Core.Signals;

/// <summary>A step of an item's history as the detectors read it.</summary>
public sealed record SignalStep(ItemEventKind Kind, DateTime At, string Actor, int? FromUnitId = null, int? ToUnitId = null,
    DateOnly? OldDueOn = null, DateOnly? NewDueOn = null);

/// <summary>An item with its whole history, as the detectors read it (loaded once, for every detector).</summary>
public sealed record SignalItem(int Id, string Code, int UnitId, ItemState State, DeadlineKind DeadlineKind, ReportingPeriod? ReportingPeriod,
    DateOnly DueOn, DateTime CreatedAt, DateTime? ClosedAt, DateOnly? ClosedOn, IReadOnlyList<string> Measures, IReadOnlyList<SignalStep> Steps,
    ItemSource Source = ItemSource.SelfInspection, DateOnly FoundOn = default)
{
    /// <summary>Progress reports' texts (虚假空 compares them with other units' as it does measures).</summary>
    public IReadOnlyList<string> Reports { get; init; } = [];

    /// <summary>
    /// The inspection or bulletin the item was made from (its code), whose standard wording its first measure carries:
    /// items of one origin share that wording by design, not by copying.
    /// </summary>
    public string? Origin { get; init; }

    /// <summary>The SHA-256 of each evidence file still attached.</summary>
    public IReadOnlyList<string> EvidenceHashes { get; init; } = [];
}
