using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Data;

/// <summary>The SQLite flavour, with its own migrations.</summary>
public sealed class SqliteDubanDb(DbContextOptions<SqliteDubanDb> options) : DubanDb(options)
{
    // EF opens SQLite transactions with BEGIN IMMEDIATE, which already takes the write lock.
    protected override Task LockAuditChainAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The PostgreSQL flavour, with its own migrations; several app instances may share one database.</summary>
public sealed class PostgresDubanDb(DbContextOptions<PostgresDubanDb> options) : DubanDb(options)
{
    private const long AuditChainLockKey = 7_242_026;

    protected override async Task LockAuditChainAsync(CancellationToken cancellationToken) =>
        await Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditChainLockKey})", cancellationToken);
}
