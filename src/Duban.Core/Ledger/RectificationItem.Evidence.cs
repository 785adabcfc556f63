namespace Duban.Core.Ledger;

public sealed partial class RectificationItem
{
    /// <summary>Whether any evidence stands (withdrawn files do not count towards a write-off).</summary>
    public bool HasEvidence => _evidence.Any(f => !f.IsWithdrawn);

    internal void AddEvidence(EvidenceFile file, ItemActor by, DateTime at)
    {
        Require(ItemAction.AddEvidence);
        _evidence.Add(file);
        Record(new ItemEvent(ItemEventKind.EvidenceAdded, by, at, file.FileName), at);
    }

    /// <summary>
    /// Takes back a file uploaded by mistake, while the item is still being worked on (before it is submitted). The
    /// file and its upload stay in the history, marked withdrawn: nothing a verifier saw can disappear.
    /// </summary>
    public void WithdrawEvidence(int fileId, ItemActor by, DateTime at)
    {
        Require(ItemAction.WithdrawEvidence);
        var file = _evidence.FirstOrDefault(f => f.Id == fileId) ?? throw LedgerErrors.EvidenceNotFound(fileId);
        file.Withdraw(by, at);
        Record(new ItemEvent(ItemEventKind.EvidenceWithdrawn, by, at, file.FileName), at);
    }
}
