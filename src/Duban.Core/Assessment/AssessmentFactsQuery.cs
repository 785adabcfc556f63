using Duban.Core.Bulletins;
using Duban.Core.Catalog;
using Duban.Core.Common;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Duban.Core.Signals;
using Duban.Core.Supervision.Draws;
using Duban.Core.Supervision.Slips;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Duban.Core.Assessment;

/// <summary>What a unit did in a period, as events (each with its record) and shares, as of a cut-off.</summary>
public sealed class UnitFacts
{
    public List<ScoreEvent> Events { get; } = [];
    public int Closed { get; set; }
    public int ClosedOnTime { get; set; }
    public int ClosedFirstPass { get; set; }
    public int Found { get; set; }
    public int SelfFound { get; set; }
    public int ReportsDue { get; set; }
    public int ReportsOnTime { get; set; }

    public IReadOnlyList<ScoreRate> Rates =>
    [
        new(ScoreRateKind.OnTimeRate, ClosedOnTime, Closed),
        new(ScoreRateKind.FirstPassRate, ClosedFirstPass, Closed),
        new(ScoreRateKind.SelfFoundShare, SelfFound, Found),
        new(ScoreRateKind.ReportTimeliness, ReportsOnTime, ReportsDue),
    ];
}

/// <summary>
/// Gathers every unit's events for an assessment, each rule once, in a few set queries (no query per unit), all as
/// of the cut-off: nothing registered, closed, returned, issued or published after it counts.
/// <list type="bullet">
/// <item>closed on time / late: items closed in the period (by the close date), against their deadline;</item>
/// <item>returned at verification: each return in the period; first pass: items closed in the period never returned;</item>
/// <item>red at the cut-off: items open and past their deadline then, whenever found;</item>
/// <item>self-found share and red-line findings: items found in the period (a red line: found by others, in a category of 廉政红线);</item>
/// <item>failed 回头看 checks, 黄/红 slips and bulletin praise or criticism: recorded, issued or published in the period;</item>
/// <item>reports: slip replies and bulletins' 整改反馈 due in the period (and by the cut-off): on time, or missing;</item>
/// <item>病相 flags a Supervisor accepted in the period.</item>
/// </list>
/// The standing of an item is read from its close time and deadline as they are now, like a bulletin's: an extension
/// granted or an item reopened after the cut-off changes a later recomputation (a published run stays as it was).
/// </summary>
public sealed class AssessmentFactsQuery(DubanDb db, IOptions<SupervisionOptions> slipOptions)
{
    public async Task<Dictionary<int, UnitFacts>> GatherAsync(int campaignId, DateOnly from, DateOnly to, DateTime cutOff,
        IReadOnlyCollection<int> unitIds, CancellationToken cancellationToken = default)
    {
        var facts = unitIds.ToDictionary(id => id, _ => new UnitFacts());
        UnitFacts? Of(int unitId) => facts.GetValueOrDefault(unitId);
        var start = ChinaTime.StartOfDayUtc(from);
        var end = ChinaTime.StartOfDayUtc(to.AddDays(1));
        var cutDay = ChinaTime.DateOf(cutOff);
        var items = db.Items.AsNoTracking().Where(i => i.CampaignId == campaignId && i.CreatedAt <= cutOff);

        var returned = await db.ItemEvents.AsNoTracking()
            .Where(e => e.Kind == ItemEventKind.Returned && e.At <= cutOff)
            .Join(items, e => e.ItemId, i => i.Id, (e, i) => new { i.Id, i.UnitId, i.Code, e.At })
            .ToListAsync(cancellationToken);
        var everReturned = returned.Select(r => r.Id).ToHashSet();
        foreach (var r in returned.Where(r => r.At >= start && r.At < end))
        {
            Of(r.UnitId)?.Events.Add(new ScoreEvent(ScoreEventKind.ReturnedAtVerification, ScoreRecords.Item, r.Id, r.Code));
        }

        var closed = await items.Where(i => i.ClosedAt != null && i.ClosedAt <= cutOff && i.ClosedOn >= from && i.ClosedOn <= to)
            .Select(i => new { i.Id, i.UnitId, i.Code, OnTime = i.ClosedOn <= i.DueOn })
            .ToListAsync(cancellationToken);
        foreach (var item in closed)
        {
            if (Of(item.UnitId) is not { } unit)
            {
                continue;
            }
            unit.Closed++;
            unit.ClosedOnTime += item.OnTime ? 1 : 0;
            unit.ClosedFirstPass += everReturned.Contains(item.Id) ? 0 : 1;
            unit.Events.Add(new ScoreEvent(item.OnTime ? ScoreEventKind.ClosedOnTime : ScoreEventKind.ClosedLate, ScoreRecords.Item, item.Id, item.Code));
        }

        var red = await items.Where(ItemCut.Is(CutStanding.Overdue, cutOff)).Select(i => new { i.Id, i.UnitId, i.Code }).ToListAsync(cancellationToken);
        foreach (var item in red)
        {
            Of(item.UnitId)?.Events.Add(new ScoreEvent(ScoreEventKind.RedAtCutOff, ScoreRecords.Item, item.Id, item.Code));
        }

        var foundInPeriod = items.Where(i => i.FoundOn >= from && i.FoundOn <= to);
        var found = await foundInPeriod.GroupBy(i => i.UnitId)
            .Select(g => new { UnitId = g.Key, All = g.Count(), Self = g.Count(i => i.Source == ItemSource.SelfInspection) })
            .ToListAsync(cancellationToken);
        foreach (var row in found)
        {
            if (Of(row.UnitId) is { } unit)
            {
                (unit.Found, unit.SelfFound) = (row.All, row.Self);
            }
        }
        // From the few items filed under a 廉政红线 entry to the items, not the other way round: a planner without statistics
        // would walk every item of the period and probe its categories.
        var redLineEntries = db.CatalogEntries.Where(c => c.Set == CatalogSet.IntegrityRedLines).Select(c => c.Id);
        var filedUnderRedLines = await db.Set<ItemCategory>().Where(c => redLineEntries.Contains(c.CatalogEntryId)).Select(c => c.ItemId).Distinct()
            .ToListAsync(cancellationToken);
        // Found by others (an inspection, a report…): a unit that finds and corrects such a problem itself is not barred for it.
        var redLine = filedUnderRedLines.Count == 0
            ? []
            : await foundInPeriod.Where(i => i.Source != ItemSource.SelfInspection && filedUnderRedLines.Contains(i.Id))
                .Select(i => new { i.Id, i.UnitId, i.Code }).ToListAsync(cancellationToken);
        foreach (var item in redLine)
        {
            Of(item.UnitId)?.Events.Add(new ScoreEvent(ScoreEventKind.RedLineFinding, ScoreRecords.Item, item.Id, item.Code));
        }

        var checks = await db.Set<DrawCheck>().AsNoTracking()
            .Where(c => !c.Passed && c.At >= start && c.At < end && c.At <= cutOff)
            .Join(db.Set<Draw>().Where(d => d.CampaignId == campaignId), c => c.DrawId, d => d.Id, (c, d) => new { c.Id, c.UnitId, d.Code })
            .ToListAsync(cancellationToken);
        foreach (var check in checks)
        {
            Of(check.UnitId)?.Events.Add(new ScoreEvent(ScoreEventKind.FailedCheck, ScoreRecords.Check, check.Id, check.Code));
        }

        await GatherSlipsAsync(campaignId, start, end, from, to, cutOff, cutDay, Of, cancellationToken);
        await GatherBulletinsAsync(campaignId, start, end, from, to, cutOff, cutDay, Of, cancellationToken);

        var accepted = await db.Set<SignalFlag>().AsNoTracking()
            .Where(f => f.CampaignId == campaignId && f.State == SignalState.Accepted && f.DecidedAt >= start && f.DecidedAt < end && f.DecidedAt <= cutOff)
            .OrderBy(f => f.DecidedAt).ThenBy(f => f.Id).Select(f => new { f.Id, f.UnitId, f.Kind, f.ItemCode }).ToListAsync(cancellationToken);
        foreach (var flag in accepted)
        {
            Of(flag.UnitId)?.Events.Add(new ScoreEvent(ScoreEventKind.SignalAccepted, ScoreRecords.Signal, flag.Id,
                flag.ItemCode is null ? SignalTerms.Name(flag.Kind) : $"{SignalTerms.Name(flag.Kind)} {flag.ItemCode}"));
        }
        return facts;
    }

