using Duban.Core.Common;

namespace Duban.Core.Accounts;

/// <summary>Who is acting: the signed-in user with roles, person, unit and data scope, or the system itself.</summary>
public sealed record Actor(
    int? UserId,
    string Name,
    IReadOnlySet<string> Roles,
    int? PersonId,
    int? UnitId,
    string? UnitPath)
{
    public static Actor Anonymous { get; } = new(null, "匿名", new HashSet<string>(), null, null, null);

    /// <summary>The command line and start-up seeding act as the system, which sees everything.</summary>
    public static Actor System(string name = "system") =>
        new(null, name, new HashSet<string>([Accounts.Roles.Admin]), null, null, null) { IsSystem = true };

    public bool IsSystem { get; private init; }

    /// <summary>The person's name for greetings; the account name when there is none.</summary>
    public string DisplayName { get; init; } = Name;

    /// <summary>The password was handed over by an administrator and must be changed before anything else (cookie sessions only).</summary>
    public bool MustChangePassword { get; init; }

    public bool IsAuthenticated => UserId is not null || IsSystem;

    public DataScope Scope
    {
        get
        {
            if (IsSystem)
            {
                return DataScope.All;
            }
            var broadest = Roles.Select(Accounts.Roles.ScopeOf).DefaultIfEmpty(DataScope.None).Max();
            // Narrow scopes hang off the actor's unit; without one they see nothing rather than everything.
            return broadest is DataScope.Unit or DataScope.UnitAndBelow && UnitId is null ? DataScope.None : broadest;
        }
    }

    public bool IsIn(string role) => IsSystem || Roles.Contains(role);

    /// <summary>
    /// Whether a unit lies in the actor's data scope: the same rule as the database's unit filter (DubanDb), for
    /// code that works on units already in memory.
    /// </summary>
    public bool Sees(int unitId, string unitPath) => Scope switch
    {
        DataScope.All => true,
        DataScope.UnitAndBelow => UnitPath is not null && unitPath.StartsWith(UnitPath, StringComparison.Ordinal),
        DataScope.Unit or DataScope.Self => unitId == UnitId,
        _ => false,
    };

    public bool Can(Permission permission) => IsSystem || permission.Roles.Any(Roles.Contains);

    public void Require(Permission permission)
    {
        if (!Can(permission))
        {
            throw AccountErrors.NotPermitted(permission);
        }
    }
}
