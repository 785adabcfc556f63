using Duban.Core.Data;
using Duban.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Ledger;

/// <summary>
/// Who may be named on an item: its 责任人 belongs to the responsible unit; its 责任领导 to that unit or a unit
/// above it (a district leader in charge of a section). A person of another unit is refused with a message.
/// </summary>
public static class ItemPeople
{
    public const string LeaderLabel = "责任领导";
    public const string ResponsibleLabel = "责任人";

    /// <summary>
    /// The people the pickers choose from for items of the actor's units: the people of those units, and of the
    /// units above them (leaders only pickers filter to their own unit's line).
    /// </summary>
    public static async Task<IReadOnlyList<PersonChoice>> ChoicesAsync(this DubanDb db, UnitDirectory directory,
        CancellationToken cancellationToken = default)
    {
        var units = await directory.AllAsync(db, cancellationToken);
        var unitIds = units.Values.Where(u => db.Actor.Sees(u.Id, u.Path)).SelectMany(u => LineOf(u.Path)).ToHashSet();
        // Units above the actor's scope are outside the people filter; only their people are added, not the district's.
        // Deactivated people (or people of a deactivated unit) are kept for history, not offered.
        var people = await db.People.IgnoreQueryFilters().Where(p => unitIds.Contains(p.UnitId) && p.DeactivatedAt == null && p.Unit!.DeactivatedAt == null)
            .Select(p => new { p.Id, p.Name, p.UnitId, p.Position }).ToListAsync(cancellationToken);
        return [.. people.Where(p => units.ContainsKey(p.UnitId))
            .Select(p => new PersonChoice(p.Id, p.Name, p.UnitId, units[p.UnitId].Name, units[p.UnitId].Path, p.Position))
            .OrderBy(p => p.UnitPath, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)];
    }

    /// <summary>Refuses a 责任人 outside the unit or a 责任领导 outside its line; those already on the item stand.</summary>
    public static async Task CheckPeopleAsync(this DubanDb db, int unitId, int? leaderId, int? responsibleId,
        RectificationItem? item = null, CancellationToken cancellationToken = default)
    {
        if (leaderId is { } leader && leader != item?.LeaderPersonId)
        {
            await CheckAsync(db, unitId, leader, LeaderLabel, cancellationToken);
        }
        if (responsibleId is { } responsible && responsible != item?.ResponsiblePersonId)
        {
            await CheckAsync(db, unitId, responsible, ResponsibleLabel, cancellationToken);
        }
    }

    /// <summary>
    /// The rule itself, on materialised paths: a 责任领导 of the unit or a unit above it, a 责任人 of the unit. The
    /// pages' pickers ask it too; the browser's script (forms.js) applies the same comparison to filter as one types.
    /// </summary>
    public static bool Fits(bool leader, string personUnitPath, string itemUnitPath) =>
        leader ? itemUnitPath.StartsWith(personUnitPath, StringComparison.Ordinal) : itemUnitPath == personUnitPath;

    /// <summary>Whether the person's unit is the unit or above it (a leader who may stay on after 转办).</summary>
    public static async Task<bool> IsInLineAsync(this DubanDb db, int? personId, string unitPath, CancellationToken cancellationToken = default) =>
        personId is { } id && await db.People.IgnoreQueryFilters().Where(p => p.Id == id)
            .Select(p => p.Unit!.Path).FirstOrDefaultAsync(cancellationToken) is { } path
        && Fits(leader: true, path, unitPath);

    private static async Task CheckAsync(DubanDb db, int unitId, int personId, string label, CancellationToken cancellationToken)
    {
        var person = await db.People.IgnoreQueryFilters().Where(p => p.Id == personId)
            .Select(p => new { p.Name, p.UnitId, UnitPath = p.Unit!.Path, Active = p.DeactivatedAt == null && p.Unit!.DeactivatedAt == null }).FirstOrDefaultAsync(cancellationToken);
        var unit = await db.Units.IgnoreQueryFilters().Where(u => u.Id == unitId).Select(u => new { u.Name, u.Path })
            .FirstAsync(cancellationToken);
        var fits = person is not null && Fits(label == LeaderLabel, person.UnitPath, unit.Path);
        if (fits)
        {
            if (!person!.Active)
            {
                throw LedgerErrors.PersonInactive(label, person.Name);
            }
            return;
        }
        // Whom the actor cannot see is unknown, so a wrong id cannot confirm that someone exists.
        if (person is null || (!unit.Path.StartsWith(person.UnitPath, StringComparison.Ordinal)
                               && !await db.People.AnyAsync(p => p.Id == personId, cancellationToken)))
        {
            throw LedgerErrors.UnknownPerson(label, personId);
        }
        throw label == LeaderLabel ? LedgerErrors.LeaderNotAbove(person.Name, unit.Name) : LedgerErrors.PersonNotInUnit(label, person.Name, unit.Name);
    }

    /// <summary>The ids of a unit and the units above it, from its materialised path (/1/4/9/).</summary>
    private static IEnumerable<int> LineOf(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
}
