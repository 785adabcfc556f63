using System.CommandLine;
using Duban.Hosting;

namespace Duban.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"监听地址，默认 {DubanConfiguration.DefaultUrls}", HelpName = "URLS" };
        var data = CliOptions.Data();
        var demo = new Option<bool>("--demo") { Description = "同时载入演示单位、人员和各角色演示账户（密码 Demo#2026）" };
        var command = new Command("serve", "启动网站和 JSON 接口（默认子命令）") { urls, data, demo };
        // Hosting options (--environment, --contentRoot …) pass through to ASP.NET Core.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = new List<KeyValuePair<string, string?>>();
            if (result.GetValue(urls) is { } u)
            {
                settings.Add(new("urls", u));
            }
            if (result.GetValue(data) is { } d)
            {
                settings.Add(new(DubanConfiguration.DataDirKey, d));
            }
            if (result.GetValue(demo))
            {
                settings.Add(new(DubanConfiguration.DemoKey, "true"));
            }
            var app = DubanWebApp.Build([.. result.UnmatchedTokens], settings);
            await app.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
