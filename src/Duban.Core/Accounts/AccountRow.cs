namespace Duban.Core.Accounts;

public enum AccountState
{
    Active,
    Disabled,
    LockedOut,
}

/// <summary>An account as the administrators' list shows it.</summary>
public sealed record AccountRow(int Id, string UserName, string DisplayName, int? PersonId, string? UnitName, string? Role,
    AccountState State, bool MustChangePassword)
{
    public DateTimeOffset? LockoutEnd { get; init; }

    public string RoleName => Role is null ? "（无）" : Roles.ChineseName(Role);

    public string StateName => State switch
    {
        AccountState.Active => "正常",
        AccountState.Disabled => "已停用",
        AccountState.LockedOut => "已锁定",
        _ => State.ToString(),
    };
}
