using Duban.Core.Common;

namespace Duban.Core.Accounts;

/// <summary>What the accounts feature refuses, in the words users see.</summary>
public static class AccountErrors
{
    public const string CurrentPasswordRequired = "请输入当前密码。";
    public const string NewPasswordRequired = "请输入新密码。";
    public const string NewPasswordTooLong = "新密码不能超过 128 个字符。";
    public const string TokenRevoked = "该令牌已被吊销。";
    public const string UnitRequired = "请选择所在单位。";

    public static DubanException UnknownRole(string role) => new(ErrorKind.Validation,
        $"角色“{role}”不存在。可用角色：{string.Join("、", Roles.All.Select(r => $"{r}（{Roles.ChineseName(r)}）"))}。");

    public static DubanException UnitNotFound(string unit) => new(ErrorKind.NotFound, $"单位“{unit}”不存在。");

    public static DubanException UserNameTaken(string name) => new(ErrorKind.Conflict, $"用户名“{name}”已被使用。");

    public static DubanException PersonHasAccount(string person, string unit, string? holder) =>
        new(ErrorKind.Conflict, $"{unit}的“{person}”已有登录账户“{holder}”，一人只能有一个账户。");

    public static DubanException CannotDisableSelf() => new(ErrorKind.Validation, "不能停用自己的账户。");

    public static DubanException CannotChangeOwnRole() =>
        new(ErrorKind.Validation, "不能修改自己的角色：请由另一位系统管理员修改，以免系统失去管理员。");

    public static DubanException SamePassword() =>
        new(ErrorKind.Validation, "新密码不能与当前密码相同：请设置只有您自己知道的新密码。", "newPassword");

    public static DubanException AlreadyDisabled(string? name) => new(ErrorKind.Conflict, $"账户“{name}”已是停用状态。");

    public static DubanException NotDisabled(string? name) => new(ErrorKind.Conflict, $"账户“{name}”未被停用。");

    public static DubanException NotLockedOut(string? name) => new(ErrorKind.Conflict, $"账户“{name}”当前未被锁定。");

    public static DubanException AlreadyInRole(string? name, string role) => new(ErrorKind.Conflict, $"账户“{name}”已是{Roles.ChineseName(role)}。");

    public static DubanException AccountNotFound() => new(ErrorKind.NotFound, "账户不存在。");

    public static DubanException UserNotFound(string name) => new(ErrorKind.NotFound, $"用户“{name}”不存在。");

    public static DubanException TokenNotFound(int id) => new(ErrorKind.NotFound, $"令牌 {id} 不存在。");

    public static DubanException NotPermitted(Permission permission) => new(ErrorKind.Forbidden, $"没有权限：{permission.Name}。");

    /// <summary>Identity's own refusals (password rules, lockout), already in Chinese by its describer.</summary>
    public static DubanException Identity(IEnumerable<string> descriptions) => new(ErrorKind.Validation, string.Join(" ", descriptions));
}
