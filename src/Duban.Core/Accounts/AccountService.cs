using Duban.Core.Common;
using Duban.Core.Data;
using Duban.Core.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Accounts;

/// <summary>
/// Creating accounts, resetting and changing passwords, disabling, unlocking and changing roles: used by the command
/// line and the pages. Whatever should end the account's sessions renews its security stamp, which every request
/// compares (<see cref="SessionValidator"/>, <see cref="TokenLookup"/>).
/// </summary>
public sealed class AccountService(DubanDb db, UserManager<AppUser> users, TimeProvider clock)
{
    public const int UserNameMaxLength = 50;

    /// <summary>
    /// Creates an account with one role in a unit (named, as the command line gives it). The account belongs to the
    /// named person of that unit, who is created when the unit has nobody of that name. A password the system makes
    /// up is handed over by the administrator and must be changed at the first sign-in; one given here (demo data,
    /// scripted set-ups) need not.
    /// </summary>
    public async Task<(AppUser User, string Password)> CreateAsync(string userName, string role, string unitName,
        string? personName = null, string? password = null)
    {
        db.Actor.Require(AccountPermissions.Manage);
        var unitText = Check.Text(unitName, "单位", Unit.NameMaxLength);
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Name == unitText)
            ?? throw AccountErrors.UnitNotFound(unitText);
        return await CreateAsync(userName, role, unit, personName, password);
    }

    /// <summary>Creates an account for a person of a unit picked from the list (the page): see the overload by unit name.</summary>
    public async Task<(AppUser User, string Password)> CreateAsync(string userName, string role, int? unitId, string? personName)
    {
        db.Actor.Require(AccountPermissions.Manage);
        var unit = unitId is null ? throw new DubanException(ErrorKind.Validation, AccountErrors.UnitRequired)
            : await db.Units.FirstOrDefaultAsync(u => u.Id == unitId) ?? throw OrganizationErrors.UnitNotFound(unitId.Value);
        return await CreateAsync(userName, role, unit, personName, null);
    }

    private async Task<(AppUser User, string Password)> CreateAsync(string userName, string role, Unit unit,
        string? personName, string? password)
    {
        var name = Check.Text(userName, "用户名", UserNameMaxLength);
        var roleName = Roles.Find(role) ?? throw AccountErrors.UnknownRole(role);
        if (!unit.IsActive)
        {
            throw OrganizationErrors.UnitInactive(unit.Name);
        }
        if (await users.FindByNameAsync(name) is not null)
        {
            throw AccountErrors.UserNameTaken(name);
        }
        var displayName = Check.Text(personName ?? name, "姓名", Person.NameMaxLength);
        // Person and account are made together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var person = await db.People.FirstOrDefaultAsync(p => p.UnitId == unit.Id && p.Name == displayName);
        if (person is null)
        {
            person = new Person(displayName, unit, null, false);
            db.People.Add(person);
            await db.SaveChangesAsync();
        }
        else if (!person.IsActive)
        {
            throw OrganizationErrors.PersonInactive(person.Name);
        }
        else if (await db.Users.Where(u => u.PersonId == person.Id).Select(u => u.UserName).FirstOrDefaultAsync() is { } holder)
        {
            throw AccountErrors.PersonHasAccount(person.Name, unit.Name, holder);
        }
        var initial = password ?? AccountRules.GeneratePassword();
        var user = new AppUser { UserName = name, DisplayName = displayName, PersonId = person.Id, MustChangePassword = password is null };
        (await users.CreateAsync(user, initial)).OrThrow();
        (await users.AddToRoleAsync(user, roleName)).OrThrow();
        await transaction.CommitAsync();
        return (user, initial);
    }

    /// <summary>
    /// Sets a new random password and lifts any lockout; returns the password to hand over, which the person must
    /// change at their next sign-in.
    /// </summary>
    public async Task<string> ResetPasswordAsync(string userName)
    {
        db.Actor.Require(AccountPermissions.Manage);
        var user = await FindAsync(userName);
        var password = AccountRules.GeneratePassword();
        // One save: new hash, lockout lifted, and a new stamp that signs out every existing session.
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        user.MustChangePassword = true;
        // The hash and stamp are hidden from the log, so the reset is recorded as an event of its own.
        db.Note("account.password-reset", nameof(AppUser), user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await users.UpdateSecurityStampAsync(user)).OrThrow();
        return password;
    }

    /// <summary>停用: the account can no longer sign in, and its sessions and tokens stop at once.</summary>
    public async Task DisableAsync(string userName)
    {
        db.Actor.Require(AccountPermissions.Manage);
        var user = await FindAsync(userName);
        if (user.Id == db.Actor.UserId)
        {
            throw AccountErrors.CannotDisableSelf();
        }
        if (user.DisabledAt is not null)
        {
            throw AccountErrors.AlreadyDisabled(user.UserName);
        }
        user.DisabledAt = clock.GetUtcNow().UtcDateTime;
        db.Note("account.disabled", nameof(AppUser), Id(user));
        (await users.UpdateSecurityStampAsync(user)).OrThrow();
    }

    /// <summary>启用: a disabled account may sign in again (its old sessions stay ended).</summary>
    public async Task EnableAsync(string userName)
    {
        db.Actor.Require(AccountPermissions.Manage);
        var user = await FindAsync(userName);
        if (user.DisabledAt is null)
        {
            throw AccountErrors.NotDisabled(user.UserName);
        }
        user.DisabledAt = null;
        db.Note("account.enabled", nameof(AppUser), Id(user));
        (await users.UpdateAsync(user)).OrThrow();
    }

    /// <summary>Lifts a lockout after wrong passwords; the password stays as it is.</summary>
    public async Task UnlockAsync(string userName)
    {
        db.Actor.Require(AccountPermissions.Manage);
        var user = await FindAsync(userName);
        if (user.LockoutEnd is null || user.LockoutEnd <= clock.GetUtcNow())
        {
            throw AccountErrors.NotLockedOut(user.UserName);
        }
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        db.Note("account.unlocked", nameof(AppUser), Id(user));
        (await users.UpdateAsync(user)).OrThrow();
    }

    /// <summary>Gives the account exactly one role; its sessions end, so the new rights start with a new sign-in.</summary>
    public async Task SetRoleAsync(string userName, string role)
    {
        db.Actor.Require(AccountPermissions.Manage);
        var user = await FindAsync(userName);
        var roleName = Roles.Find(role) ?? throw AccountErrors.UnknownRole(role);
        if (user.Id == db.Actor.UserId)
        {
            throw AccountErrors.CannotChangeOwnRole();
        }
        var current = await users.GetRolesAsync(user);
        if (current.Count == 1 && current[0] == roleName)
        {
            throw AccountErrors.AlreadyInRole(user.UserName, roleName);
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        (await users.RemoveFromRolesAsync(user, current)).OrThrow();
        (await users.AddToRoleAsync(user, roleName)).OrThrow();
        db.Note("account.role-changed", nameof(AppUser), Id(user), $"{{\"from\":\"{string.Join(",", current)}\",\"to\":\"{roleName}\"}}");
        (await users.UpdateSecurityStampAsync(user)).OrThrow();
        await transaction.CommitAsync();
    }

    public async Task ChangePasswordAsync(int userId, string currentPassword, string newPassword)
    {
        var user = await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            ?? throw AccountErrors.AccountNotFound();
        Check.That(!string.IsNullOrEmpty(currentPassword), AccountErrors.CurrentPasswordRequired);
        Check.That(!string.IsNullOrEmpty(newPassword), AccountErrors.NewPasswordRequired);
        Check.That(newPassword.Length <= 128, AccountErrors.NewPasswordTooLong);
        // A password handed over by an administrator stays known to them: it is no choice of one's own.
        if (newPassword == currentPassword)
        {
            throw AccountErrors.SamePassword();
        }
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            // Guessing the current password here counts toward lockout like a failed login.
            await users.AccessFailedAsync(user);
        }
        result.OrThrow();
        user.MustChangePassword = false;
        db.Note("account.password-changed", nameof(AppUser), user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync();
    }

    /// <summary>The accounts, by login name, with person, unit, role and state; <paramref name="text"/> searches login and display names.</summary>
    public async Task<Page<AccountRow>> ListAsync(string? text, PageRequest page, CancellationToken cancellationToken = default)
    {
        db.Actor.Require(AccountPermissions.Manage);
        var search = Check.OptionalText(text, "搜索内容", UserNameMaxLength);
        var accounts = db.Users.AsNoTracking();
        if (search is not null)
        {
            accounts = accounts.Where(u => u.UserName!.Contains(search) || u.DisplayName.Contains(search));
        }
        var total = await accounts.CountAsync(cancellationToken);
        var rows = await Rows(accounts.OrderBy(u => u.UserName).Skip(page.Skip).Take(page.PageSize)).ToListAsync(cancellationToken);
        return new Page<AccountRow>([.. rows.Select(Finish)], total, page.PageNumber, page.PageSize);
    }

    public async Task<AccountRow> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        db.Actor.Require(AccountPermissions.Manage);
        var row = await Rows(db.Users.AsNoTracking().Where(u => u.Id == id)).FirstOrDefaultAsync(cancellationToken)
            ?? throw AccountErrors.AccountNotFound();
        return Finish(row);
    }

    private IQueryable<AccountRow> Rows(IQueryable<AppUser> accounts) =>
        accounts.Select(u => new AccountRow(u.Id, u.UserName!, u.DisplayName, u.PersonId,
            db.People.IgnoreQueryFilters().Where(p => p.Id == u.PersonId).Select(p => p.Unit!.Name).FirstOrDefault(),
            db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            u.DisabledAt != null ? AccountState.Disabled : AccountState.Active, u.MustChangePassword)
        {
            LockoutEnd = u.LockoutEnd,
        });

    // A lockout's end is compared here, not in SQL: SQLite cannot compare DateTimeOffset values.
    private AccountRow Finish(AccountRow row) =>
        row.State == AccountState.Active && row.LockoutEnd > clock.GetUtcNow() ? row with { State = AccountState.LockedOut } : row;

    private static string Id(AppUser user) => user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task<AppUser> FindAsync(string userName)
    {
        var name = Check.Text(userName, "用户名", UserNameMaxLength);
        return await users.FindByNameAsync(name)
            ?? throw AccountErrors.UserNotFound(name);
    }
}
