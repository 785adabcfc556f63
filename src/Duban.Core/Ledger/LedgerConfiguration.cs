using Duban.Core.Campaigns;
using Duban.Core.Catalog;
using Duban.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Core.Ledger;

internal sealed class RectificationItemConfiguration : IEntityTypeConfiguration<RectificationItem>
{
    public void Configure(EntityTypeBuilder<RectificationItem> item)
    {
        item.ToTable("Items");
        item.Property(i => i.Code).HasMaxLength(20);
        item.Property(i => i.UnitPath).HasMaxLength(400);
        item.Property(i => i.Problem).HasMaxLength(RectificationItem.ProblemMaxLength);
        item.Property(i => i.Goal).HasMaxLength(RectificationItem.GoalMaxLength);
        item.Property(i => i.MeasuresText).HasMaxLength(RectificationItem.MaxMeasures * (RectificationItem.MeasureMaxLength + 1));
        item.Property(i => i.PendingExtensionReason).HasMaxLength(RectificationItem.TextMaxLength);
        item.Property(i => i.NoEvidenceReason).HasMaxLength(RectificationItem.TextMaxLength);
        item.Property(i => i.Version).IsConcurrencyToken();
        item.Ignore(i => i.Measures);
        item.Ignore(i => i.FindingsNeedASupervisor);
        item.HasIndex(i => new { i.CampaignId, i.Number }).IsUnique();
        item.HasIndex(i => i.Code);
        item.Property(i => i.SourceCode).HasMaxLength(40);
        // The list filters by unit and state and pages by id; the light counts bucket open items by due date.
        item.HasIndex(i => new { i.UnitId, i.State, i.Id });
        item.HasIndex(i => new { i.State, i.DueOn, i.DeadlineKind });
        // The urge-slip proposal counts open dated items due by a day, by unit, from the index alone (SlipQueries).
        item.HasIndex(i => new { i.State, i.DeadlineKind, i.DueOn, i.UnitId });
        // A random draw reads the codes of a campaign's closed items, a few hundred thousand at once: from the index alone.
        item.HasIndex(i => new { i.CampaignId, i.State, i.Code });
        // A bulletin counts a campaign's items by unit and standing at a cut-off: unit by unit, from the index alone. The
        // code at its end lets an assessment list the items it counts (closed in a period, red at the cut-off) from it too.
        item.HasIndex(i => new { i.CampaignId, i.UnitId, i.FoundOn, i.CreatedAt, i.Source, i.ClosedAt, i.ClosedOn, i.DueOn, i.Code })
            .HasDatabaseName("IX_Items_BulletinCounts");
        // The dashboard counts a campaign's items found, and those closed, per day over its last weeks: a range of the index.
        item.HasIndex(i => new { i.CampaignId, i.FoundOn, i.CreatedAt });
        item.HasIndex(i => new { i.CampaignId, i.ClosedOn });
        item.HasIndex(i => i.UnitPath);
        item.HasIndex(i => i.ResponsiblePersonId);
        item.Property(i => i.ImportKey).HasMaxLength(64);
        item.HasIndex(i => new { i.CampaignId, i.ImportKey }).IsUnique();
        item.HasOne<Campaign>().WithMany().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Restrict);
        item.HasOne<Unit>().WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.Restrict);
        item.HasOne<Person>().WithMany().HasForeignKey(i => i.LeaderPersonId).OnDelete(DeleteBehavior.Restrict);
        item.HasOne<Person>().WithMany().HasForeignKey(i => i.ResponsiblePersonId).OnDelete(DeleteBehavior.Restrict);
        item.HasMany(i => i.History).WithOne().HasForeignKey(e => e.ItemId).OnDelete(DeleteBehavior.Cascade);
        item.Navigation(i => i.History).HasField("_history");
        item.HasMany(i => i.Evidence).WithOne().HasForeignKey(e => e.ItemId).OnDelete(DeleteBehavior.Cascade);
        item.Navigation(i => i.Evidence).HasField("_evidence");
        item.HasMany(i => i.Categories).WithOne().HasForeignKey(c => c.ItemId).OnDelete(DeleteBehavior.Cascade);
        item.Navigation(i => i.Categories).HasField("_categories");
    }
}

internal sealed class ItemEventConfiguration : IEntityTypeConfiguration<ItemEvent>
{
    public void Configure(EntityTypeBuilder<ItemEvent> itemEvent)
    {
        itemEvent.ToTable("ItemEvents");
        itemEvent.Property(e => e.ActorName).HasMaxLength(100);
        itemEvent.Property(e => e.Text).HasMaxLength(RectificationItem.TextMaxLength);
        itemEvent.Property(e => e.ChangesJson).HasColumnName("Changes");
        itemEvent.Ignore(e => e.Changes);
        itemEvent.HasIndex(e => new { e.ItemId, e.Id });
        // An assessment reads one kind of step over a period (every return at verification) without walking all history.
        itemEvent.HasIndex(e => new { e.Kind, e.At, e.ItemId });
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> file)
    {
        file.ToTable("EvidenceFiles");
        file.Property(f => f.FileName).HasMaxLength(EvidenceFile.FileNameMaxLength);
        file.Property(f => f.ContentType).HasMaxLength(100);
        file.Property(f => f.Sha256).HasMaxLength(64);
        file.Property(f => f.UploadedByName).HasMaxLength(100);
        file.Property(f => f.WithdrawnByName).HasMaxLength(100);
        file.HasIndex(f => f.ItemId);
    }
}

internal sealed class ItemCategoryConfiguration : IEntityTypeConfiguration<ItemCategory>
{
    public void Configure(EntityTypeBuilder<ItemCategory> category)
    {
        category.ToTable("ItemCategories");
        category.HasKey(c => new { c.ItemId, c.CatalogEntryId });
        category.HasOne<CatalogEntry>().WithMany().HasForeignKey(c => c.CatalogEntryId).OnDelete(DeleteBehavior.Restrict);
        category.HasIndex(c => c.CatalogEntryId);
    }
}
