using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Tests.Domain;

/// <summary>Each provider's migrations match the model: a change without `scripts/add-migration.sh` fails here.</summary>
public class ModelSnapshotTests
{
    [Fact]
    public void Sqlite_has_no_pending_model_changes()
    {
        using var db = new SqliteDubanDb(new DbContextOptionsBuilder<SqliteDubanDb>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void Postgres_has_no_pending_model_changes()
    {
        using var db = new PostgresDubanDb(new DbContextOptionsBuilder<PostgresDubanDb>().UseNpgsql("Host=localhost").Options);

        Assert.False(db.Database.HasPendingModelChanges());
    }
}
