using Duban.Components.Shared;
using Duban.Core.Common;
using Duban.Core.Ledger;
using Microsoft.AspNetCore.Mvc;

namespace Duban.Components.Pages.Ledger;

/// <summary>The fields an action form on the detail page may post.</summary>
public sealed class ActionForm
{
    public int? Version { get; set; }
    public string? Text { get; set; }
    public string? Reason { get; set; }
    public string? Note { get; set; }
    public string? NoEvidenceReason { get; set; }
    public DateOnly? DueOn { get; set; }
    public string? Decision { get; set; }
    public int? UnitId { get; set; }
}

/// <summary>
/// The detail page's action forms post here (with the antiforgery token) and return to the page, which shows the
/// outcome; the work is the same service call the API makes.
/// </summary>
internal static class LedgerActionEndpoints
{
    public static void MapLedgerPageActions(this IEndpointRouteBuilder app)
    {
        var ledger = app.MapGroup("/ledger/{id:int}").RequireAuthorization().ExcludeFromDescription();
        ledger.MapPost("/act/{action}", async (int id, string action, [FromForm] ActionForm form, LedgerService service,
                HttpContext context) =>
            await OutcomeAsync(context, id, DoneName(action), () => action switch
            {
                "assign" => service.AssignAsync(id, form.Version),
                "start" => service.StartAsync(id, form.Version),
                "progress" => service.ReportProgressAsync(id, form.Text, form.Version),
                "submit" => service.SubmitAsync(id, form.Note, form.Version),
                "return" => service.ReturnAsync(id, form.Reason, form.Version),
                "close" => service.CloseAsync(id, form.NoEvidenceReason, form.Note, form.Version),
                "reopen" => service.ReopenAsync(id, form.Reason, form.Version),
                "extension" => service.RequestExtensionAsync(id, form.DueOn, form.Reason, form.Version),
                "decide" => service.DecideExtensionAsync(id, form.Decision == "approve", form.Reason, form.Version),
                "reassign" => service.ReassignAsync(id, form.UnitId ?? 0, form.Reason, form.Version),
                "urge" => service.UrgeAsync(id, form.Text, form.Version),
                _ => throw new DubanException(ErrorKind.NotFound, "没有这个操作。"),
            }));
        ledger.MapPost("/evidence", async (int id, IFormFile? file, LedgerService service, HttpContext context,
                CancellationToken ct) =>
            await OutcomeAsync(context, id, "上传佐证材料", async () =>
            {
                if (file is null)
                {
                    throw new DubanException(ErrorKind.Validation, "请选择要上传的文件。");
                }
                await using var content = file.OpenReadStream();
                return await service.AddEvidenceAsync(id, content, file.FileName, ct);
            }));
    }

    private static async Task<IResult> OutcomeAsync(HttpContext context, int id, string done, Func<Task<RectificationItem>> act)
    {
        try
        {
            await act();
            return Results.LocalRedirect(context.LeaveNotice($"/ledger/{id}", NoticeKind.Success, $"已完成：{done}"));
        }
        catch (DubanException e) when (e.Kind is ErrorKind.Validation or ErrorKind.Conflict)
        {
            return Results.LocalRedirect(context.LeaveNotice($"/ledger/{id}", NoticeKind.Error, e.Message));
        }
        catch (DubanException e)
        {
            // Not found or forbidden: the Chinese error page says which.
            context.Items[Shared.PageErrors.MessageKey] = e.Message;
            return Results.StatusCode(Api.ProblemExceptionHandler.StatusOf(e.Kind));
        }
    }

    private static string DoneName(string action) => action switch
    {
        "progress" => ItemActions.Name(ItemAction.ReportProgress),
        "extension" => ItemActions.Name(ItemAction.RequestExtension),
        "decide" => ItemActions.Name(ItemAction.DecideExtension),
        _ => Enum.TryParse<ItemAction>(action, ignoreCase: true, out var known) && Enum.IsDefined(known) ? ItemActions.Name(known) : "操作",
    };
}
