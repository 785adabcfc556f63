using Duban.Common.Workflow;
using Duban.Core.Accounts;
using Duban.Core.Campaigns;
using Duban.Modules;

namespace Duban.Campaigns;

/// <summary>Campaign years: opening next year's, changing and closing them; every item belongs to one.</summary>
internal sealed class CampaignsModule : IDubanModule
{
    public const string PageBase = "/campaigns";

    public IEnumerable<Permission> Permissions => [CampaignPermissions.Manage];

    public void AddDomain(IServiceCollection services, IConfiguration configuration) => services.AddCampaigns();

    public void MapRoutes(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapCampaigns();
        app.MapActionForms(PageBase, CampaignWorkflow.Table.Forms, CampaignEndpoints.RunAsync);
    }

    public IEnumerable<MenuEntry> Menu => [new(MenuGroup.Reference, 5, "活动", PageBase)];

    public IEnumerable<HomeLine> Home => [new(Roles.Supervisor, 50, "开启新一年的活动、结束往年的活动", PageBase)];
}
