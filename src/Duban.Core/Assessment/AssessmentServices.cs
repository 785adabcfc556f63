using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Core.Assessment;

public static class AssessmentServices
{
    public static IServiceCollection AddAssessment(this IServiceCollection services)
    {
        services.AddOptions<AssessmentOptions>();
        services.AddScoped<AssessmentFactsQuery>().AddScoped<AssessmentQueries>().AddScoped<AssessmentService>().AddScoped<AssessmentExport>();
        return services;
    }

    /// <summary>The default scheme (DOMAIN.md's example) on a database that has none, so the first run has a scheme.</summary>
    internal static async Task SeedDefaultSchemeAsync(DubanDb db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (await db.Set<AssessmentScheme>().AnyAsync(cancellationToken))
        {
            return;
        }
        db.Add(AssessmentScheme.Create(ScoringScheme.Default, null, 1, "系统", clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
    }
}
