namespace Duban.Core.Ledger;

/// <summary>The ledger's settings (configuration section "Ledger"): places differ, so these are not code.</summary>
public sealed class LedgerOptions
{
    public const string Section = "Ledger";

    /// <summary>Yellow light when the deadline is this many calendar days away or fewer.</summary>
    public int YellowDays { get; set; } = 7;

    /// <summary>Largest evidence file accepted, in bytes.</summary>
    public long MaxEvidenceBytes { get; set; } = 20 * 1024 * 1024;
}
