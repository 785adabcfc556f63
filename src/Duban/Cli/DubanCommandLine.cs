using System.CommandLine;

namespace Duban.Cli;

/// <summary>
/// The one binary's verbs, as in Gitea: `serve` (the default) runs the web server, the others work on the same data
/// folder from the shell, even while a server runs.
/// </summary>
public static class DubanCommandLine
{
    private static readonly HashSet<string> RootFlags = ["-h", "--help", "-?", "--version"];

    public static async Task<int> RunAsync(string[] args)
    {
        // `duban --demo` means `duban serve --demo`: no verb, or options first, runs the server.
        if (args.Length == 0 || (args[0].StartsWith('-') && !RootFlags.Contains(args[0])))
        {
            args = ["serve", .. args];
        }
        var root = new RootCommand("督办 Duban：作风建设年问题整改督办系统。不带子命令时启动网站（同 serve）。")
        {
            ServeCommand.Create(),
            UserCommands.Create(),
            TokenCommands.Create(),
            BackupCommand.Create(),
            AuditCommands.Create(),
            ImportCommand.Create(),
            ExportCommand.Create(),
            DrawCommands.Create(),
        };
        // Let exceptions through: the test host stops a started server by throwing from inside Build().
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }
}
