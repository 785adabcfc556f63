using Duban.Components.Shared;
using Duban.Core.Common;
using Duban.Core.Documents;
using Duban.Core.Ledger;
using Duban.Core.Spreadsheets;
using static Duban.Components.Shared.QueryWords;

namespace Duban.Spreadsheets;

/// <summary>The ledger page's 导出 button: the standard 台账 of exactly what the page's filters show.</summary>
internal static class LedgerExportEndpoint
{
    public const string Path = "/ledger/export";

    public static void MapLedgerExport(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, async (HttpContext context, LedgerExporter exporter, TimeProvider clock, CancellationToken ct) =>
        {
            var q = context.Request.Query;
            var query = new LedgerQuery(Number(q["campaign"]), Number(q["unit"]), Number(q["category"]), Word<ItemSource>(q["source"]),
                Word<ItemState>(q["state"]), Word<Light>(q["light"]), Number(q["person"]), q["q"].ToString(), LedgerSort.Newest);
            // A temporary file, not memory: a ledger of many thousand rows is tens of megabytes.
            var buffer = new FileStream(System.IO.Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            try
            {
                await exporter.ExportAsync(buffer, query, ct);
            }
            catch (DubanException e)
            {
                await buffer.DisposeAsync();
                return Results.LocalRedirect(context.LeaveNotice("/ledger", NoticeKind.Error, e.Message) + context.Request.QueryString);
            }
            buffer.Position = 0;
            return Results.File(buffer, ContentTypes.Xlsx,
                $"整改台账-{ChinaTime.Today(clock):yyyyMMdd}.xlsx");
        }).RequireAuthorization().ExcludeFromDescription();
}
