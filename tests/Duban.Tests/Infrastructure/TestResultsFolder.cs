namespace Duban.Tests.Infrastructure;

/// <summary>TestResults at the repository root (next to Duban.slnx), where tests keep what to look at after a run.</summary>
public static class TestResultsFolder
{
    /// <summary>The folder, or a folder in it, created if missing.</summary>
    public static string Path(string? folder = null)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(System.IO.Path.Combine(root.FullName, "Duban.slnx")))
        {
            root = root.Parent;
        }
        var path = System.IO.Path.Combine(root?.FullName ?? AppContext.BaseDirectory, "TestResults", folder ?? string.Empty);
        Directory.CreateDirectory(path);
        return path;
    }
}
