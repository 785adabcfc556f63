using Duban.Core.Catalog;
using Duban.Core.Common;
using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Ledger;

/// <summary>About 60 demo items across the demo units, in every state and every light, relative to today.</summary>
internal sealed class DemoLedger(DubanDb db, TimeProvider clock)
{
    private static readonly (string Problem, string Goal, string[] Measures, string[] Categories)[] Problems =
    [
        ("公文办理超时限，个别文件流转环节滞留超过规定时限。", "公文办理全部按时限办结。", ["建立公文流转时限提醒", "每周通报超时文件", "纳入科室考核"], ["BZBX-02", "SBZ-03"]),
        ("来电来访答复不及时，群众反映多次催问无回复。", "群众诉求24小时内响应。", ["设立首问责任台账", "每日交接未办结事项"], ["BZBX-03", "SBZ-08"]),
        ("学习计划缺乏针对性，集中学习流于形式。", "每人制定个人学习计划并按月检查。", ["制定个人学习计划", "每月检查学习笔记", "开展业务测试"], ["WD-02", "BZBX-05"]),
        ("会议材料准备粗糙，数据前后不一致。", "材料数据准确、口径统一。", ["建立数据复核制度", "实行材料双人校对"], ["BZBX-07", "SBZ-05"]),
        ("督办事项跟踪不到位，部分事项反馈后无人核实。", "督办事项闭环管理。", ["建立督办台账", "反馈事项逐项核实销号"], ["QL-07", "BZBX-06"]),
        ("值班值守纪律松弛，存在脱岗现象。", "值班在岗率100%。", ["落实领导带班制度", "不定期电话抽查"], ["BZBX-04", "SBZ-01"]),
        ("服务企业办事环节多、材料多，企业多次跑腿。", "一次性告知、一次办结。", ["梳理办事清单", "推行一次性告知", "开通网上预审"], ["QL-05", "SBZ-08"]),
        ("工作推进中遇到难题绕着走，主动性不强。", "重点工作按节点推进。", ["明确责任人和时间节点", "每周调度一次"], ["WD-01", "BZBX-01"]),
        ("信息报送迟报漏报，时效性差。", "信息按时报送率100%。", ["建立报送时限表", "指定专人负责"], ["SBZ-03", "QL-04"]),
        ("对自身问题查找不深，自查报告避重就轻。", "自查问题具体、整改措施可检验。", ["组织交叉检查", "问题清单逐条对照"], ["BZBX-08", "QL-06"]),
        ("公务接待标准执行不严。", "严格执行接待标准。", ["公开接待清单", "每月财务审核"], ["LZ-03", "SBZ-09"]),
        ("团队协作不够，科室之间推诿扯皮。", "建立协作机制，杜绝推诿。", ["明确牵头科室", "召开协调例会"], ["WD-05", "QL-03"]),
    ];

    public async Task LoadAsync(int campaignId, int year)
    {
        if (await db.Items.IgnoreQueryFilters().AnyAsync(i => i.CampaignId == campaignId))
        {
            return;
        }
        var units = await db.Units.Where(u => u.Kind == Organization.UnitKind.Section || u.Kind == Organization.UnitKind.Subordinate)
            .OrderBy(u => u.SortOrder).ToListAsync();
        var people = await db.People.ToListAsync();
        var catalog = await db.CatalogEntries.ToDictionaryAsync(e => e.Code, e => e.Id);
        var supervisor = await UserAsync("demo-supervisor");
        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        int[] dueOffsets = [-12, -4, 2, 5, 18, 40];
        for (var n = 0; n < 60; n++)
        {
            var unit = units[n % units.Count];
            var staff = people.Where(p => p.UnitId == unit.Id).ToList();
            var liaison = staff.FirstOrDefault(p => p.Id == unit.LiaisonPersonId) ?? staff[0];
            var head = staff.FirstOrDefault(p => p.Id == unit.HeadPersonId) ?? staff[0];
            var (problem, goal, measures, categories) = Problems[n % Problems.Length];
            var kind = (n % 10) switch { 3 => DeadlineKind.Immediate, 7 => DeadlineKind.Ongoing, _ => DeadlineKind.Date };
            var foundOn = WorkCalendar.AddDays(today, -(kind == DeadlineKind.Immediate ? (n % 3 == 0 ? 10 : 2) : 30 + n % 20));
            var details = new ItemDetails([.. categories.Where(catalog.ContainsKey).Select(c => catalog[c])],
                (ItemSource)(n % 8), problem, goal, measures, head.Id, staff[^1].Id, foundOn, kind,
                kind == DeadlineKind.Date ? WorkCalendar.AddDays(today, dueOffsets[n % dueOffsets.Length]) : null,
                kind == DeadlineKind.Ongoing ? ReportingPeriod.Monthly : null);
            var item = RectificationItem.Register(campaignId, year, n + 1, unit.Id, unit.Path, details, System, now);
            Advance(item, (ItemState)(n % 5), new ItemActor(null, liaison.Name), supervisor, now);
            db.Items.Add(item);
        }
        await db.SaveChangesAsync();
    }

    private static ItemActor System => new(null, Accounts.ActorNames.DemoActor);

    private static void Advance(RectificationItem item, ItemState target, ItemActor liaison, ItemActor supervisor, DateTime now)
    {
        if (target >= ItemState.Assigned)
        {
            item.Assign(supervisor, now);
        }
        if (target >= ItemState.InProgress)
        {
            item.Start(liaison, now);
            item.ReportProgress("已召开专题会议研究整改，措施正在逐项落实。", liaison, now);
            if (item.Number % 4 == 0)
            {
                item.Urge("请加快整改进度，按期报送整改情况。", supervisor, now);
            }
        }
        if (target >= ItemState.Submitted)
        {
            item.Submit("整改措施已落实，请审核。", liaison, now);
        }
        if (target >= ItemState.Closed)
        {
            item.Close("经现场核查，整改已到位（演示数据未附材料）。", "同意销号。", supervisor, now);
        }
    }

    private async Task<ItemActor> UserAsync(string userName)
    {
        var user = await db.Users.Where(u => u.UserName == userName).Select(u => new { u.Id, u.UserName }).FirstOrDefaultAsync();
        return new ItemActor(user?.Id, user?.UserName ?? userName);
    }
}
