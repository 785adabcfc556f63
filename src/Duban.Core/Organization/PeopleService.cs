using Duban.Core.Accounts;
using Duban.Core.Common;
using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Organization;

public sealed record PersonInput(string? Name, int UnitId, string? Position, bool IsPartyMember);

public sealed record PersonRow(int Id, string Name, int UnitId, string UnitName, string? Position, bool IsPartyMember,
    string? UserName, bool IsActive = true);

/// <summary>
/// A people search. By default only active people of active units, as pickers need; <see cref="IncludeInactive"/>
/// adds the deactivated ones (the admin list marks them 已停用).
/// </summary>
public sealed record PeopleQuery(int? UnitId = null, string? Text = null, bool IncludeSubUnits = true, bool IncludeInactive = false);

/// <summary>People within the actor's scope: search and paging for everyone, changes for administrators.</summary>
public sealed class PeopleService(DubanDb db, UnitService units, TimeProvider clock)
{
    public const int SearchMaxLength = 50;

    public async Task<Page<PersonRow>> SearchAsync(PeopleQuery query, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        var people = db.People.AsNoTracking();
        if (!query.IncludeInactive)
        {
            people = people.Where(p => p.DeactivatedAt == null && p.Unit!.DeactivatedAt == null);
        }
        if (query.UnitId is { } unitId)
        {
            var unit = await units.GetAsync(unitId, cancellationToken);
            people = query.IncludeSubUnits
                ? people.Where(p => p.Unit!.Path.StartsWith(unit.Path))
                : people.Where(p => p.UnitId == unitId);
        }
        var text = Check.OptionalText(query.Text, "搜索内容", SearchMaxLength);
        if (text is not null)
        {
            people = people.Where(p => p.Name.Contains(text) || (p.Position != null && p.Position.Contains(text)));
        }
        var total = await people.CountAsync(cancellationToken);
        var rows = await people
            .OrderBy(p => p.Unit!.Path).ThenBy(p => p.Id)
            .Skip(page.Skip).Take(page.PageSize)
            .Select(p => new PersonRow(p.Id, p.Name, p.UnitId, p.Unit!.Name, p.Position, p.IsPartyMember,
                db.Users.Where(u => u.PersonId == p.Id).Select(u => u.UserName).FirstOrDefault(),
                p.DeactivatedAt == null && p.Unit!.DeactivatedAt == null))
            .ToListAsync(cancellationToken);
        return new Page<PersonRow>(rows, total, page.PageNumber, page.PageSize);
    }

    public async Task<Person> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        // A person outside the scope is not found either (404), so their existence is not confirmed.
        return await db.People.Include(p => p.Unit).FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw OrganizationErrors.PersonNotFound(id);
    }

    /// <summary>Whether the person may still be chosen (named responsible, given an account): neither they nor their unit deactivated.</summary>
    public Task<bool> IsActiveAsync(int id, CancellationToken cancellationToken = default) =>
        db.People.AnyAsync(p => p.Id == id && p.DeactivatedAt == null && p.Unit!.DeactivatedAt == null, cancellationToken);

    public async Task<Person> CreateAsync(PersonInput input)
    {
        db.Actor.Require(OrganizationPermissions.Manage);
        var unit = await ActiveUnitAsync(input.UnitId);
        var person = new Person(input.Name ?? string.Empty, unit, input.Position, input.IsPartyMember);
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    public async Task<Person> UpdateAsync(int id, PersonInput input)
    {
        db.Actor.Require(OrganizationPermissions.Manage);
        var person = await GetAsync(id);
        var unit = input.UnitId == person.UnitId ? await units.GetAsync(input.UnitId) : await ActiveUnitAsync(input.UnitId);
        if (unit.Id != person.UnitId)
        {
            // Someone who leaves a unit can no longer be its head or liaison.
            var oldUnit = await units.GetAsync(person.UnitId);
            oldUnit.NameResponsiblePeople(
                oldUnit.HeadPersonId == person.Id ? null : await FindAsync(oldUnit.HeadPersonId),
                oldUnit.LiaisonPersonId == person.Id ? null : await FindAsync(oldUnit.LiaisonPersonId));
        }
        person.Update(input.Name ?? string.Empty, unit, input.Position, input.IsPartyMember);
        await db.SaveChangesAsync();
        return person;
    }

    /// <summary>停用: the person stays on the items and units that name them, but is no longer offered for new ones.</summary>
    public async Task<Person> DeactivateAsync(int id, string? confirmName = null)
    {
        db.Actor.Require(OrganizationPermissions.Manage);
        var person = await GetAsync(id);
        UnitService.RequireConfirmation(person.Name, confirmName);
        person.Deactivate(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        return person;
    }

    public async Task<Person> ReactivateAsync(int id, string? confirmName = null)
    {
        db.Actor.Require(OrganizationPermissions.Manage);
        var person = await GetAsync(id);
        UnitService.RequireConfirmation(person.Name, confirmName);
        person.Reactivate();
        await db.SaveChangesAsync();
        return person;
    }

    private async Task<Unit> ActiveUnitAsync(int id)
    {
        var unit = await units.GetAsync(id);
        return unit.IsActive ? unit : throw OrganizationErrors.UnitInactive(unit.Name);
    }

    private async Task<Person?> FindAsync(int? id) =>
        id is null ? null : await db.People.FirstOrDefaultAsync(p => p.Id == id);
}
