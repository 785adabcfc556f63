using Duban.Core.Documents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Duban.Tests.Domain.Documents;

/// <summary>
/// How the converter runs LibreOffice, shown with stand-in scripts in its place (what they were given, how long they
/// take, what they leave): failures are Chinese sentences, never exceptions, and no conversion leaves a folder behind.
/// Each test has its own folder for the conversions' temporary folders, so it can see that they are gone. The stand-ins
/// are shell scripts and the processes are looked up in /proc: Linux, as the servers are.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PdfConverterTests : IDisposable
{
    private static readonly string[] Switches = ["--headless", "--norestore", "--convert-to", "pdf", "--outdir"];

    private readonly string _folder = Directory.CreateTempSubdirectory("duban-pdf-test-").FullName;

    private string Conversions => Path.Combine(_folder, "conversions");

    [Theory]
    [InlineData("duban-no-such-soffice")]
    [InlineData("/nonexistent/libreoffice/program/soffice")]
    [InlineData("")]
    public async Task A_libreoffice_that_cannot_be_found_is_reported_in_chinese(string path)
    {
        using var converter = Converter(new DocumentOptions { LibreOfficePath = path });

        var conversion = await converter.ConvertAsync(Docx(), TestContext.Current.CancellationToken);

        Assert.False(converter.IsAvailable);
        Assert.Equal(new PdfConversion(null, "未安装 LibreOffice，无法生成 PDF"), conversion);
    }

    [Theory]
    [InlineData("not a document")]
    [InlineData("%PDF-1.7\n")]
    [InlineData("")]
    public async Task Input_that_is_not_a_word_document_fails_without_running_libreoffice(string content)
    {
        var ran = Path.Combine(_folder, "ran");
        using var converter = Converter(new DocumentOptions { LibreOfficePath = Script($"touch '{ran}'") });

        var conversion = await converter.ConvertAsync(System.Text.Encoding.UTF8.GetBytes(content), TestContext.Current.CancellationToken);

        Assert.Null(conversion.Pdf);
        Assert.Equal("PDF 转换失败：不是 Word 文档", conversion.Error);
        Assert.False(File.Exists(ran));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public async Task Libreoffice_gets_a_fresh_profile_and_folder_headless_and_the_font_configuration()
    {
        var cancel = TestContext.Current.CancellationToken;
        var calls = Path.Combine(_folder, "calls");
        // Called as: -env:UserInstallation=… --headless --norestore --convert-to pdf --outdir OUT INPUT.
        var soffice = Script($"""
            printf '%s\n' "$@" "FONTCONFIG_FILE=$FONTCONFIG_FILE" "" >> '{calls}'
            mkdir -p "$7" && cp "$8" "$7/document.pdf"
            """);
        using var converter = Converter(new DocumentOptions { LibreOfficePath = soffice });
        var docx = Docx();

        var first = await converter.ConvertAsync(docx, cancel);
        var second = await converter.ConvertAsync(docx, cancel);

        Assert.True(converter.IsAvailable);
        Assert.Equal(docx, first.Pdf);
        Assert.Null(first.Error);
        var runs = (await File.ReadAllTextAsync(calls, cancel)).Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(run => run.Split('\n')).ToList();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, run =>
        {
            Assert.StartsWith("-env:UserInstallation=file://" + Conversions + "/duban-pdf-", run[0], StringComparison.Ordinal);
            Assert.Equal(Switches, run[1..6]);
            Assert.Equal(Path.GetDirectoryName(run[7]), Path.GetDirectoryName(run[6]));
            Assert.Equal("FONTCONFIG_FILE=" + DocumentOptions.ShippedFontConfigFile, run[8]);
        });
        Assert.NotEqual(runs[0][0], runs[1][0]);
        Assert.True(File.Exists(DocumentOptions.ShippedFontConfigFile), "fonts.conf is copied beside the binaries");
        Assert.Empty(Leftovers());
    }

    [Fact]
    public async Task An_empty_font_configuration_leaves_fontconfig_as_the_system_has_it()
    {
        var cancel = TestContext.Current.CancellationToken;
        var seen = Path.Combine(_folder, "seen");
        using var converter = Converter(new DocumentOptions
        {
            LibreOfficePath = Script($$"""echo "${FONTCONFIG_FILE-unset}" > '{{seen}}'; mkdir -p "$7" && cp "$8" "$7/document.pdf" """),
            FontConfigFile = string.Empty,
        });

        var conversion = await converter.ConvertAsync(Docx(), cancel);

        Assert.NotNull(conversion.Pdf);
        Assert.Equal(Environment.GetEnvironmentVariable("FONTCONFIG_FILE") ?? "unset", (await File.ReadAllTextAsync(seen, cancel)).Trim());
    }

    [Theory]
    [InlineData("exit 3", "PDF 转换失败：LibreOffice 出错（退出码 3）")]
    [InlineData("echo 'Error: source file could not be loaded'", "PDF 转换失败：LibreOffice 没有生成 PDF 文件")]
    public async Task A_failed_conversion_is_a_chinese_sentence_and_leaves_no_folder(string script, string error)
    {
        using var converter = Converter(new DocumentOptions { LibreOfficePath = Script(script) });

        var conversion = await converter.ConvertAsync(Docx(), TestContext.Current.CancellationToken);

        Assert.Equal(new PdfConversion(null, error), conversion);
        Assert.Empty(Leftovers());
    }

    [Fact]
    public async Task A_conversion_past_its_time_is_stopped_and_reported()
    {
        using var converter = Converter(new DocumentOptions { LibreOfficePath = Script("sleep 300"), ConversionTimeoutSeconds = 1 });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var conversion = await converter.ConvertAsync(Docx(), TestContext.Current.CancellationToken);

        Assert.Equal(new PdfConversion(null, "PDF 转换超时"), conversion);
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"the conversion was not stopped: it took {clock.Elapsed}");
        Assert.Empty(Leftovers());
    }

    [Fact]
    public async Task A_cancelled_conversion_throws_and_is_killed_with_what_it_started()
    {
        var cancel = TestContext.Current.CancellationToken;
        var child = Path.Combine(_folder, "child");
        // The stand-in starts a child that would outlive it, notes the child's id, and waits for it.
        using var converter = Converter(new DocumentOptions { LibreOfficePath = Script($"sleep 300 & echo $! > '{child}.new'; mv '{child}.new' '{child}'; wait") });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);

        var conversion = converter.ConvertAsync(Docx(), stop.Token);
        for (var waited = 0; !File.Exists(child); waited++)
        {
            Assert.True(waited < 600, "the stand-in never started its child");
            await Task.Delay(50, cancel);
        }
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => conversion);
        var pid = (await File.ReadAllTextAsync(child, cancel)).Trim();
        Assert.True(await GoneAsync(pid, cancel), $"the child {pid} LibreOffice started is still running");
        Assert.Empty(Leftovers());
    }

    [Fact]
    public async Task At_most_two_conversions_run_at_once()
    {
        var running = Directory.CreateDirectory(Path.Combine(_folder, "running")).FullName;
        var counts = Path.Combine(_folder, "counts");
        using var converter = Converter(new DocumentOptions
        {
            LibreOfficePath = Script($"""
                mkdir '{running}/'$$; ls '{running}' | wc -l >> '{counts}'; sleep 0.3; rmdir '{running}/'$$
                mkdir -p "$7" && cp "$8" "$7/document.pdf"
                """),
        });

        var conversions = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => converter.ConvertAsync(Docx(), TestContext.Current.CancellationToken)));

        Assert.All(conversions, c => Assert.NotNull(c.Pdf));
        var seen = (await File.ReadAllLinesAsync(counts, TestContext.Current.CancellationToken)).Select(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(5, seen.Count);
        Assert.InRange(seen.Max(), 1, 2);
    }

    [Fact]
    public void The_documents_section_configures_the_converter_registered_once()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Documents:LibreOfficePath"] = "/opt/libreoffice/program/soffice",
            ["Documents:FontConfigFile"] = "",
            ["Documents:ConversionTimeoutSeconds"] = "30",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddDocuments(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<DocumentOptions>>().Value;

        Assert.Equal(("/opt/libreoffice/program/soffice", "", 30), (options.LibreOfficePath, options.FontConfigFile, options.ConversionTimeoutSeconds));
        Assert.Same(services.GetRequiredService<PdfConverter>(), services.GetRequiredService<PdfConverter>());
        Assert.Equal(("soffice", DocumentOptions.ShippedFontConfigFile, 120), (new DocumentOptions().LibreOfficePath, new DocumentOptions().FontConfigFile, new DocumentOptions().ConversionTimeoutSeconds));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private PdfConverter Converter(DocumentOptions options)
    {
        options.TemporaryFolder = Directory.CreateDirectory(Conversions).FullName;
        return new PdfConverter(Options.Create(options), NullLogger<PdfConverter>.Instance);
    }

    private IEnumerable<string> Leftovers() => Directory.EnumerateFileSystemEntries(Conversions);

    /// <summary>A stand-in for soffice: a shell script in this test's folder.</summary>
    private string Script(string body)
    {
        var path = Path.Combine(_folder, $"soffice-{Guid.NewGuid():N}");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>Whether the process has ended (a zombie has: it waits only to be reaped), given a moment to die.</summary>
    private static async Task<bool> GoneAsync(string pid, CancellationToken cancellationToken)
    {
        for (var tries = 0; tries < 100; tries++)
        {
            try
            {
                if ((await File.ReadAllTextAsync(Path.Combine("/proc", pid, "status"), cancellationToken)).Contains("State:\tZ", StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (IOException)
            {
                return true;
            }
            await Task.Delay(100, cancellationToken);
        }
        return false;
    }

    private static byte[] Docx()
    {
        using var stream = new MemoryStream();
        OfficialDocumentWriter.Write(new OfficialDocument("区政府办公室文件", null, "测试", null, [new("正文。")], "区政府办公室", new DateOnly(2026, 11, 29)), stream);
        return stream.ToArray();
    }
}
