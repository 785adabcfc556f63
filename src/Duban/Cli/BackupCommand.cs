using System.CommandLine;
using Duban.Core.Data;

namespace Duban.Cli;

internal static class BackupCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "备份文件路径（不能已存在）", Required = true, HelpName = "FILE" };
        var data = CliOptions.Data();
        var command = new Command("backup", "在网站运行时复制一份一致的数据库备份") { output, data };
        command.SetAction((result, _) => CliServices.RunAsync(result.GetValue(data), prepareDatabase: false, async services =>
        {
            var bytes = await services.GetRequiredService<DatabaseBackup>().BackupAsync(result.GetValue(output)!);
            Console.WriteLine($"备份完成：{Path.GetFullPath(result.GetValue(output)!)}（{bytes / 1024.0:F0} KB）");
            return 0;
        }));
        return command;
    }
}
