using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Organization;

public sealed record UnitInput(string? Name, UnitKind Kind, int? ParentId, int SortOrder, int? HeadPersonId = null,
    int? LiaisonPersonId = null);

public sealed record UnitRow(int Id, string Name, UnitKind Kind, int? ParentId, string Path, int Depth, int SortOrder,
    int? HeadPersonId, string? HeadName, int? LiaisonPersonId, string? LiaisonName, int PeopleCount, bool IsActive = true)
{
    public string KindName => Unit.KindName(Kind);
}

/// <summary>The unit tree: reading within the actor's scope, and changes by administrators.</summary>
public sealed class UnitService(DubanDb db, TimeProvider clock)
{
    /// <summary>The visible active units in tree order (each parent before its children, siblings by sort order): what pickers offer.</summary>
    public Task<IReadOnlyList<UnitRow>> ListAsync(CancellationToken cancellationToken = default) =>
        ListAsync(includeInactive: false, cancellationToken);

    /// <summary>The visible units in tree order; with <paramref name="includeInactive"/> the deactivated ones too (the admin list).</summary>
    public async Task<IReadOnlyList<UnitRow>> ListAsync(bool includeInactive, CancellationToken cancellationToken = default)
    {
        var units = await db.Units.AsNoTracking().Where(u => includeInactive || u.DeactivatedAt == null).ToListAsync(cancellationToken);
        var names = await db.People.IgnoreQueryFilters().AsNoTracking()
            .Where(p => units.Select(u => u.HeadPersonId).Contains(p.Id) || units.Select(u => u.LiaisonPersonId).Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var counts = await db.People.GroupBy(p => p.UnitId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var byParent = units.ToLookup(u => u.ParentId);
        var visibleIds = units.Select(u => u.Id).ToHashSet();
        var rows = new List<UnitRow>(units.Count);
        void Walk(Unit unit)
        {
            rows.Add(new UnitRow(unit.Id, unit.Name, unit.Kind, unit.ParentId, unit.Path, unit.Depth, unit.SortOrder,
                unit.HeadPersonId, Lookup(names, unit.HeadPersonId), unit.LiaisonPersonId,
                Lookup(names, unit.LiaisonPersonId), counts.GetValueOrDefault(unit.Id), unit.IsActive));
            foreach (var child in byParent[unit.Id].OrderBy(c => c.SortOrder).ThenBy(c => c.Id))
            {
                Walk(child);
            }
        }
        // The tops of what this actor sees: units whose parent is not visible to them.
        foreach (var top in units.Where(u => u.ParentId is null || !visibleIds.Contains(u.ParentId.Value))
                     .OrderBy(u => u.Path.Length).ThenBy(u => u.SortOrder))
        {
            Walk(top);
        }
        return rows;
    }

    /// <summary>A unit the actor may see; one outside the scope is not found either (404), so its existence is not confirmed.</summary>
    public async Task<Unit> GetAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Units.FirstOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw OrganizationErrors.UnitNotFound(id);

    public async Task<Unit> CreateAsync(UnitInput input)
    {
        db.Actor.Require(OrganizationPermissions.Manage);
        var parent = input.ParentId is null ? null : await GetAsync(input.ParentId.Value);
        if (parent is null && await db.Units.AnyAsync())
        {
            throw OrganizationErrors.SecondRoot();
        }
        if (parent is { IsActive: false })
        {
            throw OrganizationErrors.UnitInactive(parent.Name);
        }
        var unit = new Unit(input.Name ?? string.Empty, input.Kind, parent, input.SortOrder);
        await RequireUniqueNameAsync(unit.Name, parent, exceptId: null);
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        unit.PlaceUnder(parent);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return unit;
    }

    public async Task<Unit> UpdateAsync(int id, UnitInput input)
    {
        db.Actor.Require(OrganizationPermissions.Manage);
        var unit = await GetAsync(id);
        var head = input.HeadPersonId is null ? null : await FindPersonAsync(input.HeadPersonId.Value);
        var liaison = input.LiaisonPersonId is null ? null : await FindPersonAsync(input.LiaisonPersonId.Value);
        foreach (var person in new[] { head, liaison })
        {
            if (person is { IsActive: false } && person.Id != unit.HeadPersonId && person.Id != unit.LiaisonPersonId)
            {
                throw OrganizationErrors.PersonInactive(person.Name);
            }
        }
        unit.Edit(input.Name ?? string.Empty, input.Kind, input.SortOrder, head, liaison, moves: input.ParentId != unit.ParentId);
        var newParent = input.ParentId is { } parentId && parentId != unit.ParentId ? await GetAsync(parentId) : null;
        if (newParent is { IsActive: false })
        {
            throw OrganizationErrors.UnitInactive(newParent.Name);
        }
        await RequireUniqueNameAsync(unit.Name, newParent ?? (unit.ParentId is { } current ? await GetAsync(current) : null), unit.Id);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var moved = input.ParentId != unit.ParentId ? await MoveAsync(unit, input.ParentId) : [];
        await db.SaveChangesAsync();
        foreach (var each in moved)
        {
            await db.MoveUnitPathAsync(each.Id, each.Path);
        }
        await transaction.CommitAsync();
        return unit;
    }

    /// <summary>停用 a unit with no active unit below it; its people and items keep their records.</summary>
    public async Task<Unit> DeactivateAsync(int id, string? confirmName = null)
    {
        db.Actor.Require(OrganizationPermissions.Manage);
        var unit = await GetAsync(id);
        RequireConfirmation(unit.Name, confirmName);
        var hasActiveChildren = await db.Units.IgnoreQueryFilters().AnyAsync(u => u.ParentId == unit.Id && u.DeactivatedAt == null);
        unit.Deactivate(clock.GetUtcNow().UtcDateTime, hasActiveChildren);
        await db.SaveChangesAsync();
        return unit;
    }

    public async Task<Unit> ReactivateAsync(int id, string? confirmName = null)
    {
        db.Actor.Require(OrganizationPermissions.Manage);
        var unit = await GetAsync(id);
        RequireConfirmation(unit.Name, confirmName);
        var parent = unit.ParentId is null ? null : await db.Units.IgnoreQueryFilters().FirstAsync(u => u.Id == unit.ParentId);
        unit.Reactivate(parent);
        await db.SaveChangesAsync();
        return unit;
    }

    /// <summary>
    /// The API names the record it deactivates or reactivates as well as its id, so a script with a wrong id changes
    /// nothing; the pages confirm with a step of their own and pass nothing.
    /// </summary>
    internal static void RequireConfirmation(string name, string? confirmName)
    {
        if (confirmName is not null && !SameName(confirmName, name))
        {
            throw OrganizationErrors.NameNotConfirmed(name);
        }
    }

    /// <summary>Siblings (under the same parent) must differ in name, ignoring case and surrounding spaces; deactivated ones count too.</summary>
    private async Task RequireUniqueNameAsync(string name, Unit? parent, int? exceptId)
    {
        if (parent is null)
        {
            return;
        }
        var siblings = await db.Units.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.ParentId == parent.Id && u.Id != exceptId)
            .Select(u => new { u.Name, u.DeactivatedAt })
            .ToListAsync();
        if (siblings.FirstOrDefault(s => SameName(s.Name, name)) is { } taken)
        {
            throw OrganizationErrors.SiblingNameTaken(name, parent.Name, taken.DeactivatedAt is not null);
        }
    }

    private static bool SameName(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private async Task<List<Unit>> MoveAsync(Unit unit, int? parentId)
    {
        if (parentId is null)
        {
            throw OrganizationErrors.SecondRoot();
        }
        var parent = await GetAsync(parentId.Value);
        if (unit.Contains(parent))
        {
            throw OrganizationErrors.MoveIntoOwnSubtree();
        }
        var oldPath = unit.Path;
        var subtree = await db.Units.Where(u => u.Path.StartsWith(oldPath) && u.Id != unit.Id).ToListAsync();
        unit.PlaceUnder(parent);
        var byId = subtree.Append(unit).ToDictionary(u => u.Id);
        foreach (var child in subtree.OrderBy(u => u.Path.Length))
        {
            child.PlaceUnder(byId[child.ParentId!.Value]);
        }
        return [.. byId.Values];
    }

    private async Task<Person> FindPersonAsync(int id) =>
        await db.People.FirstOrDefaultAsync(p => p.Id == id) ?? throw OrganizationErrors.PersonNotFound(id);

    private static string? Lookup(Dictionary<int, string> names, int? id) =>
        id is not null && names.TryGetValue(id.Value, out var name) ? name : null;
}
