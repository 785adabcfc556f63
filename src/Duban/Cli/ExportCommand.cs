using System.CommandLine;
using Duban.Core.Spreadsheets;

namespace Duban.Cli;

internal static class ExportCommand
{
    public static Command Create() => new("export", "导出数据") { Ledger() };

    private static Command Ledger()
    {
        var campaign = new Option<string>("--campaign") { Description = "活动代码，如 ZFJS-2026", Required = true };
        var unit = new Option<string?>("--unit") { Description = "只导出该单位及其下级单位" };
        var output = new Option<FileInfo>("--out") { Description = "输出文件（.xlsx）", Required = true, HelpName = "FILE" };
        var data = CliOptions.Data();
        var command = new Command("ledger", "按标准台账格式导出整改台账（A4 横向，表头每页重复）") { campaign, unit, output, data };
        command.SetAction((result, cancellationToken) => CliServices.RunAsync(result.GetValue(data), prepareDatabase: true, async services =>
        {
            var target = result.GetValue(output)!;
            var partial = target.FullName + ".partial";
            int count;
            await using (var stream = File.Create(partial))
            {
                count = await services.GetRequiredService<LedgerExporter>().ExportAsync(stream, result.GetValue(campaign)!,
                    result.GetValue(unit), cancellationToken);
            }
            // Only a finished file takes the name: an interrupted export leaves no half-written ledger behind.
            File.Move(partial, target.FullName, overwrite: true);
            Console.WriteLine($"已导出 {count} 项到 {target.FullName}");
            return 0;
        }));
        return command;
    }
}