    private async Task GatherSlipsAsync(int campaignId, DateTime start, DateTime end, DateOnly from, DateOnly to, DateTime cutOff, DateOnly cutDay,
        Func<int, UnitFacts?> of, CancellationToken cancellationToken)
    {
        var slips = await db.Set<UrgeSlip>().AsNoTracking()
            .Where(s => s.CampaignId == campaignId && s.IssuedAt <= cutOff
                        && ((s.IssuedAt >= start && s.IssuedAt < end) || (s.ReplyDueOn >= from && s.ReplyDueOn <= to && s.ReplyDueOn < cutDay)))
            .Select(s => new { s.Id, s.UnitId, s.Year, s.Number, s.Colour, s.IssuedAt, s.ReplyDueOn, s.RepliedAt })
            .ToListAsync(cancellationToken);
        foreach (var slip in slips)
        {
            if (of(slip.UnitId) is not { } unit)
            {
                continue;
            }
            var number = slipOptions.Value.SlipNumber(slip.Year, slip.Number);
            if (slip.IssuedAt >= start && slip.IssuedAt < end && slip.Colour != SlipColour.Blue)
            {
                unit.Events.Add(new ScoreEvent(slip.Colour == SlipColour.Red ? ScoreEventKind.RedSlip : ScoreEventKind.YellowSlip, ScoreRecords.Slip, slip.Id, number));
            }
            if (slip.ReplyDueOn >= from && slip.ReplyDueOn <= to && slip.ReplyDueOn < cutDay)
            {
                Report(unit, OnTime(slip.RepliedAt, slip.ReplyDueOn, cutOff), ScoreRecords.Slip, slip.Id, number);
            }
        }
    }

