using Duban.Core.Ledger;

namespace Duban.Core.Signals;

/// <summary>
/// 慵懒散: an open item with no progress report for longer than its reporting period plus 7 days (ongoing items) or
/// than 30 days (the others), counted from its last report or, before any, from when it was assigned.
/// </summary>
public sealed class IdleDetector : ISignalDetector
{
    public SignalKind Kind => SignalKind.Idle;

    public string Rule(SignalOptions options) =>
        $"未销号的问题长期没有进展报告：常态化整改超过报告周期 {options.IdleGraceDays} 天，其他超过 {options.IdleDays} 天。";

    public IEnumerable<SignalFinding> Detect(SignalContext context)
    {
        foreach (var item in context.ItemsThen.Where(i => i.ClosedAt is null || i.ClosedAt > context.AsOf))
        {
            var reports = item.Steps.Where(s => s.Kind == ItemEventKind.Progress).OrderBy(s => s.At).ToList();
            var from = reports.LastOrDefault()?.At ?? item.Steps.Where(s => s.Kind == ItemEventKind.Assigned).Select(s => (DateTime?)s.At).Min();
            if (from is not { } since)
            {
                continue;
            }
            var limit = item.DeadlineKind == DeadlineKind.Ongoing && item.ReportingPeriod is { } period
                ? (Common.ChinaTime.DateOf(since).AddMonths((int)period).DayNumber - Common.ChinaTime.DateOf(since).DayNumber) + context.Options.IdleGraceDays
                : context.Options.IdleDays;
            var silent = context.Today.DayNumber - Common.ChinaTime.DateOf(since).DayNumber;
            if (silent > limit)
            {
                // The strength (days of silence) grows each day; the evidence, the silence's start and its limit, does not.
                yield return new SignalFinding(Kind, item.UnitId, item.Id, item.Code, silent,
                    [new SignalEvidence(reports.Count == 0 ? "交办后没有进展报告" : "上次进展报告后没有新的报告", since, ItemId: item.Id)])
                {
                    Episode = $"{since:yyyyMMddHHmmss}",
                };
            }
        }
    }
}
