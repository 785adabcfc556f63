using System.CommandLine;

namespace Duban.Cli;

internal static class CliOptions
{
    public static Option<string?> Data() => new("--data")
    {
        Description = "数据目录（数据库、附件）；默认 ./data，也可用环境变量 Duban__DataDir 设置",
        HelpName = "DIR",
    };
}
