using Microsoft.Extensions.DependencyInjection;

namespace Duban.Core.Campaigns;

public static class CampaignServices
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services) => services.AddScoped<CampaignService>();
}
