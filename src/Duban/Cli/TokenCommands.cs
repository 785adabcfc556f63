using System.CommandLine;
using Duban.Core.Accounts;
using Duban.Core.Common;

namespace Duban.Cli;

internal static class TokenCommands
{
    public static Command Create() => new("token", "管理接口访问令牌") { CreateToken(), Revoke(), List() };

    private static Command CreateToken()
    {
        var user = new Option<string>("--user") { Description = "令牌所属用户名", Required = true };
        var name = new Option<string?>("--name") { Description = "令牌用途说明" };
        var data = CliOptions.Data();
        var command = new Command("create", "为用户创建个人访问令牌，打印令牌（只显示一次，库中只存哈希）") { user, name, data };
        command.SetAction((result, _) => CliServices.RunAsync(result.GetValue(data), prepareDatabase: true, async services =>
        {
            var (token, secret) = await services.GetRequiredService<TokenService>()
                .CreateAsync(result.GetValue(user)!, result.GetValue(name));
            await Console.Error.WriteLineAsync($"已创建令牌 #{token.Id}，请妥善保存，用于 Authorization: Bearer <令牌>");
            Console.WriteLine(secret);
            return 0;
        }));
        return command;
    }

    private static Command Revoke()
    {
        var id = new Argument<int>("ID") { Description = "令牌编号（见 token list）" };
        var data = CliOptions.Data();
        var command = new Command("revoke", "吊销令牌，立即失效") { id, data };
        command.SetAction((result, _) => CliServices.RunAsync(result.GetValue(data), prepareDatabase: true, async services =>
        {
            await services.GetRequiredService<TokenService>().RevokeAsync(result.GetValue(id));
            Console.WriteLine($"令牌 #{result.GetValue(id)} 已吊销。");
            return 0;
        }));
        return command;
    }

    private static Command List()
    {
        var data = CliOptions.Data();
        var command = new Command("list", "列出令牌（不含密钥）") { data };
        command.SetAction((result, _) => CliServices.RunAsync(result.GetValue(data), prepareDatabase: true, async services =>
        {
            foreach (var (token, userName) in await services.GetRequiredService<TokenService>().ListAsync())
            {
                var state = token.IsActive ? "有效" : $"已吊销 {ChinaTime.Format(token.RevokedAt!.Value)}";
                Console.WriteLine($"#{token.Id}\t{userName}\t{token.Prefix}…\t{token.Name}\t创建 {ChinaTime.Format(token.CreatedAt)}\t{state}");
            }
            return 0;
        }));
        return command;
    }
}
