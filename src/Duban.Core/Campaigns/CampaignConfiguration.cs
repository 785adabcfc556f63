using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Core.Campaigns;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> campaign)
    {
        campaign.Property(c => c.Code).HasMaxLength(30);
        campaign.HasIndex(c => c.Code).IsUnique();
        campaign.Property(c => c.Name).HasMaxLength(100);
    }
}
