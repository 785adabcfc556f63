using Duban.Core.Common.Workflow;
using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Core.Bulletins;

/// <summary>
/// The demo's bulletins: one published for the problems found in the last weeks (numbered, with its Word file; its PDF is made
/// on the first download), praising and criticising demo units by the rules, and one draft. Loading twice changes nothing.
/// </summary>
internal sealed class DemoBulletins(DubanDb db, IServiceProvider services, TimeProvider clock)
{
    public async Task LoadAsync(int campaignId)
    {
        if (await db.Set<Bulletin>().IgnoreQueryFilters().AnyAsync())
        {
            return;
        }
        var bulletins = services.GetRequiredService<BulletinService>();
        // Problems found over the last weeks: one section praised by the rules, the others criticised.
        var today = Common.ChinaTime.Today(clock);
        var published = await bulletins.DraftAsync(new BulletinRequest(campaignId, today.AddDays(-39), today.AddDays(-1), null, null));
        await bulletins.ActAsync(published.Id, BulletinAction.Submit, ActionInput.None);
        await bulletins.ActAsync(published.Id, BulletinAction.Approve, ActionInput.None);
        await bulletins.PublishAsync(published.Id, null, renderPdf: false);
        await bulletins.DraftAsync(new BulletinRequest(campaignId, null, null, null, null));
    }
}