    private async Task GatherBulletinsAsync(int campaignId, DateTime start, DateTime end, DateOnly from, DateOnly to, DateTime cutOff, DateOnly cutDay,
        Func<int, UnitFacts?> of, CancellationToken cancellationToken)
    {
        // Out at the cut-off: published by then and not withdrawn by then.
        var bulletins = db.Set<Bulletin>().Where(b => b.CampaignId == campaignId && b.PublishedAt != null && b.PublishedAt <= cutOff
                                                      && (b.WithdrawnAt == null || b.WithdrawnAt > cutOff));
        var named = await db.Set<BulletinRecipient>().AsNoTracking()
            .Where(r => r.Role == RecipientRole.Praised || r.Role == RecipientRole.Criticised)
            .Join(bulletins, r => r.BulletinId, b => b.Id, (r, b) => new { r.UnitId, r.Role, r.FeedbackDueOn, r.FeedbackAt, b.Id, b.NumberText, b.PublishedAt })
            .ToListAsync(cancellationToken);
        foreach (var row in named)
        {
            if (of(row.UnitId) is not { } unit)
            {
                continue;
            }
            if (row.PublishedAt >= start && row.PublishedAt < end)
            {
                unit.Events.Add(new ScoreEvent(row.Role == RecipientRole.Praised ? ScoreEventKind.BulletinPraise : ScoreEventKind.BulletinCriticism,
                    ScoreRecords.Bulletin, row.Id, row.NumberText));
            }
            if (row.FeedbackDueOn is { } due && due >= from && due <= to && due < cutDay)
            {
                Report(unit, OnTime(row.FeedbackAt, due, cutOff), ScoreRecords.Bulletin, row.Id, row.NumberText);
            }
        }
    }

    private static bool OnTime(DateTime? sentAt, DateOnly due, DateTime cutOff) =>
        sentAt is { } at && at <= cutOff && ChinaTime.DateOf(at) <= due;

    private static void Report(UnitFacts unit, bool onTime, string recordType, int recordId, string? code)
    {
        unit.ReportsDue++;
        if (onTime)
        {
            unit.ReportsOnTime++;
        }
        else
        {
            unit.Events.Add(new ScoreEvent(ScoreEventKind.MissingReport, recordType, recordId, code));
        }
    }
}
