using Duban.Core.Common;

namespace Duban.Core.Spreadsheets;

/// <summary>What import and export refuse, in the words users see.</summary>
public static class SpreadsheetErrors
{
    public static DubanException TooManyToExport(int count, int limit) => new(ErrorKind.Validation,
        $"符合条件的事项有 {count} 条，超过一次导出 {limit} 条的上限：请按活动、单位或状态缩小范围后再导出。");

    public static DubanException UnitNotInScope(string unit) => new(ErrorKind.NotFound, $"单位“{unit}”不存在或不在您的数据范围内。");

    public static DubanException HeaderLength(int max) => new(ErrorKind.Validation, $"列名须为 1 到 {max} 个字。");

    public static DubanException HeaderIsStandard(string header) => new(ErrorKind.Validation, $"“{header}”是标准列名，不能另行对应。");

    public static DubanException MappedColumnUnknown(string header) => new(ErrorKind.Validation, $"“{header}”要对应的列不存在。");

    public static DubanException MappingRace() => new(ErrorKind.Conflict, "另一位用户刚刚设定了同名的列，请刷新后重试。");

    public static DubanException ChangedDuringImport() =>
        new(ErrorKind.Conflict, "导入期间有事项被他人修改，本次未导入任何行。请重新导入。");

    public static DubanException NoFile() => new(ErrorKind.Validation, "请选择要导入的台账文件。");

    public static DubanException NoCampaign() => new(ErrorKind.Validation, "请选择导入到哪个活动。");

    public static DubanException FileTypeNotAccepted(string extension) =>
        new(ErrorKind.Validation, $"不支持的文件类型“{extension}”：请上传 .xlsx、.xls 或 .csv 文件。");

    public static DubanException ColumnToMapMissing() => new(ErrorKind.Validation, "要对应的列不存在。");

    public static DubanException NoColumnMapped() => new(ErrorKind.Validation, "请至少为一列选择对应的标准列。");

    public static DubanException SignInFirst() => new(ErrorKind.Forbidden, "请先登录。");

    public static DubanException RowsHaveErrors() =>
        new(ErrorKind.Validation, "文件中有错误行：请改正后重新上传，或选择跳过错误行导入其余各行。");

    public static DubanException NothingToImport() => new(ErrorKind.Validation, "没有可以导入的正确行。");

    public static DubanException AllExist() => new(ErrorKind.Validation,
        "表格中的事项都已存在，没有要新建的事项；如需按表格修改这些事项，请选择“更新已存在的事项”。");

    public static DubanException AccountDisabled() => new(ErrorKind.Forbidden, "账户已停用，导入已取消。");

    public static DubanException JobGone() => new(ErrorKind.NotFound, "导入任务不存在或已过期（上传的文件保留 2 小时），请重新上传。");

    public static DubanException FileEmpty() => new(ErrorKind.Validation, "文件是空的。");
}
