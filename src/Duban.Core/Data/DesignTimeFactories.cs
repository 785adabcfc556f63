using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Duban.Core.Data;

/// <summary>Lets `dotnet ef` build each provider's context without the app (scripts/add-migration.sh).</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDubanDb>
{
    public SqliteDubanDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDubanDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDubanDb>
{
    public PostgresDubanDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDubanDb>().UseNpgsql("Host=localhost;Database=duban_design").Options);
}
