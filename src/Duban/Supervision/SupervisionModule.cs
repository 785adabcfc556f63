using Duban.Common.Workflow;
using Duban.Core.Accounts;
using Duban.Core.Supervision;
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
        api.MapSlips();
        app.MapActionForms(SlipEndpoints.PageBase, UrgeSlipWorkflow.Table.Forms, SlipEndpoints.RunAsync);
    }

    public IEnumerable<MenuEntry> Menu => [new(MenuGroup.Work, 30, "督查督办", PageBase)];

    public IEnumerable<HomeLine> Home =>
    [
        new(Roles.Supervisor, 30, "对逾期和临近期限的事项下督办单（蓝、黄、红）", SlipEndpoints.PageBase + "/new"),
        new(Roles.UnitHead, 30, "签收和反馈本单位的督办单（我的待办）", SlipEndpoints.PageBase),
        new(Roles.Liaison, 30, "签收和反馈本单位的督办单（我的待办）", SlipEndpoints.PageBase),
    ];

    public IEnumerable<Type> MyWork => [typeof(Components.Pages.Supervision.SlipMyWork)];
}
