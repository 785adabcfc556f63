using System.Diagnostics;

namespace Duban.Tests.Infrastructure;

/// <summary>Runs the real binary's verbs in a process of their own, as an operator would from the shell.</summary>
public static class DubanCli
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Task<Result> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs a verb with extra environment variables (configuration such as Import__MaxRows).</summary>
    public static async Task<Result> RunAsync(IDictionary<string, string> environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(environment, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Runs a verb and kills it, as a power cut would, as soon as it writes a line containing <paramref name="signal"/> to stderr.</summary>
    public static async Task<bool> KillWhenAsync(IDictionary<string, string> environment, string signal, params string[] args)
    {
        using var process = Process.Start(StartInfo(environment, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains(signal, StringComparison.Ordinal))
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(timeout.Token);
                return true;
            }
        }
        await process.WaitForExitAsync(timeout.Token);
        await output;
        return false;
    }

    /// <summary>Starts a verb that keeps running (serve) from the temp folder; the caller stops it by its process.</summary>
    public static Process Start(IDictionary<string, string> environment, params string[] args) => Process.Start(StartInfo(environment, args))!;

    private static ProcessStartInfo StartInfo(IDictionary<string, string> environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Duban.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        return start;
    }
}
