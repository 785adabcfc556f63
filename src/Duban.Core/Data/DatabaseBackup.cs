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
        if (File.Exists(target))
        {
            throw DataErrors.BackupTargetExists(target);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!db.Database.IsSqlite())
        {
            throw DataErrors.BackupNeedsPgDump();
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
