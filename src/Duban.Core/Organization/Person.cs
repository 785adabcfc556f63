using Duban.Core.Common;

namespace Duban.Core.Organization;

/// <summary>A cadre or worker (干部职工): belongs to one unit, may be a party member, may have an account.</summary>
public sealed class Person
{
    public const int NameMaxLength = 30;
    public const int PositionMaxLength = 50;

    public int Id { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public int UnitId { get; private set; }
    public Unit? Unit { get; private set; }
    public string? Position { get; private set; }
    public bool IsPartyMember { get; private set; }

    /// <summary>When an administrator deactivated the person (停用): kept for history, gone from pickers.</summary>
    public DateTime? DeactivatedAt { get; private set; }

    public bool IsActive => DeactivatedAt is null;

    private Person()
    {
    }

    public Person(string name, Unit unit, string? position, bool isPartyMember)
    {
        Apply(name, unit, position, isPartyMember);
    }

    /// <summary>Changes the person's record; a save that changes nothing is refused.</summary>
    public void Update(string name, Unit unit, string? position, bool isPartyMember)
    {
        var before = (Name, UnitId, Position, IsPartyMember);
        Apply(name, unit, position, isPartyMember);
        if ((Name, UnitId, Position, IsPartyMember) == before)
        {
            throw CommonErrors.NothingChanged();
        }
    }

    public void Deactivate(DateTime at)
    {
        if (!IsActive)
        {
            throw OrganizationErrors.PersonAlreadyInactive(Name);
        }
        DeactivatedAt = at;
    }

    public void Reactivate()
    {
        if (IsActive)
        {
            throw OrganizationErrors.PersonNotInactive(Name);
        }
        DeactivatedAt = null;
    }

    private void Apply(string name, Unit unit, string? position, bool isPartyMember)
    {
        Name = Check.Text(name, "姓名", NameMaxLength);
        Position = Check.OptionalText(position, "职务", PositionMaxLength);
        IsPartyMember = isPartyMember;
        Unit = unit;
        UnitId = unit.Id;
    }
}
