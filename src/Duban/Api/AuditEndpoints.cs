using Duban.Core.Audit;
using Duban.Core.Common;

namespace Duban.Api;

internal static class AuditEndpoints
{
    public static void MapAudit(this IEndpointRouteBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("审计日志");
        audit.MapGet("/", async (string? actor, string? action, string? entityType, DateOnly? from, DateOnly? to,
                int? page, int? pageSize, AuditLog log, CancellationToken ct) =>
            PagedResponse.From(await log.SearchAsync(new AuditQuery(actor, action, entityType, from, to),
                new PageRequest(page, pageSize), ct)))
            .WithSummary("审计事件（系统管理员、督查人员）");
        audit.MapGet("/verify", (AuditLog log, CancellationToken ct) => log.VerifyAsync(ct))
            .WithSummary("校验审计哈希链");
    }
}
