using System.Globalization;
using Duban.Components.Shared;
using Duban.Core.Accounts;
using Duban.Core.Common;
using Duban.Core.Documents;
using Duban.Core.Spreadsheets;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Duban.Spreadsheets;

/// <summary>
/// The import page's forms post here (with the antiforgery token): upload, map columns, confirm; the job page polls
/// the status and offers the rejected rows. The work itself is <see cref="LedgerImporter"/>, as for the CLI.
/// </summary>
internal static class ImportEndpoints
{
    public const string Path = "/ledger/import";

    public const string UploadPath = Path + "/upload";

    // Room for the form's other fields and the multipart boundaries around the file.
    private const long FormOverhead = 64 * 1024;

    /// <summary>
    /// Refuses an upload over the limit before anything reads its body (the antiforgery check reads the form), and
    /// caps the body for uploads that do not announce their length.
    /// </summary>
    public static IApplicationBuilder UseImportUploadLimit(this IApplicationBuilder app) =>
        app.UseWhen(c => HttpMethods.IsPost(c.Request.Method) && c.Request.Path.Equals(UploadPath, StringComparison.OrdinalIgnoreCase), upload =>
            upload.Use(async (context, next) =>
            {
                var limit = context.RequestServices.GetRequiredService<IOptions<ImportSettings>>().Value.MaxUploadBytes;
                if (context.Request.ContentLength > limit + FormOverhead)
                {
                    context.Response.Redirect(WithError(context, ImportJobs.TooLarge(limit).Message));
                    return;
                }
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                {
                    size.MaxRequestBodySize = limit + FormOverhead;
                }
                await next(context);
            }));

    public static void MapImportPages(this IEndpointRouteBuilder app)
    {
        var import = app.MapGroup(Path).RequireAuthorization(SpreadsheetPermissions.ImportCode).ExcludeFromDescription()
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        import.MapPost("/upload", async (HttpContext context, ImportJobs jobs, IOptions<ImportSettings> settings, CancellationToken ct) =>
        {
            try
            {
                if (await FormAsync(context) is not { } form)
                {
                    return ForgedPost;
                }
                var file = form.Files.GetFile("file") ?? throw SpreadsheetErrors.NoFile();
                var campaign = form["campaign"].ToString();
                if (string.IsNullOrWhiteSpace(campaign))
                {
                    throw SpreadsheetErrors.NoCampaign();
                }
                var extension = System.IO.Path.GetExtension(file.FileName).ToLowerInvariant();
                if (extension is not (".xlsx" or ".xls" or ".csv"))
                {
                    throw SpreadsheetErrors.FileTypeNotAccepted(extension);
                }
                var sheet = form["sheet"].ToString();
                await using var content = file.OpenReadStream();
                var job = await jobs.StartAsync(UserId(context), content, file.FileName, campaign, string.IsNullOrWhiteSpace(sheet) ? null : sheet.Trim(),
                    settings.Value.MaxUploadBytes, ct);
                return Results.LocalRedirect($"{Path}/{job.Id:N}");
            }
            catch (DubanException e)
            {
                return Results.LocalRedirect(WithError(context, e.Message));
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return Results.LocalRedirect(WithError(context, ImportJobs.TooLarge(settings.Value.MaxUploadBytes).Message));
            }
        });
        import.MapGet("/{id:guid}/status", (Guid id, HttpContext context, ImportJobs jobs) =>
            jobs.Find(id, UserId(context)) is { } job
                ? Results.Json(new
                {
                    state = job.State.ToString(),
                    phase = job.Progress?.Phase.ToString(),
                    done = job.Progress?.Done ?? 0,
                    total = job.Progress?.Total,
                    text = ImportTexts.Describe(job),
                })
                : Results.NotFound());
        import.MapPost("/{id:guid}/confirm", async (Guid id, HttpContext context, ImportJobs jobs) =>
        {
            if (await FormAsync(context) is not { } form)
            {
                return ForgedPost;
            }
            var skipInvalid = form["skipInvalid"] == "true";
            var updateExisting = form["updateExisting"] == "true";
            return await ActAsync(context, jobs, id, job =>
            {
                jobs.Confirm(job, skipInvalid, updateExisting);
                return Task.CompletedTask;
            });
        });
        import.MapPost("/{id:guid}/mapping", async (Guid id, HttpContext context, ImportJobs jobs, ColumnMappings mappings) =>
        {
            if (await FormAsync(context) is not { } form)
            {
                return ForgedPost;
            }
            return await ActAsync(context, jobs, id, async job =>
            {
                var choices = new Dictionary<string, LedgerColumn?>();
                for (var i = 0; form.ContainsKey($"header{i}"); i++)
                {
                    var choice = form[$"column{i}"].ToString();
                    if (choice.Length > 0)
                    {
                        choices[form[$"header{i}"].ToString()] = choice == "ignore" ? null
                            : Enum.TryParse<LedgerColumn>(choice, out var column) && Enum.IsDefined(column) ? column
                            : throw SpreadsheetErrors.ColumnToMapMissing();
                    }
                }
                if (choices.Count == 0)
                {
                    throw SpreadsheetErrors.NoColumnMapped();
                }
                ImportJobs.EnsureCheckable(job);
                await mappings.RememberAsync(choices);
                jobs.Recheck(job);
            });
        });
        import.MapGet("/{id:guid}/rejected", (Guid id, HttpContext context, ImportJobs jobs) =>
            jobs.Find(id, UserId(context)) is { } job && File.Exists(job.RejectedPath)
                ? Results.File(job.RejectedPath, ContentTypes.Xlsx,
                    System.IO.Path.GetFileNameWithoutExtension(job.FileName) + ".错误行.xlsx")
                : Results.NotFound());
    }

