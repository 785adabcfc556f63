using Duban.Core.Accounts;
using Duban.Core.Ledger;
using Duban.Modules;

namespace Duban.Ledger;

/// <summary>The rectification ledger (问题整改台账): items, their workflow, lights and 我的待办.</summary>
internal sealed class LedgerModule : IDubanModule
{
    public void AddDomain(IServiceCollection services, IConfiguration configuration)
    {
        services.AddLedger();
        services.Configure<LedgerOptions>(configuration.GetSection(LedgerOptions.Section));
    }

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddHostedService<LightTallyService>();

    public void MapRoutes(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapLedger();
        app.MapLedgerPageActions();
    }

    public IEnumerable<MenuEntry> Menu =>
    [
        new(MenuGroup.Work, 10, "整改台账", "/ledger", ExactMatch: true),
        new(MenuGroup.Work, 20, "我的待办", "/ledger/mine"),
    ];

    public IEnumerable<HomeLine> Home =>
    [
        new(Roles.Leadership, 10, "查看全部整改台账和亮灯情况", "/ledger"),
        new(Roles.Supervisor, 10, "审核销号、审批延期（我的待办）", "/ledger/mine"),
        new(Roles.Supervisor, 20, "交办、催办、转办整改事项", "/ledger"),
        new(Roles.UnitHead, 10, "交办和审核本单位整改事项（我的待办）", "/ledger/mine"),
        new(Roles.UnitHead, 20, "查看本单位及下级单位台账", "/ledger"),
        new(Roles.Liaison, 10, "填报整改进展、上传佐证材料、提交审核（我的待办）", "/ledger/mine"),
        new(Roles.Liaison, 20, "登记本单位整改事项", "/ledger/new"),
        new(Roles.Member, 10, "本人负责的整改事项", "/ledger/mine"),
    ];
}
