using Microsoft.Extensions.DependencyInjection;

namespace Duban.Core.Audit;

public static class AuditServices
{
    /// <summary>Reading and verifying the chain; writing it is the save path's (<see cref="AuditInterceptor"/>).</summary>
    public static IServiceCollection AddAuditLog(this IServiceCollection services) => services.AddScoped<AuditLog>();
}