    private static async Task<IResult> ActAsync(HttpContext context, ImportJobs jobs, Guid id, Func<ImportJob, Task> act)
    {
        if (jobs.Find(id, UserId(context)) is not { } job)
        {
            return Results.NotFound();
        }
        try
        {
            await act(job);
            return Results.LocalRedirect($"{Path}/{id:N}");
        }
        catch (DubanException e)
        {
            return Results.LocalRedirect(context.LeaveNotice($"{Path}/{id:N}", NoticeKind.Error, e.Message));
        }
    }

    /// <summary>The posted form, or null unless the antiforgery check ran and passed (a forged or stale post).</summary>
    private static async Task<IFormCollection?> FormAsync(HttpContext context) =>
        context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true }
            ? null
            : await context.Request.ReadFormAsync(context.RequestAborted);

    // Answered with a body of its own: re-executing an error page for a refused post would read the form again.
    private static readonly IResult ForgedPost =
        Results.Text("表单已过期或来源不明：请返回上一页，刷新后重试。", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);

    private static string WithError(HttpContext context, string message) => context.LeaveNotice(Path, NoticeKind.Error, message);

    private static int UserId(HttpContext context) =>
        context.RequestServices.GetRequiredService<ScopedActorAccessor>().Actor.UserId
        ?? throw SpreadsheetErrors.SignInFirst();
}

/// <summary>The words the job page and its status use for where an import stands.</summary>
internal static class ImportTexts
{
    public static string Describe(ImportJob job) => job.State switch
    {
        ImportJobState.Waiting => "排队等候中……",
        ImportJobState.Checking or ImportJobState.Importing => job.Progress switch
        {
            null => job.State == ImportJobState.Checking ? "正在读取文件……" : "正在导入……",
            { Phase: ImportPhase.Checking } p => $"正在读取并检查：已处理 {p.Done.ToString(CultureInfo.InvariantCulture)} 行",
            var p => $"正在写入：{p.Done} / {p.Total} 行",
        },
        ImportJobState.Checked => "检查完成",
        ImportJobState.Imported => "导入完成",
        _ => job.Error ?? "导入失败",
    };
}
