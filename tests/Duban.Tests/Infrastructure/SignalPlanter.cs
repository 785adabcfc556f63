using Duban.Core.Campaigns;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Tests.Infrastructure;

/// <summary>Items of the demo campaign with a history written now (the test clock's time) through the domain, for the signals' tests.</summary>
public sealed class SignalPlanter(DubanDb db, DubanFactory app)
{
    private static readonly ItemActor By = new(null, "test");
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    public async Task<int> ItemAsync(string unitName, bool started) => (await NewAsync(unitName, started)).Id;

    /// <summary>Two extension requests (one granted): 打白条.</summary>
    public async Task<int> PromiseBrokenAsync(string unitName)
    {
        var item = await NewAsync(unitName, started: true);
        item.RequestExtension(app.Today.AddDays(30), "材料未齐", By, Now);
        item.DecideExtension(true, null, By, Now);
        item.RequestExtension(app.Today.AddDays(40), "仍在协调", By, Now);
        await db.SaveChangesAsync();
        return item.Id;
    }

    public async Task<int> RequestAgainAsync(int id)
    {
        var item = await db.Items.SingleAsync(i => i.Id == id);
        item.DecideExtension(true, null, By, Now);
        item.RequestExtension(app.Today.AddDays(50), "再次协调", By, Now);
        return id;
    }

    /// <summary>转办 to another unit.</summary>
    public async Task<int> ReassignAsync(int id, string unitName)
    {
        var item = await db.Items.SingleAsync(i => i.Id == id);
        var unit = await db.Units.SingleAsync(u => u.Name == unitName);
        item.Reassign(new Handover(unit.Id, unit.Path, null, false), "职责调整", new ItemNames([], []), By, Now);
        return id;
    }

    private async Task<RectificationItem> NewAsync(string unitName, bool started)
    {
        var campaign = await db.Set<Campaign>().OrderBy(c => c.Id).FirstAsync();
        var unit = await db.Units.SingleAsync(u => u.Name == unitName);
        var number = await db.Items.IgnoreQueryFilters().Where(i => i.CampaignId == campaign.Id).MaxAsync(i => i.Number) + 1;
        var details = new ItemDetails([], ItemSource.SelfInspection, $"病相接口测试问题{number}", null, [$"{number} 号问题：建立台账并逐项核对"], null, null,
            app.Today, DeadlineKind.Date, app.Today.AddDays(20), null);
        var item = RectificationItem.Register(campaign.Id, campaign.Year, number, unit.Id, unit.Path, details, By, Now, campaign.ItemPrefix);
        item.Assign(By, Now);
        if (started)
        {
            item.Start(By, Now);
        }
        db.Items.Add(item);
        await db.SaveChangesAsync();
        return item;
    }
}

public static class SignalPlanting
{
    /// <summary>Plants items as the system and saves what the planting left unsaved.</summary>
    public static async Task<T> PlantAsync<T>(this DubanFactory app, Func<SignalPlanter, Task<T>> plant) => await app.AsSystemAsync(async services =>
    {
        var db = services.GetRequiredService<DubanDb>();
        var result = await plant(new SignalPlanter(db, app));
        await db.SaveChangesAsync();
        return result;
    });
}
