namespace Duban.Core.Accounts;

/// <summary>What an actor may do beyond reading within scope.</summary>
public enum Permission
{
    ManageOrganization,
    ManageAccounts,
    EditCatalog,
    ViewAudit,
}

public static class Permissions
{
    public static IReadOnlyList<string> RolesFor(Permission permission) => permission switch
    {
        Permission.ManageOrganization => [Roles.Admin],
        Permission.ManageAccounts => [Roles.Admin],
        Permission.EditCatalog => [Roles.Supervisor],
        Permission.ViewAudit => [Roles.Admin, Roles.Supervisor],
        _ => [],
    };

    public static string ChineseName(Permission permission) => permission switch
    {
        Permission.ManageOrganization => "管理单位和人员",
        Permission.ManageAccounts => "管理账户",
        Permission.EditCatalog => "编辑问题目录",
        Permission.ViewAudit => "查看审计日志",
        _ => permission.ToString(),
    };

    /// <summary>Comma-separated role list for ASP.NET's [Authorize(Roles = …)], kept next to the table above.</summary>
    public const string OrganizationAdmins = Roles.Admin;
    public const string CatalogEditors = Roles.Supervisor;
    public const string AuditReaders = Roles.Admin + "," + Roles.Supervisor;
}
