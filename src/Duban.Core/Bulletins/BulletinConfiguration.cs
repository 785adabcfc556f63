using Duban.Core.Campaigns;
using Duban.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Core.Bulletins;

internal sealed class BulletinConfiguration : IEntityTypeConfiguration<Bulletin>
{
    public void Configure(EntityTypeBuilder<Bulletin> bulletin)
    {
        bulletin.ToTable("Bulletins");
        // The unique number of the year turns two concurrent publishes into a retry, never a repeated number.
        bulletin.HasIndex(b => new { b.Year, b.Number }).IsUnique();
        bulletin.HasIndex(b => b.State);
        bulletin.Property(b => b.CampaignName).HasMaxLength(Campaign.NameMaxLength);
        bulletin.Property(b => b.ScopeName).HasMaxLength(200);
        bulletin.Property(b => b.Title).HasMaxLength(Bulletin.TitleMaxLength);
        bulletin.Property(b => b.Signature).HasMaxLength(Bulletin.SignatureMaxLength);
        bulletin.Property(b => b.NumberText).HasMaxLength(BulletinQueries.NumberMaxLength);
        bulletin.Property(b => b.CorrectsNumber).HasMaxLength(BulletinQueries.NumberMaxLength);
        bulletin.Property(b => b.DraftedBy).HasMaxLength(100);
        bulletin.Property(b => b.ApprovedBy).HasMaxLength(100);
        bulletin.Property(b => b.ReturnedBy).HasMaxLength(100);
        bulletin.Property(b => b.PublishedBy).HasMaxLength(100);
        bulletin.Property(b => b.WithdrawnBy).HasMaxLength(100);
        bulletin.Property(b => b.ReturnReason).HasMaxLength(Bulletin.ReasonMaxLength);
        bulletin.Property(b => b.WithdrawReason).HasMaxLength(Bulletin.ReasonMaxLength);
        bulletin.Property(b => b.PdfError).HasMaxLength(500);
        bulletin.Property(b => b.ContentSha256).HasMaxLength(64);
        bulletin.Property(b => b.DocxSha256).HasMaxLength(64);
        bulletin.Property(b => b.PdfSha256).HasMaxLength(64);
        bulletin.Property(b => b.Version).IsConcurrencyToken();
        bulletin.Ignore(b => b.Body);
        bulletin.Ignore(b => b.Figures);
        bulletin.Ignore(b => b.Table);
        bulletin.Ignore(b => b.Units);
        bulletin.HasOne<Campaign>().WithMany().HasForeignKey(b => b.CampaignId).OnDelete(DeleteBehavior.Restrict);
        bulletin.HasOne<Bulletin>().WithMany().HasForeignKey(b => b.CorrectsId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BulletinRecipientConfiguration : IEntityTypeConfiguration<BulletinRecipient>
{
    public void Configure(EntityTypeBuilder<BulletinRecipient> recipient)
    {
        recipient.ToTable("BulletinRecipients");
        recipient.HasIndex(r => new { r.BulletinId, r.UnitId }).IsUnique();
        recipient.HasIndex(r => new { r.UnitId, r.BulletinId });
        recipient.HasIndex(r => r.UnitPath);
        recipient.Property(r => r.UnitPath).HasMaxLength(400);
        recipient.Property(r => r.UnitName).HasMaxLength(100);
        recipient.Property(r => r.AcknowledgedBy).HasMaxLength(100);
        recipient.Property(r => r.FeedbackBy).HasMaxLength(100);
        recipient.Property(r => r.FeedbackText).HasMaxLength(BulletinRecipient.FeedbackMaxLength);
        recipient.Property(r => r.ItemCode).HasMaxLength(20);
        recipient.Property(r => r.Version).IsConcurrencyToken();
        recipient.Ignore(r => r.FeedbackAsked);
        recipient.HasOne<Bulletin>().WithMany().HasForeignKey(r => r.BulletinId).OnDelete(DeleteBehavior.Cascade);
        recipient.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BulletinRevisionConfiguration : IEntityTypeConfiguration<BulletinRevision>
{
    public void Configure(EntityTypeBuilder<BulletinRevision> revision)
    {
        revision.ToTable("BulletinRevisions");
        revision.HasIndex(r => r.BulletinId);
        revision.Property(r => r.Step).HasMaxLength(40);
        revision.Property(r => r.Title).HasMaxLength(Bulletin.TitleMaxLength);
        revision.Property(r => r.By).HasMaxLength(100);
        revision.HasOne(r => r.Bulletin).WithMany().HasForeignKey(r => r.BulletinId).OnDelete(DeleteBehavior.Cascade);
    }
}
