using Duban.Api;
using Duban.Common.Workflow;
using Duban.Core.Common;
using Duban.Core.Common.Workflow;
using Duban.Core.Data;
using Duban.Core.Signals;

namespace Duban.Signals;

/// <summary>A flag as the API answers it: the kind in Chinese (打白条 … 守摊子), its evidence, how strong the computation found it.</summary>
public sealed record SignalResponse(int Id, string Kind, SignalKind KindCode, int UnitId, string UnitName, int? ItemId, string? ItemCode, decimal Strength,
    IReadOnlyList<SignalEvidence> Evidence, SignalState State, string StateName, DateTime FirstSeenAt, DateTime LastSeenAt)
{
    public static SignalResponse From(SignalRow r) => new(r.Id, r.KindName, r.Kind, r.UnitId, r.UnitName, r.ItemId, r.ItemCode, r.Strength, r.Evidence,
        r.State, r.StateName, r.FirstSeenAt, r.LastSeenAt);
}

/// <summary>The usual paging shape, with the computation the flags come from.</summary>
public sealed record SignalListResponse(IReadOnlyList<SignalResponse> Items, int Total, int Page, int PageSize, int CampaignId, DateTime AsOf,
    DateOnly PeriodFrom, DateOnly PeriodTo, DateTime ComputedAt, int ComputationId);

/// <summary>One flag with what the unit and the Supervisor said, and what the caller may do with it now.</summary>
public sealed record SignalDetailResponse(SignalResponse Flag, bool Seen, DateOnly PeriodFrom, DateOnly PeriodTo, string? Explanation, string? ExplainedBy,
    DateTime? ExplainedAt, string? DecisionReason, string? DecidedBy, DateTime? DecidedAt, IReadOnlyList<SignalAction> AllowedActions, int Version);

public sealed record SignalSummaryUnit(int UnitId, string UnitName, IReadOnlyDictionary<string, int> Counts, int Total);

/// <summary>Units × kinds: how many flags (not dismissed) each unit has of each kind.</summary>
public sealed record SignalSummaryResponse(int CampaignId, DateTime AsOf, DateOnly PeriodFrom, DateOnly PeriodTo, DateTime ComputedAt, int ComputationId,
    IReadOnlyList<string> Kinds, IReadOnlyList<SignalSummaryUnit> Units, IReadOnlyDictionary<string, int> Totals);

/// <summary>The list's query string (kind and state in Chinese or English, asOf a date or a time).</summary>
internal sealed record SignalListQuery(int? Campaign, string? AsOf, int? Unit, string? Kind, string? State, int? Item, int? Page, int? PageSize)
{
    public SignalFilter ToFilter() => new(Campaign, SignalTerms.ParseAsOf(AsOf), Unit,
        string.IsNullOrWhiteSpace(Kind) ? null : SignalTerms.ParseKind(Kind) ?? throw SignalErrors.BadKind(Kind),
        string.IsNullOrWhiteSpace(State) ? null : SignalTerms.ParseState(State) ?? throw SignalErrors.BadState(State), ItemId: Item);
}

internal static class SignalEndpoints
{
    public const string PageBase = "/signals";

    public static void MapSignals(this IEndpointRouteBuilder api)
    {
        var signals = api.MapGroup("/signals").WithTags("病相");
        signals.MapGet("/", async ([AsParameters] SignalListQuery query, SignalQueries queries, CancellationToken ct) =>
            {
                var (computation, page) = await queries.ListAsync(query.ToFilter(), new PageRequest(query.Page, query.PageSize), ct);
                return new SignalListResponse([.. page.Items.Select(SignalResponse.From)], page.Total, page.PageNumber, page.PageSize, computation.CampaignId,
                    computation.AsOf, computation.PeriodFrom, computation.PeriodTo, computation.ComputedAt, computation.Id);
            })
            .WithSummary("病相提示列表：asOf（计算时点，日期或日期时间，缺省为现在）、campaign、unit、kind（打白条/虚假空/走秀场/中梗阻/推拖绕/灯下黑/慵懒散/守摊子）、state（Open 待说明/Explained 已说明/Accepted 已认定/Dismissed 已排除）、item 筛选，按强度排序，分页；本单位只看到本单位的");
        signals.MapGet("/summary", async (int? campaign, string? asOf, SignalQueries queries, CancellationToken ct) =>
            {
                var board = await queries.BoardAsync(campaign, SignalTerms.ParseAsOf(asOf), ct);
                var kinds = Enum.GetValues<SignalKind>();
                var c = board.Computation;
                return new SignalSummaryResponse(c.CampaignId, c.AsOf, c.PeriodFrom, c.PeriodTo, c.ComputedAt, c.Id, [.. kinds.Select(SignalTerms.Name)],
                    [.. board.Units.Select(u => new SignalSummaryUnit(u.UnitId, u.UnitName, u.Cells.ToDictionary(x => SignalTerms.Name(x.Kind), x => x.Count), u.Total))],
                    kinds.ToDictionary(SignalTerms.Name, board.Count));
            })
            .WithSummary("病相汇总：各单位 × 八种病相的提示数（不含已排除），asOf 同列表");
        signals.MapGet("/{id:int}", async (int id, SignalQueries queries, DubanDb db, CancellationToken ct) => Detail(await queries.GetAsync(id, ct), db))
            .WithSummary("病相提示详情：依据、单位的情况说明、认定或排除的理由及当前用户可执行的操作");
        signals.MapActions(SignalWorkflow.Table.Forms, RunAsync);
    }

    /// <summary>One action of the flag's table, for the API and the page forms alike; answers the flag as the actor now sees it.</summary>
    public static async Task<object> RunAsync(HttpContext context, int id, SignalAction action, ActionInput input, CancellationToken ct)
    {
        var services = context.RequestServices;
        await services.GetRequiredService<SignalService>().ActAsync(id, action, input, ct);
        return Detail(await services.GetRequiredService<SignalQueries>().GetAsync(id, ct), services.GetRequiredService<DubanDb>());
    }

    private static SignalDetailResponse Detail((SignalRow Row, SignalFlag Flag) found, DubanDb db)
    {
        var f = found.Flag;
        return new SignalDetailResponse(SignalResponse.From(found.Row), f.Seen, f.PeriodFrom, f.PeriodTo, f.Explanation, f.ExplainedBy, f.ExplainedAt,
            f.DecisionReason, f.DecidedBy, f.DecidedAt, [.. SignalWorkflow.Table.Allowed(f, db.Actor)], f.Version);
    }
}
