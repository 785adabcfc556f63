using Duban.Core.Accounts;
using Duban.Core.Common;
using Duban.Core.Common.Workflow;
using Duban.Core.Data;
using Duban.Core.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Core.Assessment;

/// <summary>
/// The demo's assessment: the current quarter computed on the default scheme, a +2 adjustment for the office's party
/// branch with its basis approved (breaking a tie at 100, so the quota's one 优秀 is the branch's while the units with a
/// 廉政红线 finding score higher but are barred), the result published, and 综合科's appeal against its heaviest
/// deduction upheld (one event less).
/// Loading twice changes nothing.
/// </summary>
internal sealed class DemoAssessment(DubanDb db, IServiceProvider services, TimeProvider clock)
{
    public async Task LoadAsync(int campaignId)
    {
        if (await db.Set<AssessmentRun>().AnyAsync())
        {
            return;
        }
        var service = services.GetRequiredService<AssessmentService>();
        // All or nothing: a demo stopped half-way would otherwise never be completed (the guard above sees a run).
        await using var transaction = await db.Database.BeginTransactionAsync();
        var day = ChinaTime.Today(clock).AddDays(-1);
        var from = new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);
        var run = await AsAsync("demo-supervisor", () => service.ComputeAsync(new RunRequest(campaignId, from, from.AddMonths(3).AddDays(-1), null, null)));
        var results = await db.Set<AssessmentResult>().IgnoreQueryFilters().Include(r => r.Breakdown).Where(r => r.RunId == run.Id).ToListAsync();

        var praised = results.First(r => r.UnitName == "区政府办公室机关党支部");
        var adjustment = (AssessmentAdjustment)await AsAsync("demo-supervisor", () => service.ActOnResultAsync(praised.Id, ResultAction.Adjust, new ActionInput(
            [new(AssessmentWorkflow.Field.Points, "2"), new(AssessmentWorkflow.Field.Reason, "组织开展作风建设专题党课和“解放思想大讨论”，形成调研报告被区委采用，经领导小组办公室研究给予加分。")],
            new MemoryStream(Basis(day)), "专题学习和调研成果说明.docx")));
        await AsAsync("demo-leader", () => service.ActOnAdjustmentAsync(adjustment.Id, AdjustmentAction.Approve, new ActionInput([new(AssessmentWorkflow.Field.Reason, "同意。")])));
        await AsAsync("demo-leader", () => service.ActOnRunAsync(run.Id, RunAction.Publish, ActionInput.None));

        var appealed = results.First(r => r.UnitName == "综合科");
        if (appealed.Breakdown!.Lines.Where(l => l.Enabled && l.Points < 0 && l.Events.Count > 0).OrderBy(l => l.Points).FirstOrDefault() is { } line)
        {
            var each = line.Uncapped / line.Count;
            var appeal = (AssessmentAppeal)await AsAsync("demo-head", () => service.ActOnResultAsync(appealed.Id, ResultAction.Appeal, new ActionInput(
            [
                new(AssessmentWorkflow.Field.Indicator, line.Indicator),
                new(AssessmentWorkflow.Field.Reason, $"“{line.Name}”中有一项问题的整改期限在截止前已申请延期并经批准，系统登记晚于数据截止时间，不应计入，请予更正。"),
            ])));
            await AsAsync("demo-supervisor", () => service.ActOnAppealAsync(appeal.Id, AppealAction.Uphold, new ActionInput(
            [
                new(AssessmentWorkflow.Field.Points, Points.Number(Math.Min(0m, line.Points - each))),
                new(AssessmentWorkflow.Field.Reason, "经核实，该项延期审批在截止前已完成，申诉成立，扣除一项。"),
            ])));
        }
        await transaction.CommitAsync();
    }

    /// <summary>
    /// A step as the demo account who would take it (so the pages show who proposed, approved, appealed), when the host
    /// lets the actor change (the server's start-up); otherwise as the system.
    /// </summary>
    private async Task<T> AsAsync<T>(string userName, Func<Task<T>> step)
    {
        if (services.GetService<ScopedActorAccessor>() is not { } accessor
            || await db.Users.Where(u => u.UserName == userName).Select(u => (int?)u.Id).FirstOrDefaultAsync() is not { } userId
            || await services.GetRequiredService<ActorLoader>().LoadForBackgroundWorkAsync(userId) is not { } actor)
        {
            return await step();
        }
        var before = accessor.Actor;
        accessor.Actor = actor;
        try
        {
            return await step();
        }
        finally
        {
            accessor.Actor = before;
        }
    }

    private static byte[] Basis(DateOnly day)
    {
        var document = new OfficialDocument("区作风建设年活动领导小组办公室", null, "关于区政府办公室机关党支部专题学习和调研成果的说明", null,
            [new DocumentParagraph("区政府办公室机关党支部组织开展作风建设专题党课和“解放思想大讨论”，形成的调研报告被区委采用。特此说明。")],
            "区作风建设年活动领导小组办公室", day);
        using var output = new MemoryStream();
        OfficialDocumentWriter.Write(document, output);
        return output.ToArray();
    }
}
