using Duban.Core.Accounts;
using Duban.Core.Supervision;
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

    public void AddDomain(IServiceCollection services, IConfiguration configuration) => services.AddSupervision();

    public void MapRoutes(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapDraws();
        app.MapDrawPageForms();
    }

    public IEnumerable<MenuEntry> Menu => [new(MenuGroup.Work, 30, "督查督办", PageBase)];

    public IEnumerable<HomeLine> Home => [];
}
