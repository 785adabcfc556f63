using System.CommandLine;
using Duban.Core.Accounts;

namespace Duban.Cli;

internal static class UserCommands
{
    public static Command Create() => new("user", "管理登录账户") { Add(), ResetPassword() };

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
