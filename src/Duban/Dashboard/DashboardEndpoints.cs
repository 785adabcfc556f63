using Duban.Core.Dashboard;

namespace Duban.Dashboard;

/// <summary>The dashboard's figures as the API gives them; <c>href</c> is the page a figure links to, <c>api</c> the same list here.</summary>
public sealed record DashboardResponse(DashboardKind Kind, CampaignChoice? Campaign, IReadOnlyList<CampaignChoice> Campaigns, DateOnly Today,
    IReadOnlyList<DashboardNumber> Numbers, IReadOnlyList<LatestLink> Latest, RankingCard? Ranking)
{
    public static DashboardResponse From(Core.Dashboard.Dashboard d) => new(d.Kind, d.Campaign, d.Campaigns, d.Today, [.. d.Numbers], d.Latest, d.Ranking);
}

internal static class DashboardEndpoints
{
    public static void MapDashboard(this RouteGroupBuilder api) =>
        api.MapGet("/dashboard", async (int? campaign, DashboardQuery query, CancellationToken ct) =>
                DashboardResponse.From(await query.ComputeAsync(campaign, ct)))
            .WithTags("首页看板")
            .WithSummary("首页看板的全部数字（与首页相同）：numbers 每项含 key、label、value 和 href（点击后打开的列表页，其总数等于 value）、"
                         + "api（同一列表的接口，total 等于 value）；campaign 选择活动（默认当前活动）；领导小组和督查室看全局，单位负责人看本单位及下级，联络员和干部职工看本人待办和本单位亮灯；ranking 为最近发布的考核结果排名（每个得分链接到该单位的计分明细，明细合计等于得分）");
}
