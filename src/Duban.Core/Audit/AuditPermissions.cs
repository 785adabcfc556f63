using Duban.Core.Accounts;

namespace Duban.Core.Audit;

public static class AuditPermissions
{
    public const string ViewCode = "audit.view";

    public static readonly Permission View = new(ViewCode, "查看审计日志", [Roles.Admin, Roles.Supervisor]);
}
