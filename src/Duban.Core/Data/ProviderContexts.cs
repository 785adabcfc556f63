using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Data;

/// <summary>The SQLite flavour, with its own migrations.</summary>
public sealed class SqliteDubanDb(DbContextOptions<SqliteDubanDb> options) : DubanDb(options)
{
    // EF opens SQLite transactions with BEGIN IMMEDIATE, which already takes the write lock.
    internal override Task LockAuditChainAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Seven indexes on the items table outgrow SQLite's default 2 MB page cache within a few thousand rows; 32 MB while importing.
    public override async Task PrepareForBulkWriteAsync(CancellationToken cancellationToken) =>
        await Database.ExecuteSqlRawAsync("PRAGMA cache_size = -32768;", cancellationToken);

    public override async Task FinishBulkWriteAsync(CancellationToken cancellationToken) =>
        await Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000;", cancellationToken);
}

/// <summary>The PostgreSQL flavour, with its own migrations; several app instances may share one database.</summary>
public sealed class PostgresDubanDb(DbContextOptions<PostgresDubanDb> options) : DubanDb(options)
{
    private const long AuditChainLockKey = 7_242_026;

    internal override async Task LockAuditChainAsync(CancellationToken cancellationToken) =>
        await Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditChainLockKey})", cancellationToken);

    // PostgreSQL's shared buffers serve every connection; there is nothing to set per connection.
    public override Task PrepareForBulkWriteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task FinishBulkWriteAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
