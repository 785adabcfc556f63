using Duban.Core.Accounts;

namespace Duban.Core.Organization;

public static class OrganizationPermissions
{
    public const string ManageCode = "organization.manage";

    public static readonly Permission Manage = new(ManageCode, "管理单位和人员", [Roles.Admin]);
}
