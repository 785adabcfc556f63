using Duban.Core.Accounts;
using Duban.Core.Common;
using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Catalog;

public sealed record CatalogInput(string? Title, string? Description, string? Aliases, string? Source);

/// <summary>The problem catalog: everyone reads it, supervisors keep it.</summary>
public sealed class CatalogService(DubanDb db)
{
    public async Task<IReadOnlyList<CatalogEntry>> ListAsync(CatalogSet? set = null, string? text = null,
        CancellationToken cancellationToken = default)
    {
        var entries = db.CatalogEntries.AsNoTracking();
        if (set is not null)
        {
            entries = entries.Where(e => e.Set == set);
        }
        var search = Check.OptionalText(text, "搜索内容", 50);
        if (search is not null)
        {
            entries = entries.Where(e => e.Title.Contains(search)
                || (e.Aliases != null && e.Aliases.Contains(search))
                || (e.Description != null && e.Description.Contains(search)));
        }
        return await entries.OrderBy(e => e.Set).ThenBy(e => e.SortOrder).ToListAsync(cancellationToken);
    }

    public async Task<CatalogEntry> GetAsync(int id, CancellationToken cancellationToken = default) =>
        await db.CatalogEntries.FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
        ?? throw CatalogErrors.NotFound(id);

    public async Task<CatalogEntry> UpdateAsync(int id, CatalogInput input)
    {
        db.Actor.Require(CatalogPermissions.Edit);
        var entry = await GetAsync(id);
        entry.Edit(input.Title ?? string.Empty, input.Description, input.Aliases, input.Source ?? string.Empty);
        await db.SaveChangesAsync();
        return entry;
    }

    /// <summary>Adds the built-in entries that are missing; never touches existing ones.</summary>
    internal async Task<int> SeedAsync()
    {
        var existing = (await db.CatalogEntries.Select(e => e.Code).ToListAsync()).ToHashSet();
        var missing = BuiltInCatalog.Entries.Where(e => !existing.Contains(e.Code)).ToList();
        db.CatalogEntries.AddRange(missing.Select(Copy));
        await db.SaveChangesAsync();
        return missing.Count;
    }

    // The built-in list is shared and immutable; each database gets its own instances.
    private static CatalogEntry Copy(CatalogEntry e) =>
        new(e.Set, e.Code, e.SortOrder, e.Title, e.Description, e.Aliases, e.Source, e.IsPlaceholder);
}
