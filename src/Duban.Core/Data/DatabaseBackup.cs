using Duban.Core.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Data;

/// <summary>A consistent copy of the database, taken while the server keeps running.</summary>
public sealed class DatabaseBackup(DubanDb db)
{
    public async Task<long> BackupAsync(string destination, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(destination);
        Check.That(!File.Exists(target), $"目标文件已存在：{target}。请换一个文件名，以免覆盖已有备份。");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!db.Database.IsSqlite())
        {
            throw new DubanException(ErrorKind.Validation,
                "PostgreSQL 数据库请使用 pg_dump 备份（见 docs/operations.md）。");
        }
        // SQLite's online backup API copies a single snapshot page by page, consistent even while others write.
        await using var source = new SqliteConnection(db.Database.GetConnectionString());
        await source.OpenAsync(cancellationToken);
        var partial = target + ".partial";
        await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            await copy.OpenAsync(cancellationToken);
            source.BackupDatabase(copy);
            await using var command = copy.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=DELETE;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        File.Move(partial, target);
        return new FileInfo(target).Length;
    }
}
