using Duban.Core.Accounts;

namespace Duban.Core.Catalog;

public static class CatalogPermissions
{
    public const string EditCode = "catalog.edit";

    public static readonly Permission Edit = new(EditCode, "编辑问题目录", [Roles.Supervisor]);
}
