namespace Duban.Core.Accounts;

/// <summary>
/// Something an actor may do beyond reading within scope, and the roles that may. Each feature declares its own
/// (its <c>XPermissions</c> class); the host collects them into one table, makes an authorization policy of each
/// (named by <see cref="Code"/>), and the permission-matrix test reads the same table.
/// </summary>
public sealed record Permission(string Code, string Name, IReadOnlyList<string> Roles);

public static class AccountPermissions
{
    public const string ManageCode = "accounts.manage";

    public static readonly Permission Manage = new(ManageCode, "管理账户", [Roles.Admin]);
}
