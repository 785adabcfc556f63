using System.Globalization;
using System.Security.Claims;
using Duban.Core.Accounts;
using Duban.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Duban.Auth;

public enum LoginOutcome
{
    Success,
    WrongCredentials,
    LockedOut,
    Disabled,
    TooManyAttempts,
}

/// <summary>Signs people in and out and records every attempt in the audit log.</summary>
internal sealed class LoginService(SignInManager<AppUser> signIn, IUserStore<AppUser> users, DubanDb db, SignInGuard guard,
    IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>Logged in place of a typed name that is no account: it may be a password typed into the wrong field.</summary>
    public const string UnknownName = "（未知用户名）";

    public async Task<LoginOutcome> SignInAsync(string userName, string password)
    {
        var name = userName.Trim();
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var user = await signIn.UserManager.FindByNameAsync(name);
        // The failure count of a real account is saved with the audit note below, in the one save every attempt
        // makes: an extra write only for real names would show in the answer's time.
        if (users is UserStore<AppUser, AppRole, DubanDb, int> store)
        {
            store.AutoSaveChanges = false;
        }
        LoginOutcome outcome;
        using (var turn = await guard.TakeTurnAsync(address, name, http.HttpContext?.RequestAborted ?? default))
        {
            if (turn is null || !guard.Allows(address, name))
            {
                outcome = LoginOutcome.TooManyAttempts;
            }
            else
            {
                outcome = await CheckAsync(user, password);
                if (outcome is LoginOutcome.WrongCredentials or LoginOutcome.LockedOut)
                {
                    guard.Failed(address, name);
                }
            }
        }
        db.Note(outcome switch
            {
                LoginOutcome.Success => "account.login",
                LoginOutcome.LockedOut => "account.login-locked",
                LoginOutcome.Disabled => "account.login-disabled",
                LoginOutcome.TooManyAttempts => "account.login-throttled",
                _ => "account.login-failed",
            },
            nameof(AppUser), user?.Id.ToString(CultureInfo.InvariantCulture), $"{{\"address\":\"{address}\"}}",
            actorName: user?.UserName ?? UnknownName);
        await db.SaveChangesAsync();
        if (outcome == LoginOutcome.Success)
        {
            await signIn.SignInWithClaimsAsync(user!, isPersistent: false, [new Claim(SessionValidator.SessionClaim, SignedOutSession.NewId())]);
        }
        return outcome;
    }

    /// <summary>
    /// The password check. Locked and unknown accounts spend the same hashing time as a wrong password, so the
    /// answer's time does not tell them apart; a disabled account is named only to someone who knows its password.
    /// </summary>
    private async Task<LoginOutcome> CheckAsync(AppUser? user, string password)
    {
        if (user is null)
        {
            guard.CheckAgainstDecoy(password);
            return LoginOutcome.WrongCredentials;
        }
        if (await signIn.UserManager.IsLockedOutAsync(user))
        {
            guard.CheckAgainstDecoy(password);
            return LoginOutcome.LockedOut;
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return result.Succeeded ? (user.DisabledAt is null ? LoginOutcome.Success : LoginOutcome.Disabled)
            : result.IsLockedOut ? LoginOutcome.LockedOut
            : LoginOutcome.WrongCredentials;
    }

    /// <summary>Issues the cookie again after the user's own password change (which renewed the stamp), keeping the session.</summary>
    public async Task RefreshAsync(int userId)
    {
        var user = await signIn.UserManager.FindByIdAsync(userId.ToString(CultureInfo.InvariantCulture));
        var session = http.HttpContext?.User.FindFirstValue(SessionValidator.SessionClaim);
        if (user is not null && session is not null)
        {
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SessionValidator.SessionClaim, session)]);
        }
    }

    /// <summary>Ends this session for good: its cookie is refused from now on, even if a copy was kept.</summary>
    public async Task SignOutAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = http.HttpContext?.User.FindFirstValue(SessionValidator.SessionClaim);
        // A second click on 退出登录 finds the session already ended.
        if (session is not null && !await db.SignedOutSessions.AnyAsync(s => s.Id == session))
        {
            db.SignedOutSessions.Add(new SignedOutSession(session, now + AuthenticationSetup.SessionLifetime));
        }
        db.Note("account.logout", nameof(AppUser), db.Actor.UserId?.ToString(CultureInfo.InvariantCulture));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException) when (session is not null)
        {
            // Two clicks at once: fine if the other one recorded it, else the failure stands.
            db.ChangeTracker.Clear();
            if (!await db.SignedOutSessions.AsNoTracking().AnyAsync(s => s.Id == session))
            {
                throw;
            }
        }
        await signIn.SignOutAsync();
        await ForgetExpiredAsync(now);
    }

    /// <summary>Sessions past their lifetime are refused by the cookie itself; their records can go (another sign-out may take them first).</summary>
    private async Task ForgetExpiredAsync(DateTime now)
    {
        db.SignedOutSessions.RemoveRange(await db.SignedOutSessions.Where(s => s.ExpiresAt < now).Take(100).ToListAsync());
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
        }
    }
}
