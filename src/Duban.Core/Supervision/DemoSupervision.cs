using Duban.Core.Common;
using Duban.Core.Common.Workflow;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Duban.Core.Supervision.Draws;
using Duban.Core.Supervision.Inspections;
using Duban.Core.Supervision.Slips;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Core.Supervision;

/// <summary>
/// The demo's supervision: a published 明查 whose findings became items of three sections, a sealed covert visit to
/// 综合科, a 回头看 draw of closed items with one failed check (its item reopened), and urge slips of each colour, one
/// issued ten days ago and unanswered past its deadline. Loading twice changes nothing.
/// </summary>
internal sealed class DemoSupervision(DubanDb db, IServiceProvider services, TimeProvider clock)
{
    private readonly InspectionService _inspections = services.GetRequiredService<InspectionService>();

    public async Task LoadAsync(string campaignCode)
    {
        if (await db.Set<Inspection>().IgnoreQueryFilters().AnyAsync())
        {
            return;
        }
        var units = await db.Units.Where(u => u.Name == "综合科" || u.Name == "秘书科" || u.Name == "信息科" || u.Name == "调研督查室")
            .ToDictionaryAsync(u => u.Name, u => u.Id);
        var inspectors = await db.People.Where(p => p.UnitId == units["调研督查室"]).OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync();
        var today = ChinaTime.Today(clock);
        await InspectionsAsync(campaignCode, units, inspectors, today);
        await RevisitAsync(campaignCode, units["调研督查室"], inspectors, today);
        await SlipsAsync(units, today);
    }

    private async Task InspectionsAsync(string campaignCode, Dictionary<string, int> units, List<int> inspectors, DateOnly today)
    {
        var announced = await _inspections.CreateAsync(new InspectionInput(campaignCode, InspectionKind.Announced, "第三季度作风建设明查",
            [units["综合科"], units["秘书科"], units["信息科"]], inspectors, today.AddDays(-20), ["工作纪律执行情况", "公文办理时限", "窗口服务态度"]));
        await StepAsync(announced.Id, InspectionAction.Start);
        await FindingAsync(announced.Id, units["综合科"], "明查发现：值班记录填写不全，个别时段无人签到。", "Serious", today.AddDays(20));
        await FindingAsync(announced.Id, units["秘书科"], "明查发现：收文登记簿与系统记录不一致，存在补登现象。", "General", today.AddDays(30));
        await FindingAsync(announced.Id, units["信息科"], "明查发现：门户网站栏目更新滞后，部分信息超过三个月未更新。", "General", today.AddDays(10));
        await StepAsync(announced.Id, InspectionAction.CompleteFindings);
        await StepAsync(announced.Id, InspectionAction.Publish);

        var covert = await _inspections.CreateAsync(new InspectionInput(campaignCode, InspectionKind.Covert, "窗口服务暗访",
            [units["综合科"]], [.. inspectors.Take(1)], today.AddDays(-3), ["上班纪律", "服务态度"]));
        await StepAsync(covert.Id, InspectionAction.Start);
        await FindingAsync(covert.Id, units["综合科"], "暗访发现：上午九时窗口无人值守，来访群众等候二十分钟。", "Serious", today.AddDays(15));
        await StepAsync(covert.Id, InspectionAction.CompleteFindings);
    }

    /// <summary>Three closed items drawn (the inspectors' own unit's items excluded, 回避), one check passed and one failed.</summary>
    private async Task RevisitAsync(string campaignCode, int inspectorsUnit, List<int> inspectors, DateOnly today)
    {
        var draws = services.GetRequiredService<DrawService>();
        var own = await db.Items.Where(i => i.State == ItemState.Closed && i.UnitId == inspectorsUnit).Select(i => i.Code).ToListAsync();
        var draw = (await draws.DrawAsync(new DrawInput(campaignCode, "closedItems", 3, "2026年11月演示抽签", own))).Draw;
        var keys = draw.SelectedKeys;
        await draws.CheckAsync(draw.Id, new CheckInput(keys[0], true, null));
        await draws.CheckAsync(draw.Id, new CheckInput(keys[1], false, "回访发现整改措施未坚持，问题出现反弹。"));
        await _inspections.PlanRevisitAsync(draw.Id, null, inspectors, today);
    }

    /// <summary>
    /// A 蓝 slip to 信息科 issued ten days ago and unanswered past its deadline, a 黄 one to 秘书科 and a 红 one (a
    /// second slip on 秘书科's item). 综合科's overdue items are left for a first slip to be tried on.
    /// </summary>
    private async Task SlipsAsync(Dictionary<string, int> units, DateOnly today)
    {
        var open = db.Items.Where(i => (i.State == ItemState.Assigned || i.State == ItemState.InProgress) && i.DeadlineKind == DeadlineKind.Date);
        var tenDaysAgo = new ShiftedClock(clock, TimeSpan.FromDays(-10));
        var earlier = ActivatorUtilities.CreateInstance<SlipService>(services, tenDaysAgo,
            ActivatorUtilities.CreateInstance<SlipQueries>(services, tenDaysAgo));
        // Due a few days before today, so ten days ago it was due within the yellow window: a 蓝 slip.
        if (await open.Where(i => i.UnitId == units["信息科"] && i.DueOn <= today.AddDays(-3)).OrderByDescending(i => i.DueOn)
                .Select(i => (int?)i.Id).FirstOrDefaultAsync() is { } late)
        {
            await earlier.IssueAsync(new SlipInput([late], "请于三日内反馈整改进展，说明逾期原因。", today.AddDays(-7)));
        }
        var slips = services.GetRequiredService<SlipService>();
        var overdue = await open.Where(i => i.UnitId == units["秘书科"] && i.DueOn < today).OrderBy(i => i.DueOn).Select(i => i.Id).Take(2).ToListAsync();
        if (overdue.Count > 0)
        {
            await slips.IssueAsync(new SlipInput(overdue, "该事项已逾期，请立即组织整改并于五个工作日内书面反馈。", today.AddDays(7)));
            await slips.IssueAsync(new SlipInput([overdue[0]], "再次督办：逾期事项仍未整改到位，请主要负责人亲自督促。", today.AddDays(3)));
        }
    }

    private Task<Inspection> StepAsync(int id, InspectionAction action) => _inspections.ActAsync(id, action, ActionInput.None);

    private Task<Inspection> FindingAsync(int id, int unitId, string problem, string severity, DateOnly dueOn) =>
        _inspections.ActAsync(id, InspectionAction.AddFinding, new ActionInput(new Dictionary<string, string?>
        {
            [InspectionWorkflow.Field.UnitId] = unitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [InspectionWorkflow.Field.Problem] = problem,
            [InspectionWorkflow.Field.Severity] = severity,
            [InspectionWorkflow.Field.DueOn] = dueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }));

    /// <summary>The demo's clock moved by a fixed span, for a record made "ten days ago".</summary>
    private sealed class ShiftedClock(TimeProvider clock, TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow() + shift;
    }
}
