using Duban.Core.Accounts;
using Duban.Core.Common;
using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Spreadsheets;

/// <summary>The column mappings users chose by hand, read by every import and kept (audited) when a user maps a column.</summary>
public sealed class ColumnMappings(DubanDb db, TimeProvider clock)
{
    /// <summary>Normalised header → the column it means (null: leave it out).</summary>
    public async Task<IReadOnlyDictionary<string, LedgerColumn?>> LoadAsync(CancellationToken cancellationToken = default) =>
        await db.ColumnMappings.AsNoTracking().ToDictionaryAsync(m => m.Header, m => m.Column, cancellationToken);

    /// <summary>Remembers each header's column; a header the synonym table already knows cannot be remapped.</summary>
    public async Task RememberAsync(IReadOnlyDictionary<string, LedgerColumn?> choices, CancellationToken cancellationToken = default)
    {
        db.Actor.Require(SpreadsheetPermissions.Import);
        var normalised = new Dictionary<string, LedgerColumn?>();
        foreach (var (header, column) in choices)
        {
            var name = LedgerColumns.Normalize(header);
            if (name.Length == 0 || name.Length > ColumnMapping.HeaderMaxLength)
            {
                throw SpreadsheetErrors.HeaderLength(ColumnMapping.HeaderMaxLength);
            }
            if (LedgerColumns.Match(name) is not null)
            {
                throw SpreadsheetErrors.HeaderIsStandard(header);
            }
            if (column is { } value && !Enum.IsDefined(value))
            {
                throw SpreadsheetErrors.MappedColumnUnknown(header);
            }
            normalised[name] = column;
        }
        var names = normalised.Keys.ToList();
        var existing = await db.ColumnMappings.Where(m => names.Contains(m.Header)).ToDictionaryAsync(m => m.Header, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (name, column) in normalised)
        {
            if (existing.TryGetValue(name, out var mapping))
            {
                mapping.Change(column, now);
            }
            else
            {
                db.ColumnMappings.Add(new ColumnMapping(name, column, now));
            }
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two people mapping the same new header at once: the unique index keeps one.
            throw SpreadsheetErrors.MappingRace();
        }
    }
}
