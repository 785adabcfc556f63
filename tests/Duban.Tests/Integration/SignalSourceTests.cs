using Duban.Core.Common;
using Duban.Core.Ledger;
using Duban.Core.Signals;
using Duban.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Tests.Integration;

/// <summary>
/// The detectors over a real database: the demo campaign's items load with their histories, reports and files, every
/// detector runs over them, and two planted patterns (two extension requests; one report copied into another unit's
/// item) are flagged on the items planted.
/// </summary>
public abstract class SignalSourceTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    [Fact]
    public async Task Every_detector_runs_over_the_loaded_ledger_and_finds_what_was_planted()
    {
        var (planted, copiedA, copiedB) = await app.AsSystemAsync(async services =>
        {
            var db = services.GetRequiredService<Core.Data.DubanDb>();
            var campaign = await db.Set<Core.Campaigns.Campaign>().OrderBy(c => c.Id).FirstAsync();
            var units = await db.Units.Where(u => u.Name == "区政府办公室机关党支部" || u.Name == "政务公开科").ToDictionaryAsync(u => u.Name);
            var number = await db.Items.IgnoreQueryFilters().Where(i => i.CampaignId == campaign.Id).MaxAsync(i => i.Number);
            var at = app.Clock.GetUtcNow().UtcDateTime.AddDays(-20);
            var by = new ItemActor(null, "test");
            RectificationItem Item(Core.Organization.Unit unit)
            {
                var details = new ItemDetails([], ItemSource.SelfInspection, $"病相测试问题{number + 1}", null, ["建立台账并逐项核对"], null, null,
                    app.Today.AddDays(-30), DeadlineKind.Date, app.Today.AddDays(20), null);
                var item = RectificationItem.Register(campaign.Id, campaign.Year, ++number, unit.Id, unit.Path, details, by, at, campaign.ItemPrefix);
                item.Assign(by, at);
                item.Start(by, at);
                db.Items.Add(item);
                return item;
            }
            var promised = Item(units["区政府办公室机关党支部"]);
            promised.RequestExtension(app.Today.AddDays(30), "材料未齐", by, at.AddDays(1));
            promised.DecideExtension(true, null, by, at.AddDays(2));
            promised.RequestExtension(app.Today.AddDays(40), "仍在协调", by, at.AddDays(3));
            const string report = "本周完成值班签到台账的建立并由科长每日核对签到情况，周例会通报结果";
            var a = Item(units["区政府办公室机关党支部"]);
            a.ReportProgress(report, by, at.AddDays(4));
            var b = Item(units["政务公开科"]);
            b.ReportProgress(report, by, at.AddDays(5));
            await db.SaveChangesAsync();
            return (promised.Id, a.Id, b.Id);
        });

        var findings = await app.AsSystemAsync(async services =>
        {
            var db = services.GetRequiredService<Core.Data.DubanDb>();
            var campaign = await db.Set<Core.Campaigns.Campaign>().OrderBy(c => c.Id).FirstAsync();
            var items = await new SignalSource(db).LoadAsync(campaign.Id);
            Assert.Contains(items, i => i.Id == copiedA && i.Reports.Count == 1);
            var context = new SignalContext(items, app.Clock.GetUtcNow().UtcDateTime, new WorkCalendar(new WeekendsOff()), new SignalOptions())
            {
                UnitIds = await db.Units.Select(u => u.Id).ToListAsync(),
            };
            return SignalDetectors.All.SelectMany(d => d.Detect(context)).ToList();
        });

        Assert.Contains(findings, f => f.Kind == SignalKind.BrokenPromise && f.ItemId == planted);
        Assert.Equal([copiedA, copiedB], findings.Where(f => f.Kind == SignalKind.CopiedWork && (f.ItemId == copiedA || f.ItemId == copiedB))
            .Select(f => f.ItemId!.Value).Order());
        Assert.DoesNotContain(findings, f => f.Kind == SignalKind.BrokenPromise && (f.ItemId == copiedA || f.ItemId == copiedB));
    }
}

public sealed class SqliteSignalSourceTests(SqliteAppFactory app) : SignalSourceTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresSignalSourceTests(PostgresAppFactory app) : SignalSourceTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
