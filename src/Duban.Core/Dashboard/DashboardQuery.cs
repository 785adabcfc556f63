using System.Globalization;
using Duban.Core.Accounts;
using Duban.Core.Bulletins;
using Duban.Core.Campaigns;
using Duban.Core.Common;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Duban.Core.Organization;
using Duban.Core.Supervision.Draws;
using Duban.Core.Supervision.Inspections;
using Duban.Core.Supervision.Slips;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Dashboard;

/// <summary>
/// Computes the dashboard. Every figure is counted by the list it links to, with the same filters: ledger figures
/// through <see cref="LedgerQueries"/> (the tally or its cached grouped counts), the others as the total of their own
/// list service, so a figure and its list cannot disagree.
/// </summary>
public sealed class DashboardQuery(DubanDb db, TimeProvider clock, LedgerQueries ledger, CampaignService campaigns, UnitDirectory directory,
    LightCountCache cache, InspectionQueries inspections, DrawService draws, BulletinQueries bulletins, SlipQueries slips,
    Assessment.AssessmentQueries assessment)
{
    /// <summary>Bars and red-light units shown: enough to see who leads, few enough to read on a phone.</summary>
    public const int TopUnits = 10;

    public const int WeekCount = 12;

    public async Task<Dashboard> ComputeAsync(int? campaignId, CancellationToken cancellationToken = default)
    {
        var actor = db.Actor;
        var today = ChinaTime.Today(clock);
        var kind = KindOf(actor);
        if (kind == DashboardKind.None)
        {
            return Dashboard.Empty(today);
        }
        var all = await campaigns.AllAsync(cancellationToken);
        var campaign = campaignId is { } id
            ? all.FirstOrDefault(c => c.Id == id) ?? throw CampaignErrors.NotFound(id)
            : CampaignService.ShownFirst(all);
        // With one campaign every item is its: leaving the word out lets the in-memory tally answer.
        var baseQuery = new LedgerQuery(CampaignId: all.Count > 1 ? campaign?.Id : null);
        var choices = all.Select(c => new CampaignChoice(c.Id, c.Name)).ToList();
        var current = campaign is null ? null : new CampaignChoice(campaign.Id, campaign.Name);

        if (kind == DashboardKind.Mine)
        {
            var mine = await MineAsync(baseQuery, actor, cancellationToken);
            return new Dashboard(kind, current, choices, today, mine, [], [], [], [], [], []);
        }
        var byUnit = await ledger.CountLightsByUnitAsync(baseQuery, cancellationToken);
        var headline = new List<DashboardNumber>(Lights(baseQuery, "items", "全部事项", byUnit));
        if (kind == DashboardKind.UnitTree)
        {
            headline.Insert(0, await MyWorkAsync(cancellationToken));
        }
        var states = await ledger.CountStatesAsync(baseQuery, cancellationToken);
        var stateNumbers = states.Select(s => Ledger($"state.{s.Key}", LedgerTerms.Name(s.Key), s.Value, baseQuery with { State = s.Key })).ToList();
        var bars = await BarsAsync(baseQuery, byUnit, actor, cancellationToken);
        // The weeks always name the campaign: their counts are a range of its (CampaignId, FoundOn) and (CampaignId, ClosedOn) indexes.
        var weeks = await WeeksAsync(baseQuery with { CampaignId = campaign?.Id }, today, actor, cancellationToken);
        var red = byUnit.Where(u => u.Red > 0).OrderByDescending(u => u.Red).ThenBy(u => u.UnitName, StringComparer.Ordinal).Take(TopUnits)
            .Select(u => Ledger($"red.{u.UnitId}", u.UnitName, u.Red, baseQuery with { UnitId = u.UnitId, UnitOnly = true, Light = Light.Red }))
            .ToList();
        if (kind == DashboardKind.UnitTree)
        {
            return new Dashboard(kind, current, choices, today, headline, stateNumbers, bars, weeks, red, [], [],
                await RankingAsync(campaign?.Id, actor.UnitPath, cancellationToken));
        }
        var (supervision, latest) = await SupervisionAsync(today, cancellationToken);
        return new Dashboard(kind, current, choices, today, headline, stateNumbers, bars, weeks, red, supervision, latest,
            await RankingAsync(campaign?.Id, null, cancellationToken));
    }

    /// <summary>The latest published assessment: its top units, or (a unit head's) the own tree's units.</summary>
    private async Task<RankingCard?> RankingAsync(int? campaignId, string? treePath, CancellationToken cancellationToken)
    {
        if (campaignId is not { } id || await assessment.LatestPublishedAsync(id, cancellationToken) is not { } run)
        {
            return null;
        }
        var results = await assessment.ResultsAsync(run, cancellationToken);
        var shown = treePath is null ? results.Take(TopUnits) : results.Where(r => r.UnitPath.StartsWith(treePath, StringComparison.Ordinal)).Take(TopUnits);
        return new RankingCard(run.Title, $"/assessment/{run.Id}",
            [.. shown.Select(r => new RankingRow(r.Rank, r.UnitName, r.Total, Assessment.Grading.Name(r.Grade), $"/assessment/results/{r.Id}"))]);
    }

    public static DashboardKind KindOf(Actor actor) =>
        actor.IsIn(Roles.Leadership) || actor.IsIn(Roles.Supervisor) ? DashboardKind.Overview
        : actor.IsIn(Roles.UnitHead) ? DashboardKind.UnitTree
        : actor.IsIn(Roles.Liaison) || actor.IsIn(Roles.Member) ? DashboardKind.Mine
        : DashboardKind.None;

    private async Task<List<DashboardNumber>> MineAsync(LedgerQuery baseQuery, Actor actor, CancellationToken cancellationToken)
    {
        var numbers = new List<DashboardNumber> { await MyWorkAsync(cancellationToken) };
        if (actor.UnitId is { } unit)
        {
            var own = baseQuery with { UnitId = unit, UnitOnly = true };
            numbers.AddRange(Lights(own, "unit", "本单位事项", await ledger.CountLightsByUnitAsync(own, cancellationToken)));
        }
        return numbers;
    }

    private async Task<DashboardNumber> MyWorkAsync(CancellationToken cancellationToken)
    {
        var work = await ledger.MyWorkAsync(new PageRequest(1, 1), cancellationToken);
        return new DashboardNumber("mywork", "我的待办事项", work.Total, "/ledger/mine", "/api/v1/my-work");
    }

    /// <summary>The total and the four lights of a query, from its per-unit light counts.</summary>
    private static IEnumerable<DashboardNumber> Lights(LedgerQuery query, string key, string label, IReadOnlyList<UnitLights> units) =>
    [
        Ledger(key, label, units.Sum(u => u.Red + u.Yellow + u.Green + u.Closed), query),
        Ledger(key + ".Red", "红灯（已超期）", units.Sum(u => u.Red), query with { Light = Light.Red }),
        Ledger(key + ".Yellow", "黄灯（临近期限）", units.Sum(u => u.Yellow), query with { Light = Light.Yellow }),
        Ledger(key + ".Green", "绿灯（正常）", units.Sum(u => u.Green), query with { Light = Light.Green }),
        Ledger(key + ".Closed", "已销号", units.Sum(u => u.Closed), query with { Light = Light.None }),
    ];

    /// <summary>
    /// One bar per direct child of the viewer's top unit (its whole subtree), and one for the top unit's own items; the
    /// largest <see cref="TopUnits"/> are shown, empty ones not. Several top units (a scope of separate trees) each get a bar.
    /// </summary>
    private async Task<List<UnitBar>> BarsAsync(LedgerQuery baseQuery, IReadOnlyList<UnitLights> byUnit, Actor actor, CancellationToken cancellationToken)
    {
        var units = (await directory.AllAsync(db, cancellationToken)).Values.Where(u => actor.Sees(u.Id, u.Path)).ToList();
        var ids = units.Select(u => u.Id).ToHashSet();
        var tops = units.Where(u => u.ParentId is null || !ids.Contains(u.ParentId.Value)).ToList();
        var groups = new List<(string Name, LedgerQuery Query, Func<UnitEntry, bool> Holds)>();
        // Down a chain of single children (区委·区政府 → 区政府办公室), each level's own items a bar, to where the tree branches.
        while (tops.Count == 1)
        {
            var top = tops[0];
            groups.Add((top.Name + "（本级）", baseQuery with { UnitId = top.Id, UnitOnly = true }, u => u.Id == top.Id));
            tops = [.. units.Where(u => u.ParentId == top.Id)];
        }
        groups.AddRange(tops.Select(t => (t.Name, baseQuery with { UnitId = t.Id }, (Func<UnitEntry, bool>)(u => u.Path.StartsWith(t.Path, StringComparison.Ordinal)))));
        var lights = byUnit.ToDictionary(u => u.UnitId);
        return [.. groups.Select(g =>
            {
                var held = units.Where(g.Holds).Select(u => lights.GetValueOrDefault(u.Id)).OfType<UnitLights>().ToList();
                var n = Lights(g.Query, $"bar.{g.Query.UnitId}{(g.Query.UnitOnly ? ".own" : "")}", g.Name, held).ToList();
                return new UnitBar(g.Name, n[0], n[1], n[2], n[3], n[4]);
            })
            .Where(b => b.Total.Value > 0).OrderByDescending(b => b.Total.Value).ThenBy(b => b.UnitName, StringComparer.Ordinal).Take(TopUnits)];
    }

    /// <summary>
    /// Items found and items closed per week over the last <see cref="WeekCount"/> weeks: two grouped counts by day,
    /// over exactly the lists the weeks link to, cached like the light counts.
    /// </summary>
    private async Task<List<WeekPoint>> WeeksAsync(LedgerQuery baseQuery, DateOnly today, Actor actor, CancellationToken cancellationToken)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var first = monday.AddDays(-7 * (WeekCount - 1));
        var last = monday.AddDays(6);
        var lastChange = await db.LastChangeSeenAsync(cancellationToken);
        var key = $"weeks|{lastChange}|{actor.Scope}|{actor.UnitId}|{actor.PersonId}|{baseQuery.CampaignId}|{today}";
        var (found, closed) = await cache.GetOrAddAsync(key, async () =>
        {
            var foundQuery = baseQuery with { FoundFrom = first, FoundTo = last };
            var byFound = await ledger.Filter(foundQuery, null, withLight: false).GroupBy(i => i.FoundOn)
                .Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var closedQuery = baseQuery with { ClosedFrom = first, ClosedTo = last };
            var byClosed = await ledger.Filter(closedQuery, null, withLight: false).GroupBy(i => i.ClosedOn)
                .Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            return (byFound.Select(d => (d.Day, d.Count)).ToList(), byClosed.Select(d => (Day: d.Day!.Value, d.Count)).ToList());
        });
        return [.. Enumerable.Range(0, WeekCount).Select(w =>
        {
            var from = first.AddDays(7 * w);
            var to = from.AddDays(6);
            var week = LedgerLink.Date(from);
            return new WeekPoint(from,
                Ledger($"week.{week}.found", $"{from:M月d日}起一周新发现", found.Where(d => d.Day >= from && d.Day <= to).Sum(d => d.Count),
                    baseQuery with { FoundFrom = from, FoundTo = to }),
                Ledger($"week.{week}.closed", $"{from:M月d日}起一周销号", closed.Where(d => d.Day >= from && d.Day <= to).Sum(d => d.Count),
                    baseQuery with { ClosedFrom = from, ClosedTo = to }));
        })];
    }

    /// <summary>This month's inspections and draws, bulletins and slips by state, each the total of its own list; the latest ones.</summary>
    private async Task<(List<DashboardNumber>, List<LatestLink>)> SupervisionAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var month = $"from={LedgerLink.Date(monthStart)}&to={LedgerLink.Date(monthStart.AddMonths(1).AddDays(-1))}";
        var one = new PageRequest(1, 1);
        var numbers = new List<DashboardNumber>();
        var planned = await inspections.ListAsync(new InspectionQuery(From: monthStart, To: monthStart.AddMonths(1).AddDays(-1)), one, cancellationToken);
        numbers.Add(new("inspections.month", "本月督查（按计划日期）", planned.Total, "/supervision?" + month, "/api/v1/inspections?" + month));
        if (draws.MayRead)
        {
            var drawn = await draws.ListAsync(new DrawFilter(monthStart, monthStart.AddMonths(1).AddDays(-1)), one, cancellationToken);
            numbers.Add(new("draws.month", "本月随机抽查", drawn.Total, "/supervision/draws?" + month, "/api/v1/draws?" + month));
        }
        foreach (var state in (BulletinState[])[BulletinState.Submitted, BulletinState.Published])
        {
            var listed = await bulletins.ListAsync(new BulletinFilter(state), one, cancellationToken);
            numbers.Add(new($"bulletins.{state}", BulletinTerms.Name(state) + "通报", listed.Total, $"/bulletins?state={state}", $"/api/v1/bulletins?state={state}"));
        }
        foreach (var state in (SlipState[])[SlipState.ToAcknowledge, SlipState.ToReply, SlipState.Overdue])
        {
            var listed = await slips.ListAsync(new SlipFilter(State: state), one, cancellationToken);
            numbers.Add(new($"slips.{state}", state.Name() + "督办单", listed.Total, $"/supervision/slips?state={state}", $"/api/v1/urge-slips?state={state}"));
        }
        var latest = new List<LatestLink>();
        var published = await bulletins.ListAsync(new BulletinFilter(BulletinState.Published), new PageRequest(1, 5), cancellationToken);
        latest.AddRange(published.Items.Select(b => new LatestLink("通报", b.Title, b.Number ?? "", $"/bulletins/{b.Id}")));
        var recent = await slips.ListAsync(new SlipFilter(), new PageRequest(1, 5), cancellationToken);
        latest.AddRange(recent.Items.Select(s => new LatestLink("督办单", $"{s.Number} {s.UnitName}", s.State.Name(), $"/supervision/slips/{s.Id}")));
        return (numbers, latest);
    }

    private static DashboardNumber Ledger(string key, string label, int value, LedgerQuery query)
    {
        var href = LedgerLink.For(query);
        return new DashboardNumber(key, label, value, href, "/api/v1/items" + href[LedgerLink.Page.Length..]);
    }
}
