using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Duban.Core.Documents;

/// <summary>A converted document, or why there is none (a Chinese sentence to show).</summary>
public sealed record PdfConversion(byte[]? Pdf, string? Error);

/// <summary>
/// Prints a .docx to PDF with LibreOffice, headless. Each conversion runs in a fresh folder with a fresh LibreOffice
/// profile (processes sharing a profile wait on each other's lock), with the configured fontconfig file so the official
/// fonts' names find free faces, and is killed with everything it started when it runs too long or is cancelled. At most
/// two run at once: each keeps a core busy for seconds.
/// </summary>
public sealed class PdfConverter(IOptions<DocumentOptions> options, ILogger<PdfConverter> logger) : IDisposable
{
    public const string NotInstalled = "未安装 LibreOffice，无法生成 PDF";
    public const string TimedOut = "PDF 转换超时";
    public const string FailedPrefix = "PDF 转换失败：";

    private const string InputName = "document.docx";

    private readonly DocumentOptions _options = options.Value;
    private readonly SemaphoreSlim _slots = new(2);

    /// <summary>Whether the configured LibreOffice executable exists (on PATH, or at its path).</summary>
    public bool IsAvailable => Executable() is not null;

    /// <summary>The PDF of <paramref name="docx"/>, or the reason there is none; throws only when cancelled.</summary>
    public async Task<PdfConversion> ConvertAsync(byte[] docx, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(docx);
        using (var input = new MemoryStream(docx, writable: false))
        {
            if (OfficePackages.Word(input) is { } problem)
            {
                return Failed(problem);
            }
        }
        if (Executable() is not { } program)
        {
            return new(null, NotInstalled);
        }
        await _slots.WaitAsync(ct);
        string? folder = null;
        try
        {
            folder = CreateFolder();
            return await RunAsync(program, folder, docx, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Converting a document to PDF failed in the temporary folder {Folder}", folder);
            return Failed("临时文件读写出错");
        }
        finally
        {
            if (folder is not null)
            {
                Delete(folder);
            }
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();

    private async Task<PdfConversion> RunAsync(string program, string folder, byte[] docx, CancellationToken ct)
    {
        var input = Path.Combine(folder, InputName);
        await File.WriteAllBytesAsync(input, docx, ct);
        var output = Path.Combine(folder, "pdf");
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        string[] arguments =
        [
            "-env:UserInstallation=" + new Uri(Path.Combine(folder, "profile")).AbsoluteUri,
            "--headless", "--norestore", "--convert-to", "pdf", "--outdir", output, input,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        if (FontConfigFile() is { } fonts)
        {
            start.Environment["FONTCONFIG_FILE"] = fonts;
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            logger.LogError(e, "LibreOffice ({Program}) could not be started", program);
            return new(null, NotInstalled);
        }
        process.StandardInput.Close();
        var standardOutput = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var standardError = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            deadline.CancelAfter(TimeSpan.FromSeconds(_options.ConversionTimeoutSeconds));
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                ct.ThrowIfCancellationRequested();
                logger.LogWarning("LibreOffice took longer than {Seconds} s to convert a document and was stopped", _options.ConversionTimeoutSeconds);
                return new(null, TimedOut);
            }
        }
        await Task.WhenAll(standardOutput, standardError);
        if (process.ExitCode != 0)
        {
            logger.LogWarning("LibreOffice exited with {Code} converting a document: {Error}", process.ExitCode, (await standardError).Trim());
            return Failed(string.Create(CultureInfo.InvariantCulture, $"LibreOffice 出错（退出码 {process.ExitCode}）"));
        }
        var pdf = Path.Combine(output, Path.ChangeExtension(InputName, ".pdf"));
        if (!File.Exists(pdf))
        {
            // soffice exits 0 when it cannot load a file; what went wrong is only in its output.
            logger.LogWarning("LibreOffice wrote no PDF: {Output} {Error}", (await standardOutput).Trim(), (await standardError).Trim());
            return Failed("LibreOffice 没有生成 PDF 文件");
        }
        return new(await File.ReadAllBytesAsync(pdf, ct), null);
    }

    private static PdfConversion Failed(string reason) => new(null, FailedPrefix + reason);

    /// <summary>The executable: a name is looked up on PATH as a shell would, a path is taken as it is.</summary>
    private string? Executable()
    {
        var configured = _options.LibreOfficePath;
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }
        if (configured.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || configured.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(configured);
            return IsExecutable(path) ? path : null;
        }
        var names = OperatingSystem.IsWindows() && !Path.HasExtension(configured) ? [configured + ".exe", configured] : new[] { configured };
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => names.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(IsExecutable);
    }

    private static bool IsExecutable(string path) =>
        File.Exists(path)
        && (OperatingSystem.IsWindows()
            || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);

    /// <summary>The fontconfig file as an absolute path (fontconfig reads a relative one from /etc/fonts), if it exists.</summary>
    private string? FontConfigFile()
    {
        if (string.IsNullOrWhiteSpace(_options.FontConfigFile))
        {
            return null;
        }
        var path = Path.GetFullPath(_options.FontConfigFile, AppContext.BaseDirectory);
        if (File.Exists(path))
        {
            return path;
        }
        logger.LogWarning("The font configuration {File} does not exist; LibreOffice uses the system's fonts as configured", path);
        return null;
    }

    /// <summary>A folder only this user can read: the document may not be public yet.</summary>
    private string CreateFolder()
    {
        var root = string.IsNullOrWhiteSpace(_options.TemporaryFolder) ? Path.GetTempPath() : _options.TemporaryFolder;
        var folder = Path.Combine(root, "duban-pdf-" + Guid.NewGuid().ToString("N"));
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return folder;
    }

    private void Delete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "The temporary folder {Folder} could not be deleted", folder);
        }
    }
}
