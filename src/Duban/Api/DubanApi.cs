namespace Duban.Api;

internal static class DubanApi
{
    /// <summary>Every API route lives under /api/v1, needs a signed-in user or a token, and refuses undefined enum values.</summary>
    public static void MapDubanApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization().RequireDefinedEnums();
        api.MapMe();
        api.MapOrganization();
        api.MapCatalog();
        api.MapAudit();
        api.MapLedger();
    }
}
