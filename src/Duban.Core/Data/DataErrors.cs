using Duban.Core.Common;

namespace Duban.Core.Data;

/// <summary>What the data tools (backup) refuse, in the words operators see.</summary>
public static class DataErrors
{
    public static DubanException BackupTargetExists(string target) =>
        new(ErrorKind.Validation, $"目标文件已存在：{target}。请换一个文件名，以免覆盖已有备份。");

    public static DubanException BackupNeedsPgDump() => new(ErrorKind.Validation, "PostgreSQL 数据库请使用 pg_dump 备份（见 docs/operations.md）。");
}
