using Duban.Core.Accounts;

namespace Duban.Core.Assessment;

public static class AssessmentPermissions
{
    /// <summary>Editing schemes, computing results, proposing adjustments and deciding appeals: the supervision office's work.</summary>
    public static readonly Permission Manage = new("assessment.manage", "管理考核方案和考核结果", [Roles.Supervisor]);
}
