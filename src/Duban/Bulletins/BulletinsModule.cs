using Duban.Common.Workflow;
using Duban.Core.Accounts;
using Duban.Core.Bulletins;
using Duban.Modules;

namespace Duban.Bulletins;

/// <summary>
/// 情况通报: drafted from the data, edited beside a preview of the page, approved by a leader who did not draft it,
/// published with a number as a frozen official document (docx, PDF), signed for by the units it reaches, and
/// followed up: criticised units send their 整改反馈 and the criticisms become ledger items.
/// </summary>
internal sealed class BulletinsModule : IDubanModule
{
    public IEnumerable<Permission> Permissions => [BulletinPermissions.Draft, BulletinPermissions.ReadAll];

    public void AddDomain(IServiceCollection services, IConfiguration configuration)
    {
        services.AddBulletins();
        services.Configure<BulletinOptions>(configuration.GetSection(BulletinOptions.Section));
    }

    public void MapRoutes(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapBulletins();
        app.MapActionForms(BulletinEndpoints.PageBase, BulletinWorkflow.Table.Forms, BulletinEndpoints.RunAsync);
        app.MapActionForms(BulletinEndpoints.PageBase + "/receipts", BulletinWorkflow.Recipients.Forms, BulletinEndpoints.ReceiveAsync,
            async (context, recipientId) => await context.RequestServices.GetRequiredService<BulletinQueries>().RecipientAsync(recipientId) is { } r
                ? $"{BulletinEndpoints.PageBase}/{r.BulletinId}"
                : BulletinEndpoints.PageBase);
    }

    public IEnumerable<MenuEntry> Menu => [new(MenuGroup.Work, 40, "情况通报", BulletinEndpoints.PageBase)];

    public IEnumerable<HomeLine> Home =>
    [
        new(Roles.Supervisor, 40, "按数据起草情况通报，审批后编号发布，跟踪各单位签收和整改反馈", BulletinEndpoints.PageBase + "/new"),
        new(Roles.Leadership, 40, "审批情况通报（我的待办）", BulletinEndpoints.PageBase),
        new(Roles.UnitHead, 40, "签收发给本单位的情况通报，被通报批评的按期报送整改反馈", BulletinEndpoints.PageBase),
        new(Roles.Liaison, 40, "签收发给本单位的情况通报，被通报批评的按期报送整改反馈", BulletinEndpoints.PageBase),
    ];

    public IEnumerable<Func<IServiceProvider, Task<WorkList>>> MyWork => [BulletinsToHandleAsync];

    private static async Task<WorkList> BulletinsToHandleAsync(IServiceProvider services)
    {
        var work = await services.GetRequiredService<BulletinQueries>().AwaitingAsync();
        return new WorkList("情况通报", "待审批、待发布的通报，以及发给本单位待签收、待报送整改反馈的通报。", ["文号", "标题", "待办", "期限"],
            [.. work.Select(w => new WorkRow([w.Number ?? "（未编号）", w.Title, w.What,
                w.DueOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "—"],
                $"{BulletinEndpoints.PageBase}/{w.BulletinId}", w.What.Split('（')[0]))]);
    }
}
