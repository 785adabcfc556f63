using Duban.Core.Accounts;
using Duban.Core.Spreadsheets;
using Duban.Modules;

namespace Duban.Spreadsheets;

/// <summary>台账 in and out of Excel: the import pages and their background jobs, and the ledger page's export.</summary>
internal sealed class SpreadsheetsModule : IDubanModule
{
    public IEnumerable<Permission> Permissions => [SpreadsheetPermissions.Import];

    public void AddDomain(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSpreadsheets();
        services.Configure<ImportSettings>(configuration.GetSection(ImportSettings.Section));
    }

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ImportJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<ImportJobs>());
    }

    public void MapRoutes(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        app.MapImportPages();
        app.MapLedgerExport();
    }
}
