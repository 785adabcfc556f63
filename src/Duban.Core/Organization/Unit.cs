using Duban.Core.Common;

namespace Duban.Core.Organization;

public enum UnitKind
{
    Government = 0,
    Office = 1,
    Section = 2,
    Subordinate = 3,
    PartyBranch = 4,
}

/// <summary>
/// A node of the unit tree. <see cref="Path"/> is the materialised path of ids ("/1/4/9/") so that
/// "this unit and below" is a prefix match on every database.
/// </summary>
public sealed class Unit
{
    public const int NameMaxLength = 50;

    public int Id { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public UnitKind Kind { get; private set; }
    public int? ParentId { get; private set; }
    public string Path { get; private set; } = "/";
    public int SortOrder { get; private set; }

    /// <summary>The unit's first responsible person (主要负责人).</summary>
    public int? HeadPersonId { get; private set; }

    /// <summary>The unit's liaison (联络员).</summary>
    public int? LiaisonPersonId { get; private set; }

    /// <summary>When an administrator deactivated the unit (停用): kept for history, gone from pickers.</summary>
    public DateTime? DeactivatedAt { get; private set; }

    public bool IsActive => DeactivatedAt is null;

    private Unit()
    {
    }

    public Unit(string name, UnitKind kind, Unit? parent, int sortOrder = 0)
    {
        Rename(name);
        Kind = kind;
        ParentId = parent?.Id;
        SortOrder = sortOrder;
    }

    public int Depth => Path.Count(c => c == '/') - 2;

    public void Rename(string name) => Name = Check.Text(name, "单位名称", NameMaxLength);

    /// <summary>
    /// Changes the unit's own fields; a save that changes nothing (and does not move the unit) is refused. The move
    /// itself is the service's, since it rewrites the subtree's paths.
    /// </summary>
    public void Edit(string name, UnitKind kind, int sortOrder, Person? head, Person? liaison, bool moves)
    {
        var before = (Name, Kind, SortOrder, HeadPersonId, LiaisonPersonId);
        Rename(name);
        Kind = kind;
        SortOrder = sortOrder;
        NameResponsiblePeople(head, liaison);
        if (!moves && (Name, Kind, SortOrder, HeadPersonId, LiaisonPersonId) == before)
        {
            throw CommonErrors.NothingChanged();
        }
    }

    /// <summary>Sets the path once the database has given the unit its id.</summary>
    internal void PlaceUnder(Unit? parent)
    {
        Check.That(Id != 0, "单位尚未保存，无法确定其位置。");
        ParentId = parent?.Id;
        Path = (parent?.Path ?? "/") + Id + "/";
    }

    /// <summary>停用; the service checks first that no active unit lies below (<paramref name="hasActiveChildren"/>).</summary>
    public void Deactivate(DateTime at, bool hasActiveChildren)
    {
        if (!IsActive)
        {
            throw OrganizationErrors.UnitAlreadyInactive(Name);
        }
        if (hasActiveChildren)
        {
            throw OrganizationErrors.UnitHasActiveChildren(Name);
        }
        DeactivatedAt = at;
    }

    public void Reactivate(Unit? parent)
    {
        if (IsActive)
        {
            throw OrganizationErrors.UnitNotInactive(Name);
        }
        if (parent is { IsActive: false })
        {
            throw OrganizationErrors.ParentInactive(parent.Name);
        }
        DeactivatedAt = null;
    }

    public bool Contains(Unit other) => other.Path.StartsWith(Path, StringComparison.Ordinal);

    public void NameResponsiblePeople(Person? head, Person? liaison)
    {
        Check.That(head is null || head.UnitId == Id, OrganizationErrors.HeadOutsideUnit);
        Check.That(liaison is null || liaison.UnitId == Id, OrganizationErrors.LiaisonOutsideUnit);
        HeadPersonId = head?.Id;
        LiaisonPersonId = liaison?.Id;
    }

    public static string KindName(UnitKind kind) => kind switch
    {
        UnitKind.Government => "区委·区政府",
        UnitKind.Office => "机关",
        UnitKind.Section => "科室",
        UnitKind.Subordinate => "下属单位",
        UnitKind.PartyBranch => "党支部",
        _ => kind.ToString(),
    };
}
