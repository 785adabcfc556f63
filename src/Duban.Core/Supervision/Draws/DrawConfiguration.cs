using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Core.Supervision.Draws;

internal sealed class DrawConfiguration : IEntityTypeConfiguration<Draw>
{
    public void Configure(EntityTypeBuilder<Draw> draw)
    {
        draw.ToTable("Draws");
        draw.HasIndex(d => new { d.Year, d.Number }).IsUnique();
        draw.HasIndex(d => d.Code).IsUnique();
        // One replacement per draw: two redraws of the same draw at once cannot both be saved.
        draw.HasIndex(d => d.ReplacesDrawId).IsUnique();
        draw.HasIndex(d => d.CampaignId);
        draw.Property(d => d.Code).HasMaxLength(20);
        draw.Property(d => d.Seed).HasMaxLength(DrawMethod.SeedMaxLength);
        draw.Property(d => d.Algorithm).HasMaxLength(30);
        draw.Property(d => d.PopulationHash).HasMaxLength(64);
        draw.Property(d => d.DrawnBy).HasMaxLength(100);
        draw.Property(d => d.ReplaceReason).HasMaxLength(Draw.ReasonMaxLength);
        draw.HasOne<Campaigns.Campaign>().WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Restrict);
        draw.HasOne<Draw>().WithOne().HasForeignKey<Draw>(d => d.ReplacesDrawId).OnDelete(DeleteBehavior.Restrict);
        draw.HasMany(d => d.Checks).WithOne().HasForeignKey(c => c.DrawId).OnDelete(DeleteBehavior.Restrict);
        draw.Navigation(d => d.Checks).UsePropertyAccessMode(PropertyAccessMode.Field);
        draw.Ignore(d => d.PopulationKeys);
        draw.Ignore(d => d.ExcludedKeys);
        draw.Ignore(d => d.SelectedKeys);
    }
}

internal sealed class DrawCheckConfiguration : IEntityTypeConfiguration<DrawCheck>
{
    public void Configure(EntityTypeBuilder<DrawCheck> check)
    {
        check.ToTable("DrawChecks");
        check.HasIndex(c => new { c.DrawId, c.Key }).IsUnique();
        check.HasIndex(c => c.UnitId);
        check.Property(c => c.Key).HasMaxLength(40);
        check.Property(c => c.Reason).HasMaxLength(DrawCheck.ReasonMaxLength);
        check.Property(c => c.EvidenceFileName).HasMaxLength(Ledger.EvidenceFile.FileNameMaxLength);
        check.Property(c => c.EvidenceContentType).HasMaxLength(100);
        check.Property(c => c.EvidenceSha256).HasMaxLength(64);
        check.Property(c => c.By).HasMaxLength(100);
        check.HasOne<Ledger.RectificationItem>().WithMany().HasForeignKey(c => c.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
