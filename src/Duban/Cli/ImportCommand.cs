using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Duban.Core.Documents;
using Duban.Core.Spreadsheets;

namespace Duban.Cli;

internal static class ImportCommand
{
    public const int Invalid = 3;
    public const int Unreadable = 2;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "台账文件：.xlsx、.xls 或 .csv" };
        var campaign = new Option<string>("--campaign") { Description = "导入到的活动代码，如 ZFJS-2026", Required = true };
        var sheet = new Option<string?>("--sheet") { Description = "工作表名称（默认第一个）" };
        var dryRun = new Option<bool>("--dry-run") { Description = "只检查，不写入" };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "跳过有错误的行，只导入正确的行" };
        var updateExisting = new Option<bool>("--update-existing")
        {
            Description = "已存在的事项（按“编号”列，或此前从同一文件导入）按表格逐项更新有变化的内容，记入办理过程，不改变办理状态；默认跳过",
        };
        var json = new Option<bool>("--json") { Description = "以 JSON 输出结果" };
        var rejected = new Option<FileInfo?>("--rejected") { Description = "错误行文件（.xlsx，含“错误说明”列）；默认写在原文件旁，名为 原名.错误行.xlsx", HelpName = "FILE" };
        var data = CliOptions.Data();
        var command = new Command("import", "导入整改台账：有错误的行时默认整份不导入（退出码 3），文件无法读取时退出码 2")
        {
            file, campaign, sheet, dryRun, skipInvalid, updateExisting, json, rejected, data,
        };
        command.SetAction((result, cancellationToken) => CliServices.RunAsync(result.GetValue(data), prepareDatabase: true, async services =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"文件不存在：{path.FullName}");
                return Unreadable;
            }
            ImportReport report;
            try
            {
                await using var stream = path.OpenRead();
                report = await services.GetRequiredService<LedgerImporter>().ImportAsync(stream, path.Name, result.GetValue(campaign)!,
                    new ImportOptions(result.GetValue(sheet), result.GetValue(dryRun), result.GetValue(skipInvalid), result.GetValue(updateExisting))
                    {
                        Progress = new StderrProgress(),
                    },
                    cancellationToken);
            }
            catch (UnreadableSheetException e)
            {
                await Console.Error.WriteLineAsync("错误：" + e.Message);
                return Unreadable;
            }
            Print(report, result.GetValue(json));
            if (report.Rejected.Count > 0)
            {
                var target = result.GetValue(rejected)?.FullName
                    ?? Path.Combine(path.DirectoryName!, Path.GetFileNameWithoutExtension(path.Name) + ".错误行.xlsx");
                await using (var output = File.Create(target))
                {
                    await RejectedRows.WriteAsync(output, report, cancellationToken);
                }
                await Console.Error.WriteLineAsync($"已将 {report.Rejected.Count} 行错误行写入 {target}（含“{RejectedRows.ErrorColumn}”列，改正后可重新导入）。");
            }
            return report.Errors.Count > 0 ? Invalid : 0;
        }));
        return command;
    }

    private static void Print(ImportReport report, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                rows = report.Rows,
                valid = report.Valid,
                imported = report.Imported,
                existing = report.Existing,
                updated = report.Updated,
                errors = report.Errors.Select(e => new { row = e.Row, column = e.Column, message = e.Message }),
                warnings = report.Warnings.Select(e => new { row = e.Row, column = e.Column, message = e.Message }),
            }, Json));
            return;
        }
        foreach (var issue in report.Errors)
        {
            Console.WriteLine($"错误 第 {issue.Row} 行 [{issue.Column}]：{issue.Message}");
        }
        foreach (var issue in report.Warnings)
        {
            Console.WriteLine($"提示 第 {issue.Row} 行 [{issue.Column}]：{issue.Message}");
        }
        Console.WriteLine($"共 {report.Rows} 行，正确 {report.Valid} 行，导入 {report.Imported} 行" +
                          (report.Existing > 0 ? $"，已存在 {report.Existing} 条（未重复导入" + (report.Updated > 0 ? $"，按表格更新 {report.Updated} 条）" : "）") : "") +
                          (report.Errors.Count > 0 && report.Imported == 0 ? "；因有错误，本次未导入任何行。" : "。"));
    }

    /// <summary>Tells a large import's progress on stderr (every thousand rows), leaving stdout to the result.</summary>
    private sealed class StderrProgress : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => Console.Error.WriteLine(value.Phase switch
        {
            ImportPhase.Checking => $"正在读取并检查：已处理 {value.Done} 行",
            _ => $"正在写入：{value.Done} / {value.Total} 行",
        });
    }
}
