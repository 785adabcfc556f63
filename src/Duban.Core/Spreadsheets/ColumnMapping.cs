using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Core.Spreadsheets;

/// <summary>
/// A header an office writes that the synonym table does not know, mapped by hand to a standard column — or to none,
/// to leave that column out — and remembered for every later import, from the pages and the CLI alike.
/// </summary>
public sealed class ColumnMapping
{
    public const int HeaderMaxLength = 100;

    private ColumnMapping()
    {
    }

    public ColumnMapping(string header, LedgerColumn? column, DateTime at)
    {
        Header = header;
        Column = column;
        UpdatedAt = at;
    }

    public int Id { get; private set; }

    /// <summary>The header as <see cref="LedgerColumns.Normalize"/> leaves it.</summary>
    public string Header { get; private set; } = string.Empty;

    /// <summary>The standard column the header means; null when the column is to be left out.</summary>
    public LedgerColumn? Column { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public void Change(LedgerColumn? column, DateTime at)
    {
        Column = column;
        UpdatedAt = at;
    }
}

internal sealed class ColumnMappingConfiguration : IEntityTypeConfiguration<ColumnMapping>
{
    public void Configure(EntityTypeBuilder<ColumnMapping> mapping)
    {
        mapping.Property(m => m.Header).HasMaxLength(ColumnMapping.HeaderMaxLength);
        mapping.HasIndex(m => m.Header).IsUnique();
        mapping.Property(m => m.Column).HasConversion<string>().HasMaxLength(20);
    }
}
