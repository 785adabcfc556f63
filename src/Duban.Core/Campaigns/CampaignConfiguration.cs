using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Core.Campaigns;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> campaign)
    {
        // No DbSet names the table, so the configuration does.
        campaign.ToTable("Campaigns");
        campaign.Property(c => c.Code).HasMaxLength(Campaign.CodeMaxLength);
        campaign.HasIndex(c => c.Code).IsUnique();
        campaign.Property(c => c.Name).HasMaxLength(Campaign.NameMaxLength);
        // Campaigns made before prefixes were settable numbered their items ZG-….
        campaign.Property(c => c.ItemPrefix).HasMaxLength(10).HasDefaultValue(Campaign.DefaultItemPrefix);
        campaign.Ignore(c => c.IsClosed);
    }
}
