using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Duban.Tests.Infrastructure;

/// <summary>A line of a page's text and its box, in millimetres from the page's top left corner.</summary>
public sealed record PdfLine(double Left, double Top, double Right, double Bottom, string Text);

/// <summary>A font the PDF uses, as pdffonts names it (a subset's name has a prefix: ABCDEF+NotoSerifCJKsc-Regular).</summary>
public sealed record PdfFont(string Name, bool Embedded);

/// <summary>
/// Prints a document as an office would, to PDF through LibreOffice, and reads the pages back with poppler's pdfinfo,
/// pdftotext and pdffonts; pdftoppm renders pages to look at under TestResults. Each instance has its own folder and LibreOffice profile, so tests running at once do not clash. A
/// missing tool fails the test with what to install (test.sh installs them); it never skips.
/// </summary>
public sealed partial class PrintedPdf : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public string Folder { get; } = Directory.CreateTempSubdirectory("duban-print-").FullName;

    /// <summary>The document converted by `soffice --headless --convert-to pdf`, killed if it takes longer than the timeout.</summary>
    public async Task<string> ConvertAsync(string document, CancellationToken cancellationToken)
    {
        var output = Path.Combine(Folder, "pdf");
        var profile = new Uri(Path.Combine(Folder, "profile")).AbsoluteUri;
        await RunAsync("soffice", "libreoffice-calc-nogui",
            [$"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", output, document], cancellationToken);
        var pdf = Path.Combine(output, Path.GetFileNameWithoutExtension(document) + ".pdf");
        Assert.True(File.Exists(pdf), $"LibreOffice wrote no PDF for {document}");
        return pdf;
    }

    /// <summary>Each page's size in points, from `pdfinfo -f 1 -l N`.</summary>
    public static async Task<IReadOnlyList<(double Width, double Height)>> PageSizesAsync(string pdf, CancellationToken cancellationToken)
    {
        var info = await RunAsync("pdfinfo", "poppler-utils", ["-f", "1", "-l", "100000", pdf], cancellationToken);
        return [.. PageSize().Matches(info).Select(m => (Points(m.Groups[1].Value), Points(m.Groups[2].Value)))];
    }

    /// <summary>Each page's text, from `pdftotext -layout` (pages end with a form feed).</summary>
    public static async Task<IReadOnlyList<string>> PageTextsAsync(string pdf, CancellationToken cancellationToken)
    {
        var text = await RunAsync("pdftotext", "poppler-utils", ["-layout", "-enc", "UTF-8", pdf, "-"], cancellationToken);
        return text.Split('\f')[..^1];
    }

    /// <summary>One page's lines with their boxes, from `pdftotext -bbox-layout`.</summary>
    public static async Task<IReadOnlyList<PdfLine>> PageLinesAsync(string pdf, int page, CancellationToken cancellationToken)
    {
        var number = page.ToString(CultureInfo.InvariantCulture);
        var html = await RunAsync("pdftotext", "poppler-utils", ["-bbox-layout", "-enc", "UTF-8", "-f", number, "-l", number, pdf, "-"], cancellationToken);
        static double Millimetres(XElement e, string attribute) => Points(e.Attribute(attribute)!.Value) * 25.4 / 72;
        return [.. XDocument.Parse(html).Descendants().Where(e => e.Name.LocalName == "line").Select(line => new PdfLine(
            Millimetres(line, "xMin"), Millimetres(line, "yMin"), Millimetres(line, "xMax"), Millimetres(line, "yMax"),
            string.Join(' ', line.Elements().Where(e => e.Name.LocalName == "word").Select(w => w.Value))))];
    }

    /// <summary>The fonts of the whole document, from `pdffonts` (its columns end with emb sub uni and the object number).</summary>
    public static async Task<IReadOnlyList<PdfFont>> FontsAsync(string pdf, CancellationToken cancellationToken)
    {
        var table = await RunAsync("pdffonts", "poppler-utils", [pdf], cancellationToken);
        return [.. table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(columns => new PdfFont(columns[0], columns[^5] == "yes"))];
    }

    /// <summary>
    /// Keeps the PDF and PNGs of its first pages (`pdftoppm -png -r 60`, name-1.png …) in TestResults/&lt;folder&gt; at the
    /// repository root, to look at after a run.
    /// </summary>
    public static async Task<string> KeepAsync(string pdf, string folder, string name, int pages, CancellationToken cancellationToken)
    {
        var kept = TestResultsFolder.Path(folder);
        File.Copy(pdf, Path.Combine(kept, name + ".pdf"), overwrite: true);
        await RunAsync("pdftoppm", "poppler-utils",
            ["-png", "-r", "60", "-f", "1", "-l", pages.ToString(CultureInfo.InvariantCulture), pdf, Path.Combine(kept, name)], cancellationToken);
        return kept;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static double Points(string value) => double.Parse(value, CultureInfo.InvariantCulture);

    private static async Task<string> RunAsync(string program, string package, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"{program} is not installed ({e.Message}): apt-get install --no-install-recommends {package} (./test.sh installs it when run as root)");
            throw;
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{program} did not finish within {Timeout.TotalSeconds} s and was killed");
            }
            Assert.True(process.ExitCode == 0, $"{program} exited with {process.ExitCode}: {await error}");
            return await output;
        }
    }

    [GeneratedRegex(@"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", RegexOptions.Multiline)]
    private static partial Regex PageSize();
}
