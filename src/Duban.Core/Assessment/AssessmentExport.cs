using Duban.Core.Bulletins;
using Duban.Core.Common;
using Duban.Core.Documents;
using Microsoft.Extensions.Options;

namespace Duban.Core.Assessment;

/// <summary>A written file to download.</summary>
public sealed record ExportFile(byte[] Content, string FileName, string ContentType);

/// <summary>
/// The year-end files of a run: the sheet (one row per unit: rank, grade, base, every indicator, adjustments, total,
/// veto, head) and the results as an official document with the ranking attached. Both show what the reader sees.
/// </summary>
public sealed class AssessmentExport(AssessmentQueries queries, IOptions<BulletinOptions> office, TimeProvider clock, Accounts.IActorAccessor actors)
{
    public async Task<ExportFile> SheetAsync(int runId, CancellationToken cancellationToken = default)
    {
        var run = await queries.RunAsync(runId, cancellationToken);
        var views = await queries.ResultViewsAsync(run, cancellationToken);
        var indicators = run.Scheme.Indicators.Where(i => i.Enabled && i.Kind != IndicatorKind.Veto).ToList();
        SheetColumn[] columns =
        [
            new("排名", 6), new("单位", 24), new("等次", 8), new("基础分", 8),
            .. indicators.Select(i => new SheetColumn(i.Name, 10)),
            new("调整分", 8), new("总分", 9), new("一票否决", 16), new("负责人", 10),
        ];
        var layout = new SheetLayout("考核结果", run.Title,
            [$"考核期间：{run.FromDate:yyyy-MM-dd} 至 {run.ToDate:yyyy-MM-dd}　数据截止：{ChinaTime.Format(run.CutOff)}　方案：{run.SchemeName}（第 {run.SchemeVersion} 版）　状态：{AssessmentTerms.Name(run.State)}"],
            columns);
        var rows = views.Select(v => (IReadOnlyList<string?>)
        [
            Number(v.Result.Rank), v.Result.UnitName, Grading.Name(v.Result.Grade), Points.Number(v.Result.Base),
            .. indicators.Select(i => v.Lines.FirstOrDefault(l => l.Indicator == i.Code) is { } line ? Points.Number(line.Points) : "0"),
            Points.Number(v.Approved.Sum(a => a.Points)), Points.Number(v.Result.Total), v.Result.Veto ?? "", v.Result.HeadName ?? "",
        ]);
        using var output = new MemoryStream();
        SheetWriter.Write(output, layout, rows);
        return new ExportFile(output.ToArray(), $"{run.Title}.xlsx", ContentTypes.Xlsx);
    }

    /// <summary>The results' 通报: once published (before, a draft for the supervision office only).</summary>
    public async Task<ExportFile> DocumentAsync(int runId, CancellationToken cancellationToken = default)
    {
        var run = await queries.RunAsync(runId, cancellationToken);
        if (!run.IsPublished && !actors.Actor.Can(AssessmentPermissions.Manage))
        {
            throw AssessmentErrors.NotPublishedYet();
        }
        var results = await queries.ResultsAsync(run, cancellationToken);
        var date = run.PublishedAt is { } at ? ChinaTime.DateOf(at) : ChinaTime.Today(clock);
        var byGrade = results.GroupBy(r => r.Grade).OrderBy(g => g.Key).ToList();
        List<DocumentParagraph> body =
        [
            new($"根据{run.SchemeName}（第{run.SchemeVersion}版），按{OfficialDocument.DateText(run.FromDate)}至{OfficialDocument.DateText(run.ToDate)}的工作台账、督查检查、督办和通报数据（截至{ChinaTime.Format(run.CutOff)}），对{results.Count}个单位进行了考核，现将结果通报如下："),
            new("一、考核等次", HeadingLevel.First),
            .. byGrade.Select(g => new DocumentParagraph($"{Grading.Name(g.Key)}（{g.Count()}个）：{string.Join("、", g.Select(r => r.UnitName))}。")),
            new("二、评先树优资格", HeadingLevel.First),
            new(results.Any(r => r.Veto is not null)
                ? $"以下单位因一票否决事项{string.Join("；", results.Where(r => r.Veto is not null).Select(r => $"{r.UnitName}（{r.Veto}）"))}，不得参加本期评先树优；其余单位按等次确定。"
                : "本期无一票否决事项，各单位按等次确定评先树优资格。"),
            new("三、有关要求", HeadingLevel.First),
            new("各单位要对照考核得分逐项查找差距，扣分较多的指标要分析原因、制定措施。对考核结果有异议的，可由单位负责人在规定期限内通过系统提出申诉。"),
        ];
        if (run.NoData)
        {
            body.Insert(1, new DocumentParagraph("本期考核期间内没有可计分的数据，各单位均为基础分。"));
        }
        var table = new DocumentTable($"{run.Title}结果", ["排名", "单位", "总分", "等次"],
            [.. results.Select(r => (IReadOnlyList<string>)[Number(r.Rank), r.UnitName, Points.Number(r.Total), Grading.Name(r.Grade)])]);
        var document = new OfficialDocument(office.Value.IssuerMark, null, $"关于{run.Title}结果的通报", "各单位：", body,
            office.Value.IssuingOrgan, date, table, PrintedBy: office.Value.IssuingOrgan, PrintedOn: date);
        using var output = new MemoryStream();
        OfficialDocumentWriter.Write(document, output);
        return new ExportFile(output.ToArray(), $"{run.Title}.docx", ContentTypes.Docx);
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
