using Duban.Core.Accounts;

namespace Duban.Core.Spreadsheets;

public static class SpreadsheetPermissions
{
    public const string ImportCode = "ledger.import";

    /// <summary>Importing a 台账 and keeping the column mappings it learns (the page, the API and the CLI ask the same).</summary>
    public static readonly Permission Import = new(ImportCode, "导入整改台账", [Roles.Supervisor]);
}
