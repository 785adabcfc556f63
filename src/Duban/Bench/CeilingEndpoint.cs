using System.Globalization;
using Duban.Api;
using Duban.Core.Common;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Duban.Ledger;
using Microsoft.Data.Sqlite;

namespace Duban.Bench;

/// <summary>
/// The benchmark's ceiling (bench/README.md): the items list query of one unit and state as hand-written SQL on a raw
/// SQLite connection, answering the same JSON as /api/v1/items. Mapped only when Bench:Ceiling is true; never in
/// production, and without authentication, so it measures the floor cost of the query and the JSON alone.
/// </summary>
internal static class CeilingEndpoint
{
    private const string CountSql = "SELECT COUNT(*) FROM Items WHERE UnitId = $unit AND State = $state";

    private const string PageSql = """
        SELECT i.Id, i.Code, i.State, i.UnitId, u.Name, i.DeadlineKind, i.DueOn, i.Problem, p.Name, i.FoundOn, i.Source,
               i.UrgeCount, i.Version
        FROM Items i JOIN Units u ON u.Id = i.UnitId LEFT JOIN People p ON p.Id = i.ResponsiblePersonId
        WHERE i.UnitId = $unit AND i.State = $state
        ORDER BY i.Id DESC LIMIT $take OFFSET $skip
        """;

    public static void MapBenchCeiling(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        if (!configuration.GetValue<bool>("Bench:Ceiling"))
        {
            return;
        }
        app.MapGet("/bench/ceiling/items", async (int unit, ItemState state, int? page, int? pageSize, DatabaseSettings settings,
            TimeProvider clock, Microsoft.Extensions.Options.IOptions<LedgerOptions> options) =>
        {
            var request = new PageRequest(page, pageSize);
            var today = ChinaTime.Today(clock);
            var yellowDays = options.Value.YellowDays;
            await using var connection = new SqliteConnection(settings.ConnectionString);
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = CountSql;
            count.Parameters.AddWithValue("$unit", unit);
            count.Parameters.AddWithValue("$state", (int)state);
            var total = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            await using var select = connection.CreateCommand();
            select.CommandText = PageSql;
            select.Parameters.AddWithValue("$unit", unit);
            select.Parameters.AddWithValue("$state", (int)state);
            select.Parameters.AddWithValue("$take", request.PageSize);
            select.Parameters.AddWithValue("$skip", request.Skip);
            var rows = new List<ItemRow>(request.PageSize);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var itemState = (ItemState)reader.GetInt32(2);
                var kind = (DeadlineKind)reader.GetInt32(5);
                var due = DateOnly.Parse(reader.GetString(6), CultureInfo.InvariantCulture);
                var light = LightRule.Of(itemState == ItemState.Closed, kind, due, today, yellowDays);
                rows.Add(new ItemRow(reader.GetInt32(0), reader.GetString(1), itemState, reader.GetInt32(3), reader.GetString(4),
                    light, kind, due, reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                    DateOnly.Parse(reader.GetString(9), CultureInfo.InvariantCulture), (ItemSource)reader.GetInt32(10),
                    reader.GetInt32(11), reader.GetInt32(12)));
            }
            return new ItemListResponse(rows, total, request.PageNumber, request.PageSize, null);
        }).AllowAnonymous().ExcludeFromDescription();
    }
}
