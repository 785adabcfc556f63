using Duban.Core.Common.Workflow;
using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Core.Bulletins;

/// <summary>
/// The demo's bulletins: one published for the whole campaign so far (numbered, with its Word file; its PDF is made
/// on the first download), praising and criticising demo units by the rules, and one draft. Loading twice changes nothing.
/// </summary>
internal sealed class DemoBulletins(DubanDb db, IServiceProvider services)
{
    public async Task LoadAsync(int campaignId)
    {
        if (await db.Set<Bulletin>().IgnoreQueryFilters().AnyAsync())
        {
            return;
        }
        var bulletins = services.GetRequiredService<BulletinService>();
        var published = await bulletins.DraftAsync(new BulletinRequest(campaignId, null, null, null, null));
        await bulletins.ActAsync(published.Id, BulletinAction.Submit, ActionInput.None);
        await bulletins.ActAsync(published.Id, BulletinAction.Approve, ActionInput.None);
        await bulletins.PublishAsync(published.Id, null, renderPdf: false);
        await bulletins.DraftAsync(new BulletinRequest(campaignId, null, null, null, null));
    }
}
