using System.CommandLine;
using Duban.Core.Accounts;

namespace Duban.Cli;

internal static class UserCommands
{
    public static Command Create() => new("user", "管理登录账户")
    {
        Add(), ResetPassword(),
        Simple("disable", "停用账户：不能再登录，已有的会话和访问令牌立即失效", (accounts, name) => accounts.DisableAsync(name), "已停用账户 {0}，其会话和访问令牌已失效。"),
        Simple("enable", "重新启用已停用的账户", (accounts, name) => accounts.EnableAsync(name), "已启用账户 {0}。"),
        Simple("unlock", "解除因密码输错而锁定的账户（密码不变）", (accounts, name) => accounts.UnlockAsync(name), "已解除账户 {0} 的锁定。"),
        SetRole(),
    };

    private static Command Simple(string verb, string description, Func<AccountService, string, Task> act, string done)
    {
        var name = new Argument<string>("NAME") { Description = "登录用户名" };
        var data = CliOptions.Data();
        var command = new Command(verb, description) { name, data };
        command.SetAction((result, _) => CliServices.RunAsync(result.GetValue(data), prepareDatabase: true, async services =>
        {
            await act(services.GetRequiredService<AccountService>(), result.GetValue(name)!);
            Console.WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, done, result.GetValue(name)));
            return 0;
        }));
        return command;
    }

    private static Command SetRole()
    {
        var name = new Argument<string>("NAME") { Description = "登录用户名" };
        var role = new Option<string>("--role") { Description = "新角色：" + string.Join("、", Roles.All), Required = true };
        var data = CliOptions.Data();
        var command = new Command("set-role", "更改账户的角色；该账户的会话随即结束，需重新登录") { name, role, data };
        command.SetAction((result, _) => CliServices.RunAsync(result.GetValue(data), prepareDatabase: true, async services =>
        {
            await services.GetRequiredService<AccountService>().SetRoleAsync(result.GetValue(name)!, result.GetValue(role)!);
            Console.WriteLine($"已将 {result.GetValue(name)} 的角色改为{Roles.ChineseName(Roles.Find(result.GetValue(role))!)}，其会话已结束。");
            return 0;
        }));
        return command;
    }

    private static Command Add()
    {
        var name = new Argument<string>("NAME") { Description = "登录用户名（字母、数字和 - . _）" };
        var role = new Option<string>("--role") { Description = "角色：" + string.Join("、", Roles.All), Required = true };
        var unit = new Option<string>("--unit") { Description = "所在单位名称，如 综合科", Required = true };
        var person = new Option<string?>("--person") { Description = "对应人员姓名；本单位没有此人时新建，默认同用户名" };
        var data = CliOptions.Data();
        var command = new Command("add", "新建账户，打印初始密码（只显示一次）") { name, role, unit, person, data };
        command.SetAction((result, _) => CliServices.RunAsync(result.GetValue(data), prepareDatabase: true, async services =>
        {
            var (user, password) = await services.GetRequiredService<AccountService>().CreateAsync(
                result.GetValue(name)!, result.GetValue(role)!, result.GetValue(unit)!, result.GetValue(person));
            Console.WriteLine($"已创建账户 {user.UserName}（{Roles.ChineseName(Roles.Find(result.GetValue(role))!)}）");
            Console.WriteLine($"初始密码：{password}");
            return 0;
        }));
        return command;
    }

    private static Command ResetPassword()
    {
        var name = new Argument<string>("NAME") { Description = "登录用户名" };
        var data = CliOptions.Data();
        var command = new Command("reset-password", "重置密码并解除锁定，打印新密码（只显示一次）") { name, data };
        command.SetAction((result, _) => CliServices.RunAsync(result.GetValue(data), prepareDatabase: true, async services =>
        {
            var password = await services.GetRequiredService<AccountService>().ResetPasswordAsync(result.GetValue(name)!);
            Console.WriteLine($"已重置 {result.GetValue(name)} 的密码，新密码：{password}");
            return 0;
        }));
        return command;
    }
}
