using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Ledger;

/// <summary>Items are numbered per campaign (ZG-2026-0001, …), across every unit, whoever asks.</summary>
public static class ItemNumbers
{
    /// <summary>The highest number the campaign has given so far (0 for none).</summary>
    public static async Task<int> LastNumberAsync(this DubanDb db, int campaignId, CancellationToken cancellationToken = default) =>
        await db.Items.IgnoreQueryFilters().Where(i => i.CampaignId == campaignId)
            .Select(i => (int?)i.Number).MaxAsync(cancellationToken) ?? 0;
}
