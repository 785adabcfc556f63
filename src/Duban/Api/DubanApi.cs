namespace Duban.Api;

internal static class DubanApi
{
    /// <summary>Every API route lives under /api/v1 and needs a signed-in user or a token.</summary>
    public static void MapDubanApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        api.MapMe();
        api.MapOrganization();
        api.MapCatalog();
        api.MapAudit();
        api.MapLedger();
    }
}
