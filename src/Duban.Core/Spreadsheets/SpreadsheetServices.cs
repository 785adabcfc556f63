using Microsoft.Extensions.DependencyInjection;

namespace Duban.Core.Spreadsheets;

public static class SpreadsheetServices
{
    /// <summary>The ledger in and out of Excel: import, export and the column names users taught it.</summary>
    public static IServiceCollection AddSpreadsheets(this IServiceCollection services)
    {
        services.AddOptions<ImportSettings>();
        services.AddScoped<LedgerImporter>();
        services.AddScoped<LedgerExporter>();
        services.AddScoped<ColumnMappings>();
        return services;
    }
}
