using Duban.Core.Common;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Signals;

/// <summary>
/// Items of the demo whose histories show the ailments (the flags are computed when first looked at): one measure
/// copied word for word between 综合科 and 秘书科 (虚假空), two extension requests (打白条), an item passed on twice
/// (推拖绕), measures of set phrases only (守摊子), an item silent for six weeks (慵懒散) and one waiting for
/// verification for two weeks (中梗阻, the verifier's). Loading twice changes nothing.
/// </summary>
internal sealed class DemoSignals(DubanDb db, TimeProvider clock)
{
    public const string CopiedMeasure = "由科长牵头，每周五下午逐页核对本周值班记录，漏记错记的当场纠正，并在下周一科务会上通报核对结果。";

    private const string Marker = "（病相演示）";

    public async Task LoadAsync(int campaignId, int year)
    {
        if (await db.Items.IgnoreQueryFilters().AnyAsync(i => i.CampaignId == campaignId && i.Problem.EndsWith(Marker)))
        {
            return;
        }
        var units = await db.Units.ToDictionaryAsync(u => u.Name);
        var number = await db.Items.IgnoreQueryFilters().Where(i => i.CampaignId == campaignId).MaxAsync(i => (int?)i.Number) ?? 0;
        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var by = new ItemActor(null, Accounts.ActorNames.DemoActor);
        DateTime DaysAgo(int days) => now.AddDays(-days);

        RectificationItem Add(string unitName, string problem, string[] measures, int daysAgo, DeadlineKind kind = DeadlineKind.Date, int dueInDays = 20)
        {
            var unit = units[unitName];
            var details = new ItemDetails([], ItemSource.SelfInspection, problem + Marker, null, measures, null, null, today.AddDays(-daysAgo), kind,
                kind == DeadlineKind.Date ? today.AddDays(dueInDays) : null, kind == DeadlineKind.Ongoing ? ReportingPeriod.Monthly : null);
            var item = RectificationItem.Register(campaignId, year, ++number, unit.Id, unit.Path, details, by, DaysAgo(daysAgo));
            item.Assign(by, DaysAgo(daysAgo));
            item.Start(by, DaysAgo(daysAgo));
            db.Items.Add(item);
            return item;
        }

        foreach (var unitName in new[] { "综合科", "秘书科" })
        {
            var copied = Add(unitName, "值班记录填写不规范，交接班情况记录不全。", [CopiedMeasure, "修订值班登记表，增加交接事项一栏"], 12);
            copied.ReportProgress("已修订值班登记表并组织全科学习填写要求。", by, DaysAgo(5));
        }

        var promised = Add("政务公开科", "政府信息公开目录更新滞后。", ["12 月 10 日前完成目录全面梳理", "指定专人每周更新"], 40, dueInDays: -10);
        promised.RequestExtension(today.AddDays(5), "涉及部门较多，材料尚未收齐。", by, DaysAgo(30));
        promised.DecideExtension(true, "同意延期一次。", by, DaysAgo(29));
        promised.RequestExtension(today.AddDays(25), "仍有两个部门未报送目录。", by, DaysAgo(3));

        var passed = Add("综合科", "办公用品领用登记混乱，账实不符。", ["全面盘点库存", "建立领用审批单"], 25);
        passed.Reassign(new Handover(units["机关事务服务中心"].Id, units["机关事务服务中心"].Path, null, false), "办公用品由中心统一管理。", new ItemNames([], []), by, DaysAgo(20));
        passed.Reassign(new Handover(units["秘书科"].Id, units["秘书科"].Path, null, false), "领用登记属秘书科职责。", new ItemNames([], []), by, DaysAgo(10));

        Add("机关事务服务中心", "公务用车使用登记不及时。", ["高度重视，加强学习", "提高思想认识，严格落实"], 15);

        var silent = Add("秘书科", "文件归档不及时，部分文件散存在个人手中。", ["本月底前完成 2025 年文件集中归档", "每季度检查一次"], 50, dueInDays: 30);
        silent.ReportProgress("已完成上半年文件清点。", by, DaysAgo(42));

        var waiting = Add("信息科", "网站栏目长期未更新。", ["清理停更栏目 6 个", "建立栏目责任人制度"], 30);
        waiting.Submit("栏目已清理完毕，请审核。", by, DaysAgo(14));

        await db.SaveChangesAsync();
    }
}
