using Duban.Common.Workflow;
using Duban.Core.Accounts;
using Duban.Core.Supervision;
using Duban.Core.Supervision.Inspections;
using Duban.Core.Supervision.Slips;
using Duban.Modules;

namespace Duban.Supervision;

/// <summary>
/// 督查督办: inspections (明查, sealed 暗访, 专项督查, 回头看) whose findings become ledger items, verifiable random draws,
/// and numbered urge slips the units sign for and answer.
/// </summary>
internal sealed class SupervisionModule : IDubanModule
{
    public const string PageBase = "/supervision";

    public IEnumerable<Permission> Permissions => [SupervisionPermissions.Supervise];

    public void AddDomain(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSupervision();
        services.Configure<SupervisionOptions>(configuration.GetSection(SupervisionOptions.Section));
    }

    public void MapRoutes(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapInspections();
        app.MapActionForms(PageBase, InspectionWorkflow.Table.Forms, InspectionEndpoints.RunAsync);
        app.MapActionForms(PageBase + "/findings", InspectionWorkflow.Findings.Forms, InspectionEndpoints.AnswerAsync,
            async (context, findingId) => await context.RequestServices.GetRequiredService<InspectionQueries>().InspectionOfAsync(findingId) is { } id
                ? $"{PageBase}/{id}"
                : PageBase);
        api.MapSlips();
        app.MapActionForms(SlipEndpoints.PageBase, UrgeSlipWorkflow.Table.Forms, SlipEndpoints.RunAsync);
        api.MapDraws();
        app.MapDrawPageForms();
    }

    public IEnumerable<MenuEntry> Menu => [new(MenuGroup.Work, 30, "督查督办", PageBase)];

    public IEnumerable<HomeLine> Home =>
    [
        new(Roles.Supervisor, 30, "明查暗访、登记发现的问题并发布督查结果", PageBase),
        new(Roles.Supervisor, 31, "对逾期和临近期限的事项下督办单（蓝、黄、红）", SlipEndpoints.PageBase + "/new"),
        new(Roles.Leadership, 30, "查看督查情况（含未发布的暗访）", PageBase),
        new(Roles.UnitHead, 30, "签收和反馈本单位的督办单（我的待办）", SlipEndpoints.PageBase),
        new(Roles.UnitHead, 31, "查看本单位的督查结果，对明查发现说明或申辩", PageBase),
        new(Roles.Liaison, 30, "签收和反馈本单位的督办单（我的待办）", SlipEndpoints.PageBase),
        new(Roles.Liaison, 31, "查看本单位的督查结果，对明查发现说明或申辩", PageBase),
    ];

    public IEnumerable<Func<IServiceProvider, Task<WorkList>>> MyWork => [SlipsToHandleAsync, FindingsToAnswerAsync];

    private static async Task<WorkList> SlipsToHandleAsync(IServiceProvider services)
    {
        var slips = await services.GetRequiredService<SlipQueries>().AwaitingAsync();
        return new WorkList("督办单", "签收后在反馈期限内反馈整改情况；超期未反馈的督办单标红。", ["编号", "颜色", "单位", "待办", "反馈期限"],
            [.. slips.Select(s => new WorkRow([s.Number, s.ColourName, s.UnitName, (s.Acknowledged ? "反馈" : "签收") + "（" + s.StateName + "）",
                s.ReplyDueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)], $"{SlipEndpoints.PageBase}/{s.Id}",
                s.Acknowledged ? "反馈" : "签收"))]);
    }

    private static async Task<WorkList> FindingsToAnswerAsync(IServiceProvider services)
    {
        var findings = await services.GetRequiredService<InspectionQueries>().ToAnswerAsync();
        return new WorkList("待说明的督查发现", "明查发现的问题在结果发布前可以说明或申辩；发布后即交办为整改事项。", ["督查", "单位", "问题"],
            [.. findings.Select(f => new WorkRow([$"{f.Code} {f.Title}", f.UnitName, f.Problem], $"{PageBase}/{f.InspectionId}#finding-{f.Id}", "说明或申辩"))]);
    }
}
