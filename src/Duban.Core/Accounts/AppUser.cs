using Microsoft.AspNetCore.Identity;

namespace Duban.Core.Accounts;

/// <summary>A login account; the person it belongs to carries unit and position.</summary>
public sealed class AppUser : IdentityUser<int>
{
    public int? PersonId { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>When an administrator disabled the account (停用): it cannot sign in, and its sessions and tokens stop.</summary>
    public DateTime? DisabledAt { get; set; }

    /// <summary>
    /// Set when an administrator handed over a password (a new account's, a reset): until the person picks their
    /// own, their sign-in sessions reach only the change-password page.
    /// </summary>
    public bool MustChangePassword { get; set; }
}

public sealed class AppRole : IdentityRole<int>
{
    public AppRole()
    {
    }

    public AppRole(string name) : base(name)
    {
    }
}
