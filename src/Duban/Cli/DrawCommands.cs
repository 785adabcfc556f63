using System.CommandLine;
using Duban.Core.Supervision.Draws;

namespace Duban.Cli;

internal static class DrawCommands
{
    public static Command Create() => new("draw", "随机抽查") { Verify() };

    private static Command Verify()
    {
        var data = CliOptions.Data();
        var code = new Argument<string>("CODE") { Description = "抽取编号，如 CJ-2026-001" };
        var command = new Command("verify", "按存储的总体和种子重新计算抽取结果：一致时输出“一致”、退出码 0；不一致时退出码 1 并指出差异")
        {
            code, data,
        };
        command.SetAction((result, _) => CliServices.RunAsync(result.GetValue(data), prepareDatabase: false, async services =>
        {
            var check = await services.GetRequiredService<DrawService>().VerifyAsync(result.GetRequiredValue(code));
            if (check.Consistent)
            {
                Console.WriteLine($"{check.Code}：一致（总体哈希 {check.StoredHash}，抽中 {string.Join("、", check.Stored)}）。");
                return 0;
            }
            await Console.Error.WriteLineAsync($"{check.Code}：不一致。");
            if (!check.HashMatches)
            {
                await Console.Error.WriteLineAsync($"总体哈希不同：记录为 {check.StoredHash}，重新计算为 {check.ComputedHash}。");
            }
            if (!check.SelectionMatches)
            {
                await Console.Error.WriteLineAsync($"抽取结果不同：记录为 {string.Join("、", check.Stored)}；重新计算为 {string.Join("、", check.Computed)}。");
                if (check.OnlyStored.Count > 0)
                {
                    await Console.Error.WriteLineAsync($"仅在记录中：{string.Join("、", check.OnlyStored)}。");
                }
                if (check.OnlyComputed.Count > 0)
                {
                    await Console.Error.WriteLineAsync($"仅在重新计算结果中：{string.Join("、", check.OnlyComputed)}。");
                }
            }
            return 1;
        }));
        return command;
    }
}
