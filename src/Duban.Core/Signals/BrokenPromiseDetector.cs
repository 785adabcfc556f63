using Duban.Core.Ledger;

namespace Duban.Core.Signals;

/// <summary>打白条: an item with two (setting) or more extension requests, or closed after a deadline it had already extended.</summary>
public sealed class BrokenPromiseDetector : ISignalDetector
{
    public SignalKind Kind => SignalKind.BrokenPromise;

    public string Rule(SignalOptions options) => $"一项问题申请延期 {options.ExtensionRequests} 次及以上，或延期后仍超过延期后的期限才销号。";

    public IEnumerable<SignalFinding> Detect(SignalContext context)
    {
        foreach (var item in context.ItemsThen)
        {
            var requests = item.Steps.Where(s => s.Kind == ItemEventKind.ExtensionRequested).ToList();
            var granted = item.Steps.Where(s => s.Kind == ItemEventKind.ExtensionApproved).ToList();
            var lateAfterExtension = granted.Count > 0 && item.ClosedOn is { } closed && item.ClosedAt <= context.AsOf && closed > item.DueOn;
            if (requests.Count >= context.Options.ExtensionRequests || lateAfterExtension)
            {
                List<SignalEvidence> evidence =
                [
                    .. requests.Select(s => new SignalEvidence($"申请延期：{s.OldDueOn:yyyy-MM-dd} → {s.NewDueOn:yyyy-MM-dd}", s.At, s.Actor, ItemId: item.Id)),
                    .. granted.Select(s => new SignalEvidence("批准延期", s.At, s.Actor, ItemId: item.Id)),
                ];
                if (lateAfterExtension)
                {
                    evidence.Add(new SignalEvidence($"延期后的期限 {item.DueOn:yyyy-MM-dd}，{item.ClosedOn:yyyy-MM-dd} 才销号", item.ClosedAt, ItemId: item.Id));
                }
                yield return new SignalFinding(Kind, item.UnitId, item.Id, item.Code, requests.Count + (lateAfterExtension ? 1 : 0), evidence);
            }
        }
    }
}
