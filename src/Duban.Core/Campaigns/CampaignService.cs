using Duban.Core.Common;
using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Campaigns;

/// <summary>What a person fills in for a campaign; on an edit, what is left empty stays as it was.</summary>
public sealed record CampaignInput(string? Code, string? Name, int? Year, string? ItemPrefix, DateOnly? StartsOn, DateOnly? EndsOn);

/// <summary>
/// Campaigns: listing, opening, changing and closing them (by the transition table <see cref="CampaignWorkflow"/>),
/// the default one for new items, and the check every change to an item makes that its campaign is still open.
/// </summary>
public sealed class CampaignService(DubanDb db, TimeProvider clock)
{
    public async Task<Page<Campaign>> ListAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        var campaigns = db.Set<Campaign>().AsNoTracking();
        var total = await campaigns.CountAsync(cancellationToken);
        var rows = await campaigns.OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).Skip(page.Skip).Take(page.PageSize)
            .ToListAsync(cancellationToken);
        return new Page<Campaign>(rows, total, page.PageNumber, page.PageSize);
    }

    /// <summary>Every campaign, newest first, for pickers (a district has one a year).</summary>
    public async Task<IReadOnlyList<Campaign>> AllAsync(CancellationToken cancellationToken = default) =>
        await db.Set<Campaign>().AsNoTracking().OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);

    /// <summary>The campaign overviews show when none is chosen: the open one started last, else the first.</summary>
    public static Campaign? ShownFirst(IReadOnlyList<Campaign> all) =>
        all.Where(c => !c.IsClosed).OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id).FirstOrDefault() ?? (all.Count > 0 ? all[0] : null);

    public async Task<Campaign> GetAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Set<Campaign>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw CampaignErrors.NotFound(id);

    public async Task<Campaign> GetAsync(string code, CancellationToken cancellationToken = default)
    {
        var text = code.Trim().ToUpperInvariant();
        return await db.Set<Campaign>().FirstOrDefaultAsync(c => c.Code == text, cancellationToken) ?? throw CampaignErrors.CodeNotFound(code.Trim());
    }

    /// <summary>
    /// Where new items go when no campaign is named: the open campaign running today (next year's, opened early,
    /// waits for its first day); else the open one that ended last; else the next to start.
    /// </summary>
    public async Task<Campaign> DefaultAsync(CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.Today(clock);
        var open = db.Set<Campaign>().Where(c => c.ClosedAt == null);
        return await open.Where(c => c.StartsOn <= today && c.EndsOn >= today)
                .OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken)
            ?? await open.Where(c => c.StartsOn <= today).OrderByDescending(c => c.EndsOn).ThenByDescending(c => c.Id)
                .FirstOrDefaultAsync(cancellationToken)
            ?? await open.OrderBy(c => c.StartsOn).ThenBy(c => c.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw CampaignErrors.NoneOpen();
    }

    /// <summary>Refuses a change to an item of a closed campaign.</summary>
    public async Task RequireOpenAsync(int campaignId, CancellationToken cancellationToken = default) =>
        (await db.Set<Campaign>().AsNoTracking().FirstAsync(c => c.Id == campaignId, cancellationToken)).RequireOpen();

    public async Task<Campaign> CreateAsync(CampaignInput input, CancellationToken cancellationToken = default)
    {
        db.Actor.Require(CampaignPermissions.Manage);
        var campaign = Campaign.Create(input.Code, input.Name, input.Year, input.StartsOn, input.EndsOn, input.ItemPrefix);
        if (await db.Set<Campaign>().AnyAsync(c => c.Code == campaign.Code, cancellationToken))
        {
            throw CampaignErrors.CodeTaken(campaign.Code);
        }
        db.Set<Campaign>().Add(campaign);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two people opening the same code at once: the unique index keeps one.
            throw CampaignErrors.CodeTaken(campaign.Code);
        }
        return campaign;
    }

    public Task<Campaign> EditAsync(int id, CampaignInput input, CancellationToken cancellationToken = default) =>
        ActAsync(id, CampaignAction.Edit, async campaign =>
        {
            if (input.Code is { } code && !code.Trim().Equals(campaign.Code, StringComparison.OrdinalIgnoreCase))
            {
                throw CampaignErrors.CodeFixed();
            }
            var hasItems = await db.Items.IgnoreQueryFilters().AnyAsync(i => i.CampaignId == campaign.Id, cancellationToken);
            campaign.Edit(input.Name, input.Year, input.StartsOn, input.EndsOn, input.ItemPrefix, hasItems);
        }, cancellationToken);

    public Task<Campaign> CloseAsync(int id, CancellationToken cancellationToken = default) =>
        ActAsync(id, CampaignAction.Close, campaign =>
        {
            campaign.Close(clock.GetUtcNow().UtcDateTime);
            return Task.CompletedTask;
        }, cancellationToken);

    private async Task<Campaign> ActAsync(int id, CampaignAction action, Func<Campaign, Task> change, CancellationToken cancellationToken)
    {
        var campaign = await GetAsync(id, cancellationToken);
        return await db.ActAsync(CampaignWorkflow.Table, campaign, action, null, change, cancellationToken);
    }
}
