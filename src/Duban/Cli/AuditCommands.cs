using System.CommandLine;
using Duban.Core.Audit;

namespace Duban.Cli;

internal static class AuditCommands
{
    public static Command Create() => new("audit", "审计日志") { Verify() };

    private static Command Verify()
    {
        var data = CliOptions.Data();
        var command = new Command("verify", "重新计算审计哈希链：完好时退出码 0，否则退出码 1 并指出第一条被破坏的事件") { data };
        command.SetAction((result, _) => CliServices.RunAsync(result.GetValue(data), prepareDatabase: false, async services =>
        {
            var check = await services.GetRequiredService<AuditLog>().VerifyAsync();
            if (check.IsIntact)
            {
                Console.WriteLine($"审计链完好：共校验 {check.Checked} 条事件。");
                return 0;
            }
            await Console.Error.WriteLineAsync($"审计链已被破坏：第一条被破坏的事件为第 {check.FirstBrokenSequence} 条。{check.Problem}");
            return 1;
        }));
        return command;
    }
}
