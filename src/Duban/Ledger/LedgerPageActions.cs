using Duban.Common.Workflow;
using Duban.Core.Ledger;

namespace Duban.Ledger;

/// <summary>The item page's action forms: one route per action of the transition table, the API's work behind each.</summary>
internal static class LedgerPageActions
{
    public const string PageBase = "/ledger";

    public static void MapLedgerPageActions(this IEndpointRouteBuilder app) =>
        app.MapActionForms(PageBase, LedgerWorkflow.Table.Forms, LedgerEndpoints.RunAsync);
}
