namespace Duban.Core.Accounts;

/// <summary>The six roles of DOMAIN.md, their Chinese names and the data scope each grants.</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string Leadership = nameof(Leadership);
    public const string Supervisor = nameof(Supervisor);
    public const string UnitHead = nameof(UnitHead);
    public const string Liaison = nameof(Liaison);
    public const string Member = nameof(Member);

    public static IReadOnlyList<string> All { get; } = [Admin, Leadership, Supervisor, UnitHead, Liaison, Member];

    public static string ChineseName(string role) => role switch
    {
        Admin => "系统管理员",
        Leadership => "活动领导小组",
        Supervisor => "领导小组办公室（督查）",
        UnitHead => "单位主要负责人",
        Liaison => "联络员",
        Member => "干部职工",
        _ => role,
    };

    public static DataScope ScopeOf(string role) => role switch
    {
        Admin or Leadership or Supervisor => DataScope.All,
        UnitHead => DataScope.UnitAndBelow,
        Liaison => DataScope.Unit,
        Member => DataScope.Self,
        _ => DataScope.None,
    };

    /// <summary>Finds a role by its code or its Chinese name, ignoring case; null when there is none.</summary>
    public static string? Find(string? nameOrLabel) =>
        All.FirstOrDefault(r => string.Equals(r, nameOrLabel?.Trim(), StringComparison.OrdinalIgnoreCase)
                                || ChineseName(r) == nameOrLabel?.Trim());
}

/// <summary>How much of the unit tree an actor sees; the broadest of the actor's roles wins.</summary>
public enum DataScope
{
    None = 0,
    Self = 1,
    Unit = 2,
    UnitAndBelow = 3,
    All = 4,
}
