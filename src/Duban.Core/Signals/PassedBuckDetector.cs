using Duban.Core.Ledger;

namespace Duban.Core.Signals;

/// <summary>推拖绕: an item reassigned two (setting) or more times, returned to a unit it had left, or returned at verification twice or more.</summary>
public sealed class PassedBuckDetector : ISignalDetector
{
    public SignalKind Kind => SignalKind.PassedBuck;

    public string Rule(SignalOptions options) =>
        $"一项问题转办 {options.Reassignments} 次及以上、被转回曾经转出的单位，或审核退回 {options.Returns} 次及以上。";

    public IEnumerable<SignalFinding> Detect(SignalContext context)
    {
        foreach (var item in context.ItemsThen)
        {
            var moves = item.Steps.Where(s => s.Kind == ItemEventKind.Reassigned).OrderBy(s => s.At).ToList();
            var returns = item.Steps.Where(s => s.Kind == ItemEventKind.Returned).ToList();
            var left = new HashSet<int>();
            var cameBack = false;
            foreach (var move in moves)
            {
                if (move.FromUnitId is { } from)
                {
                    left.Add(from);
                }
                cameBack |= move.ToUnitId is { } to && left.Contains(to);
            }
            if (moves.Count >= context.Options.Reassignments || cameBack || returns.Count >= context.Options.Returns)
            {
                yield return new SignalFinding(Kind, item.UnitId, item.Id, item.Code, moves.Count + returns.Count,
                [
                    .. moves.Select(s => new SignalEvidence("转办", s.At, s.Actor, ItemId: item.Id)),
                    .. returns.Select(s => new SignalEvidence("审核退回", s.At, s.Actor, ItemId: item.Id)),
                ]);
            }
        }
    }
}
