using Duban.Components.Shared;
using Duban.Core.Common;
using Duban.Core.Common.Workflow;
using Microsoft.AspNetCore.Antiforgery;

namespace Duban.Common.Workflow;

/// <summary>
/// Routes made from a transition table: for each action with a form, the API's <c>POST …/{id}/{slug}</c> and the
/// page form's <c>POST …/{id}/act/{slug}</c>. Both read the same fields and run the same service call; the API
/// answers with the record, the page goes back to the record with a one-time notice.
/// </summary>
internal static class WorkflowRoutes
{
    public delegate Task<object> Run<TAction>(HttpContext context, int id, TAction action, ActionInput input, CancellationToken cancellationToken)
        where TAction : struct, Enum;

    public static void MapActions<TAction>(this RouteGroupBuilder api, IEnumerable<(TAction Action, IWorkflowAction Form)> actions, Run<TAction> run)
        where TAction : struct, Enum
    {
        foreach (var (action, form) in actions.Where(a => a.Form.HasForm))
        {
            api.MapPost($"/{{id:int}}/{form.Slug}", async (int id, HttpContext context, CancellationToken ct) =>
                    Results.Ok(await run(context, id, action, await ActionInputs.ReadAsync(context.Request, ct), ct)))
                .DisableAntiforgery()
                .WithSummary($"{form.Name}" + (form.Fields.Count == 0 ? "" : "：" + string.Join("，", form.Fields.Select(Describe))));
        }
    }

    /// <param name="pageOf">
    /// The page a form goes back to, for records shown on another record's page (a finding on its inspection's);
    /// by default <c>{pageBase}/{id}</c>.
    /// </param>
    public static void MapActionForms<TAction>(this IEndpointRouteBuilder app, string pageBase, IEnumerable<(TAction Action, IWorkflowAction Form)> actions,
        Run<TAction> run, Func<HttpContext, int, Task<string>>? pageOf = null) where TAction : struct, Enum
    {
        var group = app.MapGroup(pageBase + "/{id:int}/act").RequireAuthorization().ExcludeFromDescription();
        foreach (var (action, form) in actions.Where(a => a.Form.HasForm))
        {
            group.MapPost("/" + form.Slug, async (int id, HttpContext context, CancellationToken ct) =>
            {
                var back = pageOf is null ? $"{pageBase}/{id}" : await pageOf(context, id);
                // The antiforgery middleware only records its verdict; an endpoint that reads the form itself checks it.
                if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
                {
                    return Results.LocalRedirect(context.LeaveNotice(back, NoticeKind.Error, "页面已过期，请刷新后重试。") + PageNotice.Anchor);
                }
                var input = await ActionInputs.ReadAsync(context.Request, ct);
                try
                {
                    await run(context, id, action, input, ct);
                    return Results.LocalRedirect(context.LeaveNotice(back, NoticeKind.Success, form.Done + "。") + PageNotice.Anchor);
                }
                catch (DubanException e) when (e.Kind is ErrorKind.Validation or ErrorKind.Conflict)
                {
                    // What was typed goes back with the refusal; the version is left out, so a reload shows the latest.
                    var typed = form.Fields.Where(f => f.Kind is not FieldKind.File)
                        .Select(f => (f.Name, Value: input.Text(f.Name)))
                        .Where(f => f.Value is not null)
                        .ToDictionary(f => f.Name, f => f.Value!);
                    return Results.LocalRedirect(context.LeaveNotice(back, NoticeKind.Error, e.Message, form.Slug, typed) + PageNotice.Anchor);
                }
                catch (DubanException e)
                {
                    // Not found or forbidden: the Chinese error page says which.
                    context.Items[PageErrors.MessageKey] = e.Message;
                    return Results.StatusCode(Api.ProblemExceptionHandler.StatusOf(e.Kind));
                }
            }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        }
    }

    private static string Describe(ActionField field) =>
        $"{field.Name}（{field.Label}{(field.Required ? "，必填" : "")}）";
}
