using Duban.Core.Common.Workflow;
using Duban.Core.Data;
using Duban.Core.Supervision.Inspections;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Supervision;

/// <summary>
/// The demo's supervision: a published 明查 whose findings became items of three sections, and a covert visit to
/// 综合科 with its finding recorded and sealed. Loading twice changes nothing.
/// </summary>
internal sealed class DemoSupervision(DubanDb db, InspectionService inspections, TimeProvider clock)
{
    public async Task LoadAsync(string campaignCode)
    {
        if (await db.Set<Inspection>().IgnoreQueryFilters().AnyAsync())
        {
            return;
        }
        var units = await db.Units.Where(u => u.Name == "综合科" || u.Name == "秘书科" || u.Name == "信息科" || u.Name == "调研督查室")
            .ToDictionaryAsync(u => u.Name, u => u.Id);
        var inspectors = await db.People.Where(p => p.UnitId == units["调研督查室"]).OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync();
        var today = Common.ChinaTime.Today(clock);

        var announced = await inspections.CreateAsync(new InspectionInput(campaignCode, InspectionKind.Announced, "第三季度作风建设明查",
            [units["综合科"], units["秘书科"], units["信息科"]], inspectors, today.AddDays(-20), ["工作纪律执行情况", "公文办理时限", "窗口服务态度"]));
        await StepAsync(announced.Id, InspectionAction.Start);
        await FindingAsync(announced.Id, units["综合科"], "明查发现：值班记录填写不全，个别时段无人签到。", "Serious", today.AddDays(20));
        await FindingAsync(announced.Id, units["秘书科"], "明查发现：收文登记簿与系统记录不一致，存在补登现象。", "General", today.AddDays(30));
        await FindingAsync(announced.Id, units["信息科"], "明查发现：门户网站栏目更新滞后，部分信息超过三个月未更新。", "General", today.AddDays(10));
        await StepAsync(announced.Id, InspectionAction.CompleteFindings);
        await StepAsync(announced.Id, InspectionAction.Publish);

        var covert = await inspections.CreateAsync(new InspectionInput(campaignCode, InspectionKind.Covert, "窗口服务暗访",
            [units["综合科"]], inspectors.Take(1).ToList(), today.AddDays(-3), ["上班纪律", "服务态度"]));
        await StepAsync(covert.Id, InspectionAction.Start);
        await FindingAsync(covert.Id, units["综合科"], "暗访发现：上午九时窗口无人值守，来访群众等候二十分钟。", "Serious", today.AddDays(15));
        await StepAsync(covert.Id, InspectionAction.CompleteFindings);
    }

    private Task<Inspection> StepAsync(int id, InspectionAction action) => inspections.ActAsync(id, action, ActionInput.None);

    private Task<Inspection> FindingAsync(int id, int unitId, string problem, string severity, DateOnly dueOn) =>
        inspections.ActAsync(id, InspectionAction.AddFinding, new ActionInput(new Dictionary<string, string?>
        {
            [InspectionWorkflow.Field.UnitId] = unitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [InspectionWorkflow.Field.Problem] = problem,
            [InspectionWorkflow.Field.Severity] = severity,
            [InspectionWorkflow.Field.DueOn] = dueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }));
}
