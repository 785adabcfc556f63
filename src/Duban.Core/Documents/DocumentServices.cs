using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Core.Documents;

public static class DocumentServices
{
    /// <summary>PDFs of official documents through LibreOffice, configured by the "Documents" section.</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DocumentOptions>(configuration.GetSection(DocumentOptions.Section));
        services.AddSingleton<PdfConverter>();
        return services;
    }
}
