using Duban.Core.Accounts;
using Duban.Core.Catalog;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Data;

/// <summary>
/// Brings a database up to date at start: schema migrations, roles, the built-in catalog and, on an empty
/// database, the first administrator. Safe to run on every start and from several processes.
/// </summary>
public sealed class DatabaseInitializer(DubanDb db, RoleManager<AppRole> roles, UserManager<AppUser> users,
    CatalogService catalog, DemoData demo, TimeProvider clock)
{
    public const string AdminUserName = "admin";

    /// <summary>Returns the lines to show the operator once (the new admin's password).</summary>
    public async Task<IReadOnlyList<string>> InitializeAsync(bool loadDemo, CancellationToken cancellationToken = default)
    {
        var messages = new List<string>();
        if (db.Database.IsSqlite())
        {
            var folder = Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
                db.Database.GetConnectionString()).DataSource);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers (and `backup`) work while the server writes; the setting persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new AppRole(role));
            }
        }
        await catalog.SeedAsync();
        await Assessment.AssessmentServices.SeedDefaultSchemeAsync(db, clock, cancellationToken);
        if (!await users.Users.AnyAsync(cancellationToken))
        {
            var password = AccountRules.GeneratePassword();
            var admin = new AppUser { UserName = AdminUserName, DisplayName = "系统管理员", MustChangePassword = true };
            (await users.CreateAsync(admin, password)).OrThrow();
            (await users.AddToRoleAsync(admin, Roles.Admin)).OrThrow();
            messages.Add($"已创建管理员账户 {AdminUserName}，初始密码：{password}");
            messages.Add("该密码只显示这一次，请登录后立即修改。");
        }
        if (loadDemo)
        {
            messages.AddRange(await demo.LoadAsync());
        }
        return messages;
    }
}
