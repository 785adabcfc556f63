using Duban.Core.Campaigns;
using Duban.Core.Ledger;
using Duban.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Core.Supervision.Slips;

internal sealed class UrgeSlipConfiguration : IEntityTypeConfiguration<UrgeSlip>
{
    public void Configure(EntityTypeBuilder<UrgeSlip> slip)
    {
        slip.ToTable("UrgeSlips");
        // The unique number of the year is what makes concurrent issuing retry instead of repeating a number.
        slip.HasIndex(s => new { s.Year, s.Number }).IsUnique();
        slip.HasIndex(s => new { s.UnitId, s.Id });
        slip.HasIndex(s => s.UnitPath);
        slip.Property(s => s.UnitPath).HasMaxLength(400);
        slip.Property(s => s.UnitName).HasMaxLength(100);
        slip.Property(s => s.Demand).HasMaxLength(UrgeSlip.DemandMaxLength);
        slip.Property(s => s.IssuedByName).HasMaxLength(100);
        slip.Property(s => s.AcknowledgedByName).HasMaxLength(100);
        slip.Property(s => s.RepliedByName).HasMaxLength(100);
        slip.Property(s => s.ReplyText).HasMaxLength(UrgeSlip.ReplyMaxLength);
        slip.Property(s => s.ReplyFileName).HasMaxLength(EvidenceFile.FileNameMaxLength);
        slip.Property(s => s.ReplyFileContentType).HasMaxLength(100);
        slip.Property(s => s.ReplyFileSha256).HasMaxLength(64);
        slip.Property(s => s.Version).IsConcurrencyToken();
        slip.Ignore(s => s.HasReplyFile);
        slip.HasOne<Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Restrict);
        slip.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        slip.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.SlipId).OnDelete(DeleteBehavior.Cascade);
        slip.Navigation(s => s.Items).HasField("_items");
    }
}

internal sealed class UrgeSlipItemConfiguration : IEntityTypeConfiguration<UrgeSlipItem>
{
    public void Configure(EntityTypeBuilder<UrgeSlipItem> item)
    {
        item.ToTable("UrgeSlipItems");
        item.Property(i => i.ItemCode).HasMaxLength(20);
        item.Property(i => i.Problem).HasMaxLength(UrgeSlipItem.ProblemMaxLength);
        // "Had an earlier slip" is asked per item, by the proposal and on issuing.
        item.HasIndex(i => i.ItemId);
        item.HasIndex(i => i.SlipId);
        item.HasOne<RectificationItem>().WithMany().HasForeignKey(i => i.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
