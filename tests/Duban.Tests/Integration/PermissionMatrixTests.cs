using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Duban.Api;
using Duban.Core.Accounts;
using Duban.Core.Common.Workflow;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Duban.Core.Organization;
using Duban.Modules;
using Duban.Tests.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Duban.Tests.Infrastructure.LedgerSheets;

namespace Duban.Tests.Integration;

/// <summary>
/// Every route the app maps (its endpoint data source: the API under /api/v1, the pages and their form posts) asked by
/// every role and by nobody, for a record in the caller's scope and one outside it, against answers computed from the
/// permission table, the workflow tables and the scope rule (<see cref="PermissionMatrix"/>).
/// </summary>
public abstract class PermissionMatrixTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    private const string NoRecord = "no record";
    private const string InScope = "in scope";
    private const string OutOfScope = "out of scope";
    private const string Anonymous = "anonymous";

    [Fact]
    public async Task Every_endpoint_answers_every_role_in_and_out_of_scope_as_the_tables_say()
    {
        var permissions = DubanModules.All.SelectMany(m => m.Permissions).ToDictionary(p => p.Code);
        var fallback = app.Services.GetRequiredService<IOptions<AuthorizationOptions>>().Value.FallbackPolicy;
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var routes = endpoints.SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (Endpoint: e, Method: m)))
            .ToList();
        var rules = PermissionMatrix.Rules();
        var keys = routes.Select(r => $"{r.Method} {r.Endpoint.RoutePattern.RawText}").ToList();
        var unruled = keys.Where(k => !rules.ContainsKey(k)).ToList();
        Assert.True(unruled.Count == 0, "routes without an expectation (add them to PermissionMatrix.Rules): " + string.Join("; ", unruled));
        var stale = rules.Keys.Except(keys).ToList();
        Assert.True(stale.Count == 0, "rules for routes the app no longer maps: " + string.Join("; ", stale));
        var data = await ArrangeAsync();

        var cells = new Dictionary<string, int> { [InScope] = 0, [OutOfScope] = 0, [NoRecord] = 0, [Anonymous] = 0 };
        var unexpected = new List<string>();
        foreach (var (endpoint, method) in routes)
        {
            var gate = PermissionMatrix.GateOf(endpoint, fallback, permissions);
            var rule = rules[$"{method} {endpoint.RoutePattern.RawText}"];
            var pageForm = method == HttpMethods.Post && endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
            foreach (var caller in data.Callers)
            {
                foreach (var (scope, record) in Columns(rule, caller, data))
                {
                    var expected = PermissionMatrix.Expected(gate, rule, caller, record, pageForm);
                    var (answer, said) = await AskAsync(endpoint, method, rule, caller, record, data);
                    cells[caller is null ? Anonymous : scope]++;
                    if (answer != expected)
                    {
                        unexpected.Add($"{method} {endpoint.RoutePattern.RawText} as {caller?.Role ?? Anonymous} ({scope}{(record is null ? "" : ": " + record.Label)}): " +
                                       $"expected {expected}, got {answer} ({said})");
                    }
                }
            }
        }

        var total = cells.Values.Sum();
        var summary = $"permission matrix: {routes.Count} routes ({endpoints.Count} endpoints × their methods) × {data.Callers.Count} callers " +
                      $"({data.Callers.Count - 1} roles + anonymous) = {total} cells checked ({cells[InScope]} in scope, {cells[OutOfScope]} out of scope, " +
                      $"{cells[NoRecord]} without a record, {cells[Anonymous]} anonymous); {unexpected.Count} unexpected";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        foreach (var line in unexpected)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(line);
        }
        Assert.True(unexpected.Count == 0, summary + Environment.NewLine + string.Join(Environment.NewLine, unexpected));
    }

    /// <summary>
    /// The records a caller is asked about: for record routes the first candidate in the caller's scope and the first
    /// outside it (a role that sees everything has no outside); otherwise one cell without a record.
    /// </summary>
    private static IEnumerable<(string Scope, MatrixRecord? Record)> Columns(RouteRule rule, Caller? caller, MatrixData data)
    {
        if (rule.Record == RecordKind.None)
        {
            yield return (NoRecord, null);
            yield break;
        }
        var candidates = data.Records[rule.Record];
        if (caller is null)
        {
            yield return (Anonymous, candidates[0]);
            yield break;
        }
        if (candidates.FirstOrDefault(r => PermissionMatrix.Sees(caller, r)) is { } inside)
        {
            yield return (InScope, inside);
        }
        if (candidates.FirstOrDefault(r => !PermissionMatrix.Sees(caller, r)) is { } outside)
        {
            yield return (OutOfScope, outside);
        }
    }

    /// <summary>
    /// One request: a GET as it is; a Blazor page's POST with the caller's antiforgery token and a form name no page
    /// has (it must render the page, and so check the record, before it can say so); a page form with the token and
    /// the rule's fields; an API write with the rule's JSON body.
    /// </summary>
    private static async Task<(Answer Answer, string Said)> AskAsync(RouteEndpoint endpoint, string method, RouteRule rule, Caller? caller,
        MatrixRecord? record, MatrixData data)
    {
        var client = caller?.Client ?? data.Nobody;
        using var request = new HttpRequestMessage(new HttpMethod(method), PermissionMatrix.PathOf(endpoint.RoutePattern.RawText!, record));
        var page = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
        var form = page || endpoint.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true };
        var withToken = form && caller is not null && !rule.WithoutToken;
        if (method != HttpMethods.Get)
        {
            var fields = page ? new Dictionary<string, object?> { ["_handler"] = "matrix-probe" } : rule.Body(record, data.Places);
            if (form)
            {
                var values = fields.Select(f => KeyValuePair.Create(f.Key, Convert.ToString(f.Value, CultureInfo.InvariantCulture) ?? "")).ToList();
                if (withToken)
                {
                    values.Add(KeyValuePair.Create("__RequestVerificationToken", caller!.Token));
                }
                request.Content = new FormUrlEncodedContent(values);
            }
            else
            {
                request.Content = JsonContent.Create(fields);
            }
        }
        using var response = await client.SendAsync(request);
        var answer = PermissionMatrix.Classify(response);
        var location = response.Headers.Location?.OriginalString;
        var body = await response.Content.ReadAsStringAsync();
        var said = $"{(int)response.StatusCode}{(location is null ? "" : " → " + location)} {Excerpt(body)}";
        if (answer == Answer.Allowed && method != HttpMethods.Get && withToken)
        {
            // A refused token also answers 400 or goes back to the page: make sure the checks behind it ran, and that
            // the page it went back to is one the caller may see.
            using var back = location is null ? null : await client.GetAsync(location);
            var shown = back is null ? body : await back.Content.ReadAsStringAsync();
            if (back is { IsSuccessStatusCode: false })
            {
                return (Answer.Other, $"{said} (the page it went back to answered {(int)back.StatusCode})");
            }
            if (shown.Contains("页面已过期", StringComparison.Ordinal) || shown.Contains("表单已过期", StringComparison.Ordinal)
                || shown.Contains("antiforgery", StringComparison.OrdinalIgnoreCase))
            {
                return (Answer.Other, said + " (the form's token was refused)");
            }
        }
        return (answer, said);
    }

    private static string Excerpt(string body) =>
        body.TrimStart().StartsWith('<') ? "" : body.Length > 200 ? body[..200] : body;

    /// <summary>
    /// The callers (one demo account per role, signed in once, and nobody) and the records: items in 综合科 (one naming
    /// the member as responsible person, one not) and in 秘书科, those units, people of both, a catalog entry, a campaign
    /// of this test's own (closing it harms no other cell), and a checked import job of the supervisor's and of another
    /// supervisor's. Records are listed so that the first one each role sees is its "in scope" record and the first one
    /// it does not see is its "out of scope" record.
    /// </summary>
    private async Task<MatrixData> ArrangeAsync()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var units = await supervisor.GetJsonAsync<List<UnitRow>>("/api/v1/units");
        var general = units.Single(u => u.Name == "综合科");
        var secretariat = units.Single(u => u.Name == "秘书科");
        var callers = new List<Caller?>();
        foreach (var role in Roles.All)
        {
            var client = role == Roles.Supervisor ? supervisor : await app.SignedInAsync(DemoData.Accounts.Single(a => a.Role == role).UserName);
            var me = await client.GetJsonAsync<MeResponse>("/api/v1/me");
            var token = WebSession.AntiforgeryTokenOf(await client.GetStringAsync("/account/password"));
            callers.Add(new Caller(role, client, me.Id, me.PersonId, me.UnitId, units.SingleOrDefault(u => u.Id == me.UnitId)?.Path, token));
        }
        callers.Add(null);
        var member = callers.Single(c => c?.Role == Roles.Member)!;

        var peopleOfGeneral = (await supervisor.GetJsonAsync<PagedResponse<PersonRow>>($"/api/v1/people?unit={general.Id}&pageSize=200")).Items;
        var peopleOfSecretariat = (await supervisor.GetJsonAsync<PagedResponse<PersonRow>>($"/api/v1/people?unit={secretariat.Id}&pageSize=200")).Items;
        MatrixRecord Person(PersonRow p, UnitRow unit) => new(RecordKind.Person, $"{p.Name}（{unit.Name}）", Id(p.Id), unit.Id, unit.Path, p.Id);

        var named = await ItemAsync(supervisor, general, member.PersonId, "综合科事项（责任人为 demo-member）");
        var unnamed = await ItemAsync(supervisor, general, null, "综合科事项（不涉及 demo-member）");
        var elsewhere = await ItemAsync(supervisor, secretariat, null, "秘书科事项");
        var entry = (await supervisor.GetJsonAsync<List<CatalogEntryResponse>>("/api/v1/catalog"))[0];
        var campaign = await supervisor.PostAsJsonAsync("/api/v1/campaigns", new { code = "MATRIX-2025", name = "权限矩阵测试活动", year = 2025 });
        Assert.True(campaign.StatusCode == HttpStatusCode.Created, await campaign.Content.ReadAsStringAsync());
        var campaignId = (await campaign.Content.ReadFromJsonAsync<CampaignResponse>(WebSession.Json))!.Id;

        await app.AsSystemAsync(sp => sp.GetRequiredService<AccountService>().CreateAsync("matrix-supervisor", Roles.Supervisor, "调研督查室",
            password: DemoData.Password));
        var other = await app.SignedInAsync("matrix-supervisor");
        var otherId = (await other.GetJsonAsync<MeResponse>("/api/v1/me")).Id;

        return new MatrixData(callers, app.Anonymous(), new MatrixPlaces(general.Id), new Dictionary<RecordKind, IReadOnlyList<MatrixRecord>>
        {
            [RecordKind.Item] = [named, unnamed, elsewhere],
            [RecordKind.Unit] = [UnitRecord(general), UnitRecord(secretariat)],
            [RecordKind.Person] =
            [
                Person(peopleOfGeneral.Single(p => p.Id == member.PersonId), general),
                Person(peopleOfGeneral.First(p => p.Id != member.PersonId), general),
                Person(peopleOfSecretariat[0], secretariat),
            ],
            [RecordKind.CatalogEntry] = [new(RecordKind.CatalogEntry, entry.Title, Id(entry.Id))],
            [RecordKind.Campaign] = [new(RecordKind.Campaign, "权限矩阵测试活动", Id(campaignId))],
            [RecordKind.ImportJob] =
            [
                new(RecordKind.ImportJob, "demo-supervisor 的导入", await CheckedJobAsync(supervisor), OwnerUserId: callers.Single(c => c?.Role == Roles.Supervisor)!.UserId),
                new(RecordKind.ImportJob, "matrix-supervisor 的导入", await CheckedJobAsync(other), OwnerUserId: otherId),
            ],
            [RecordKind.Account] = [new(RecordKind.Account, "matrix-supervisor 的账户", Id(otherId))],
            [RecordKind.Absent] = [new(RecordKind.Absent, "不存在的记录", "999999") { FileId = 999999 }],
            [RecordKind.SealedInspection] = [new(RecordKind.SealedInspection, "未发布的暗访（综合科）", await SealedInspectionAsync(supervisor, general.Id, peopleOfSecretariat[0].Id))],
            [RecordKind.Draws] = [new(RecordKind.Draws, "全部随机抽查", "0")],
        });
    }

    private static async Task<string> SealedInspectionAsync(HttpClient supervisor, int unitId, int inspectorId)
    {
        var response = await supervisor.PostAsJsonAsync("/api/v1/inspections", new
        {
            kind = "covert", title = "权限矩阵暗访", unitIds = new[] { unitId }, inspectorIds = new[] { inspectorId }, plannedOn = "2026-12-01",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return Id((await response.Content.ReadFromJsonAsync<Duban.Supervision.InspectionResponse>(WebSession.Json))!.Id);
    }

    private static MatrixRecord UnitRecord(UnitRow unit) => new(RecordKind.Unit, unit.Name, Id(unit.Id), unit.Id, unit.Path);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>An assigned item registered by the supervisor through the API, with one evidence file.</summary>
    private async Task<MatrixRecord> ItemAsync(HttpClient supervisor, UnitRow unit, int? responsible, string label)
    {
        var registered = await supervisor.PostAsJsonAsync("/api/v1/items", new ItemRequest(null, unit.Id, [], ItemSource.SelfInspection,
            "权限矩阵：" + label, null, ["按周调度"], null, responsible, app.Today, DeadlineKind.Date, app.Today.AddDays(40), null, null,
            DemoData.CampaignCode), WebSession.Json);
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var id = (await registered.Content.ReadFromJsonAsync<ItemView>(WebSession.Json))!.Id;
        var assigned = await supervisor.PostAsJsonAsync($"/api/v1/items/{id}/assign", new { });
        Assert.True(assigned.IsSuccessStatusCode, await assigned.Content.ReadAsStringAsync());
        // No demo account of 秘书科 may upload, and supervisors are not granted to: the system adds the file.
        var item = await app.AsSystemAsync(async sp =>
        {
            await using var file = new MemoryStream(EvidenceSamples.Pdf());
            return await sp.GetRequiredService<LedgerService>().ActAsync(id, ItemAction.AddEvidence, new ActionInput([], file, "整改报告.pdf"));
        });
        return new MatrixRecord(RecordKind.Item, label, Id(id), unit.Id, unit.Path, responsible) { FileId = item.Evidence.Single().Id };
    }

    /// <summary>An import job with one error row, checked and waiting: its confirm without skipInvalid is refused.</summary>
    private static async Task<string> CheckedJobAsync(HttpClient client)
    {
        var token = WebSession.AntiforgeryTokenOf(await client.GetStringAsync("/ledger/import"));
        var file = new ByteArrayContent(Xlsx([Header, Row("1", "权限矩阵：单位不存在", unit: "财务科")]));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(DemoData.CampaignCode), "campaign" },
            { file, "file", "权限矩阵.xlsx" },
        };
        var response = await client.PostAsync("/ledger/import/upload", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var job = response.Headers.Location!.OriginalString.Split('/')[^1];
        for (var attempt = 0; attempt < 300; attempt++)
        {
            using var status = JsonDocument.Parse(await client.GetStringAsync($"/ledger/import/{job}/status"));
            if (status.RootElement.GetProperty("state").GetString() is not ("Waiting" or "Checking" or "Importing"))
            {
                return job;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"import {job} was not checked within half a minute");
    }
}

/// <summary>The callers (the last is nobody), a client without a session, and the records each kind of route is asked about.</summary>
public sealed record MatrixData(IReadOnlyList<Caller?> Callers, HttpClient Nobody, MatrixPlaces Places,
    IReadOnlyDictionary<RecordKind, IReadOnlyList<MatrixRecord>> Records);

public sealed class SqlitePermissionMatrixTests(SqliteAppFactory app) : PermissionMatrixTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresPermissionMatrixTests(PostgresAppFactory app) : PermissionMatrixTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
