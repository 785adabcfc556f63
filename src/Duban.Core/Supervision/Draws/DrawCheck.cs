using Duban.Core.Common;
using Duban.Core.Ledger;

namespace Duban.Core.Supervision.Draws;

/// <summary>
/// The 回头看 result of one drawn item (a spot check of a closed item): passed, or failed with a reason and
/// optionally evidence. Written once, never rewritten; a failed one reopened the item in the same save and counts
/// against the item's unit later (assessment).
/// </summary>
public sealed class DrawCheck
{
    public const int ReasonMaxLength = 1000;

    public int Id { get; private set; }
    public int DrawId { get; private set; }
    public string Key { get; private set; } = string.Empty;
    public int ItemId { get; private set; }
    public int UnitId { get; private set; }
    public bool Passed { get; private set; }
    public string? Reason { get; private set; }
    public string? EvidenceFileName { get; private set; }
    public string? EvidenceContentType { get; private set; }
    public long? EvidenceSize { get; private set; }
    public string? EvidenceSha256 { get; private set; }
    public int? ByUserId { get; private set; }
    public string By { get; private set; } = string.Empty;
    public DateTime At { get; private set; }

    private DrawCheck()
    {
    }

    /// <summary>The result as given, checked: a result is required, and a failed one needs a reason.</summary>
    public static (bool Passed, string? Reason) Verdict(bool? passed, string? reason)
    {
        var result = passed ?? throw DrawErrors.PassedRequired();
        var why = Check.OptionalText(reason, "理由", ReasonMaxLength, multiLine: true);
        return !result && why is null ? throw DrawErrors.FailReasonRequired() : (result, why);
    }

    internal DrawCheck(string key, int itemId, int unitId, bool passed, string? reason, StoredFile? evidence, ItemActor by, DateTime at)
    {
        Key = key;
        ItemId = itemId;
        UnitId = unitId;
        Passed = passed;
        Reason = reason;
        EvidenceFileName = evidence?.FileName;
        EvidenceContentType = evidence?.ContentType;
        EvidenceSize = evidence?.Size;
        EvidenceSha256 = evidence?.Sha256;
        ByUserId = by.UserId;
        By = by.Name;
        At = at;
    }
}
