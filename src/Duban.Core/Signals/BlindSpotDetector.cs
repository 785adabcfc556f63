using Duban.Core.Ledger;

namespace Duban.Core.Signals;

/// <summary>
/// 灯下黑: a unit whose self-found share (自查自纠) of the problems found in it in the period is below 20 % (setting) while
/// inspections, spot checks or other sources found at least 3 (setting) there; or, once the period has run 30 days
/// (setting), a unit that registered no problem in it.
/// </summary>
public sealed class BlindSpotDetector : ISignalDetector
{
    public SignalKind Kind => SignalKind.BlindSpot;

    public string Rule(SignalOptions options) =>
        $"期间内自查发现的问题占比低于 {options.BlindSelfSharePercent}%，而督查、抽查等其他来源发现该单位问题 {options.BlindOthersFound} 项及以上；或期间已过 {options.BlindQuietDays} 天仍没有登记任何问题。";

    public IEnumerable<SignalFinding> Detect(SignalContext context)
    {
        var found = context.ItemsThen.Where(i => i.FoundOn >= context.From && i.FoundOn <= context.To).ToLookup(i => i.UnitId);
        // Early in a period every unit has registered nothing yet: silence counts once the period has run a while.
        var quietCounts = context.Today.DayNumber - context.From.DayNumber >= context.Options.BlindQuietDays;
        foreach (var unitId in context.UnitIds)
        {
            var items = found[unitId].ToList();
            var self = items.Count(i => i.Source == ItemSource.SelfInspection);
            var others = items.Count - self;
            if (items.Count == 0)
            {
                if (quietCounts)
                {
                    yield return new SignalFinding(Kind, unitId, null, null, 1m, [new SignalEvidence("期间内没有登记任何问题")]) { Episode = $"{context.From:yyyyMMdd}" };
                }
            }
            else if (others >= context.Options.BlindOthersFound && self * 100 < context.Options.BlindSelfSharePercent * items.Count)
            {
                yield return new SignalFinding(Kind, unitId, null, null, others,
                [
                    new SignalEvidence(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"自查发现 {self} 项，其他来源发现 {others} 项（自查占比 {self * 100m / items.Count:0.#}%）")),
                    .. items.Where(i => i.Source != ItemSource.SelfInspection)
                        .Select(i => new SignalEvidence($"{i.Code}（{LedgerTerms.Name(i.Source)}，{i.FoundOn:yyyy-MM-dd} 发现）", ItemId: i.Id)),
                ])
                {
                    Episode = $"{context.From:yyyyMMdd}",
                };
            }
        }
    }
}
