using Duban.Api;
using Duban.Core.Audit;
using Duban.Core.Common;

namespace Duban.Audit;

public sealed record AuditEventResponse(long Sequence, DateTime At, int? ActorUserId, string ActorName, string Action,
    string EntityType, string? EntityId, string? Before, string? After, string Hash)
{
    public static AuditEventResponse From(AuditEvent e) =>
        new(e.Sequence, e.At, e.ActorUserId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Before, e.After, e.Hash);
}

internal static class AuditEndpoints
{
    public static void MapAudit(this IEndpointRouteBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("审计日志");
        audit.MapGet("/", async (string? actor, string? action, string? entityType, DateOnly? from, DateOnly? to,
                int? page, int? pageSize, AuditLog log, CancellationToken ct) =>
            {
                var events = await log.SearchAsync(new AuditQuery(actor, action, entityType, from, to),
                    new PageRequest(page, pageSize), ct);
                return new PagedResponse<AuditEventResponse>([.. events.Items.Select(AuditEventResponse.From)],
                    events.Total, events.PageNumber, events.PageSize);
            })
            .WithSummary("审计事件（系统管理员、督查人员）");
        audit.MapGet("/verify", (AuditLog log, CancellationToken ct) => log.VerifyAsync(ct))
            .WithSummary("校验审计哈希链");
    }
}
