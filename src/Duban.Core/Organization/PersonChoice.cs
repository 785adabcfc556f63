namespace Duban.Core.Organization;

/// <summary>A person a picker offers, with the unit a picker filters by.</summary>
public sealed record PersonChoice(int Id, string Name, int UnitId, string UnitName, string UnitPath, string? Position)
{
    public string Label => Position is null ? $"{Name}（{UnitName}）" : $"{Name}（{UnitName} {Position}）";
}
