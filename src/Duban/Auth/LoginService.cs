using Duban.Core.Accounts;
using Duban.Core.Data;
using Microsoft.AspNetCore.Identity;

namespace Duban.Auth;

public enum LoginOutcome
{
    Success,
    WrongCredentials,
    LockedOut,
}

/// <summary>Signs people in and out and records every attempt in the audit log.</summary>
internal sealed class LoginService(SignInManager<AppUser> signIn, DubanDb db)
{
    public async Task<LoginOutcome> SignInAsync(string userName, string password)
    {
        var name = userName.Trim();
        var result = await signIn.PasswordSignInAsync(name, password, isPersistent: false, lockoutOnFailure: true);
        var outcome = result.Succeeded ? LoginOutcome.Success
            : result.IsLockedOut ? LoginOutcome.LockedOut
            : LoginOutcome.WrongCredentials;
        var user = await signIn.UserManager.FindByNameAsync(name);
        db.Note(outcome switch
            {
                LoginOutcome.Success => "account.login",
                LoginOutcome.LockedOut => "account.login-locked",
                _ => "account.login-failed",
            },
            nameof(AppUser), user?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            actorName: name.Length > 50 ? name[..50] : name);
        await db.SaveChangesAsync();
        return outcome;
    }

    public async Task SignOutAsync()
    {
        db.Note("account.logout", nameof(AppUser), db.Actor.UserId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync();
        await signIn.SignOutAsync();
    }
}
