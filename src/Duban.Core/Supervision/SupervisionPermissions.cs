using Duban.Core.Accounts;

namespace Duban.Core.Supervision;

public static class SupervisionPermissions
{
    public const string SuperviseCode = "supervision.manage";

    /// <summary>
    /// Planning inspections, recording findings, drawing lots and issuing urge slips: the supervision office's work.
    /// Units read what concerns them once it may be seen; they answer and sign through the records' own tables.
    /// </summary>
    public static readonly Permission Supervise = new(SuperviseCode, "督查督办", [Roles.Supervisor]);
}
