using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Core.Catalog;

internal sealed class CatalogConfiguration : IEntityTypeConfiguration<CatalogEntry>
{
    public void Configure(EntityTypeBuilder<CatalogEntry> entry)
    {
        entry.Property(e => e.Code).HasMaxLength(20);
        entry.HasIndex(e => e.Code).IsUnique();
        entry.Property(e => e.Title).HasMaxLength(CatalogEntry.TitleMaxLength);
        entry.Property(e => e.Description).HasMaxLength(CatalogEntry.DescriptionMaxLength);
        entry.Property(e => e.Aliases).HasMaxLength(CatalogEntry.AliasesMaxLength);
        entry.Property(e => e.Source).HasMaxLength(CatalogEntry.SourceMaxLength);
        entry.Ignore(e => e.AliasList);
    }
}
