using System.Text.RegularExpressions;
using Duban.Core.Accounts;
using Duban.Core.Assessment;
using Duban.Core.Audit;
using Duban.Core.Bulletins;
using Duban.Core.Campaigns;
using Duban.Core.Catalog;
using Duban.Core.Common.Workflow;
using Duban.Core.Ledger;
using Duban.Core.Organization;
using Duban.Core.Signals;
using Duban.Core.Supervision;
using Duban.Core.Supervision.Inspections;
using Duban.Core.Supervision.Slips;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Duban.Tests.Integration;

/// <summary>The kinds of answer the matrix tells apart; <see cref="Other"/> is never expected (a 500, a 405…).</summary>
public enum Answer
{
    Allowed,
    Forbidden,
    NotFound,
    Unauthenticated,
    Other,
}

/// <summary>What a route's <c>{id}</c> (or, for registering, the body's unit) names.</summary>
public enum RecordKind
{
    None,
    Item,
    Unit,
    Person,
    CatalogEntry,
    Campaign,
    ImportJob,
    Account,
    /// <summary>An id no record has: past the gate, every caller gets the 404 that confirms nothing.</summary>
    Absent,
    /// <summary>An unpublished covert visit (暗访): only roles whose scope is everything see it.</summary>
    SealedInspection,
    /// <summary>The random draws as a whole: seen only by the roles that see everything, a 404 to everyone else.</summary>
    Draws,
}

/// <summary>A record a cell sends, with what its scope and the caller's relations to it depend on.</summary>
public sealed record MatrixRecord(RecordKind Kind, string Label, string Id, int? UnitId = null, string? UnitPath = null, int? PersonId = null,
    int? OwnerUserId = null)
{
    /// <summary>An evidence file of the item, for the download route.</summary>
    public int? FileId { get; init; }
}

/// <summary>A demo account of one role with its unit, the unit's path and its person; a null caller is nobody signed in.</summary>
public sealed record Caller(string Role, HttpClient Client, int UserId, int? PersonId, int? UnitId, string? UnitPath, string Token);

/// <summary>What the endpoint's own authorization metadata asks: nothing (public), a signed-in user, or a permission's policy.</summary>
public sealed record Gate(bool Public, Permission? Policy);

/// <summary>
/// What a route asks once its endpoint's metadata let the caller in, in the app's order: a permission that does not
/// depend on the record (so the answer is the same for every id and confirms nothing), then the record's scope
/// (outside it: 404, like a missing record), then the grants that depend on the caller's relation to the record.
/// </summary>
public sealed record RouteRule(RecordKind Record = RecordKind.None, Permission? Permission = null, IReadOnlyList<Grant>? Grants = null)
{
    /// <summary>
    /// The JSON body of an API write or the fields of a page form. By default a version no record has: a change the
    /// caller may make stops at 409 after every check (scope, role, state), so the shared records stay as they are.
    /// </summary>
    public Func<MatrixRecord?, MatrixPlaces, Dictionary<string, object?>> Body { get; init; } = (_, _) => new() { ["version"] = PermissionMatrix.NoSuchVersion };

    /// <summary>Posted without the antiforgery token, because a valid post would end the caller's session.</summary>
    public bool WithoutToken { get; init; }
}

/// <summary>Units the bodies of create routes name.</summary>
public sealed record MatrixPlaces(int UnitId);

/// <summary>
/// The expectations: every route of the app (as its endpoint data source lists them) has a rule here, and the expected
/// answer of a cell is computed from the endpoint's metadata, the modules' permission table, the workflow tables'
/// grants and the scope rule below — never from what the app answered.
/// </summary>
public static partial class PermissionMatrix
{
    public const int NoSuchVersion = 999999;

    /// <summary>
    /// Who may register an item for a unit: not an action of the transition table (LedgerRules.MayRegister), so written
    /// out here as DOMAIN.md has it — a supervisor anywhere, a head in the own tree, a liaison in the own unit.
    /// </summary>
    public static readonly IReadOnlyList<Grant> Registering =
        [new(Roles.Supervisor, Relation.Anyone), new(Roles.UnitHead, Relation.OwnTree), new(Roles.Liaison, Relation.OwnUnit)];

    /// <summary>The registration form is for those who may register for some unit.</summary>
    private static readonly Permission RegisterSomewhere = new("matrix.register", "登记整改事项", [.. Registering.Select(g => g.Role!)]);

    private static readonly RouteRule Open = new();

    private static RouteRule Read(RecordKind record) => new(record);

    private static RouteRule Permitted(Permission permission, RecordKind record = RecordKind.None,
        Func<MatrixRecord?, MatrixPlaces, Dictionary<string, object?>>? body = null) =>
        body is null ? new(record, permission) : new(record, permission) { Body = body };

    /// <summary>The rule of every route, by "METHOD pattern" as the endpoint data source spells the pattern.</summary>
    public static IReadOnlyDictionary<string, RouteRule> Rules()
    {
        var rules = new Dictionary<string, RouteRule>();
        void Add(string methods, string pattern, RouteRule rule)
        {
            foreach (var method in methods.Split('|'))
            {
                rules.Add($"{method} {pattern}", rule);
            }
        }

        // Outside the modules: health, the API description, Blazor's own route, the error and sign-in pages.
        Add("GET", "/healthz", Open);
        Add("GET", "/openapi/{documentName}.json", Open);
        Add("GET", "/api/docs/{documentName?}", Open);
        Add("GET", "/api/docs/scalar.js", Open);
        Add("GET", "/api/docs/scalar.aspnetcore.js", Open);
        Add("GET", "/api/docs/favicon.svg", Open);
        Add("GET", "/_framework/opaque-redirect", Open);
        Add("GET|POST", "/error", Open);
        Add("GET|POST", "/error/{Code:int}", Open);
        Add("GET|POST", "/", Open);

        // Accounts.
        Add("GET", "/api/v1/me", Open);
        Add("GET|POST", "/account/login", Open);
        Add("GET|POST", "/account/password", Open);
        Add("POST", "/account/logout", Open with { WithoutToken = true });
        // The administrators' account pages carry the accounts policy; an account belongs to no unit.
        Add("GET|POST", "/accounts", Open);
        Add("GET|POST", "/accounts/new", Open);
        Add("GET|POST", "/accounts/{Id:int}", Read(RecordKind.Account));

        // The ledger: lists for everyone in their scope; an item's routes by scope, then by the transition table.
        Add("GET", "/api/v1/items/", Open);
        Add("GET", "/api/v1/items/lights", Open);
        Add("GET", "/api/v1/my-work", Open);
        // The dashboard: everyone signed in; its figures are counted in the asker's scope.
        Add("GET", "/api/v1/dashboard", Open);
        Add("GET|POST", "/ledger", Open);
        Add("GET|POST", "/ledger/mine", Open);
        Add("GET", "/ledger/export", Open);
        Add("GET", "/api/v1/items/{id:int}", Read(RecordKind.Item));
        Add("GET", "/api/v1/items/{id:int}/evidence/{fileId:int}", Read(RecordKind.Item));
        Add("GET|POST", "/ledger/{Id:int}", Read(RecordKind.Item));
        // The body names the unit: registering is refused by the unit's scope, then by the caller's relation to it.
        Add("POST", "/api/v1/items/", new(RecordKind.Unit, Grants: Registering) { Body = (unit, _) => new() { ["unitId"] = unit!.UnitId } });
        Add("GET|POST", "/ledger/new", Permitted(RegisterSomewhere));
        var edit = LedgerWorkflow.Table[ItemAction.Edit];
        Add("PATCH", "/api/v1/items/{id:int}", new(RecordKind.Item, Grants: edit.Grants));
        Add("GET|POST", "/ledger/{Id:int}/edit", new(RecordKind.Item, Grants: edit.Grants));
        foreach (var action in LedgerWorkflow.Table.Actions.Where(a => a.HasForm))
        {
            Add("POST", $"/api/v1/items/{{id:int}}/{action.Slug}", new(RecordKind.Item, Grants: action.Grants));
            Add("POST", $"/ledger/{{id:int}}/act/{action.Slug}", new(RecordKind.Item, Grants: action.Grants));
        }

        // Import (the endpoints carry the import policy; a job is its uploader's) and export.
        Add("GET|POST", "/ledger/import", Open);
        // Without a file an upload is refused once the permission is checked.
        Add("POST", "/ledger/import/upload", Open with { Body = (_, _) => [] });
        Add("GET|POST", "/ledger/import/{Id:guid}", Read(RecordKind.ImportJob));
        Add("GET", "/ledger/import/{id:guid}/status", Read(RecordKind.ImportJob));
        Add("GET", "/ledger/import/{id:guid}/rejected", Read(RecordKind.ImportJob));
        // Without skipInvalid a file with an error row is refused; without any column chosen a mapping is refused.
        Add("POST", "/ledger/import/{id:guid}/confirm", Read(RecordKind.ImportJob) with { Body = (_, _) => [] });
        Add("POST", "/ledger/import/{id:guid}/mapping", Read(RecordKind.ImportJob) with { Body = (_, _) => [] });

        // The catalog: everyone reads, the catalog permission edits.
        Add("GET", "/api/v1/catalog/", Open);
        Add("GET", "/api/v1/catalog/{id:int}", Read(RecordKind.CatalogEntry));
        Add("PUT", "/api/v1/catalog/{id:int}", Permitted(CatalogPermissions.Edit, RecordKind.CatalogEntry, (_, _) => new() { ["title"] = "" }));
        Add("GET|POST", "/catalog", Open);
        Add("GET|POST", "/catalog/{Id:int}/edit", Read(RecordKind.CatalogEntry));

        // Campaigns: everyone reads; opening one takes the permission, changing and closing one its transition table.
        Add("GET", "/api/v1/campaigns/", Open);
        Add("GET", "/api/v1/campaigns/{id:int}", Read(RecordKind.Campaign));
        Add("POST", "/api/v1/campaigns/", Permitted(CampaignPermissions.Manage, body: (_, _) => []));
        Add("PATCH", "/api/v1/campaigns/{id:int}", new(RecordKind.Campaign, Grants: CampaignWorkflow.Table[CampaignAction.Edit].Grants)
        {
            Body = (_, _) => new() { ["year"] = 1 },
        });
        foreach (var action in CampaignWorkflow.Table.Actions.Where(a => a.HasForm))
        {
            Add("POST", $"/api/v1/campaigns/{{id:int}}/{action.Slug}", new(RecordKind.Campaign, Grants: action.Grants));
            Add("POST", $"/campaigns/{{id:int}}/act/{action.Slug}", new(RecordKind.Campaign, Grants: action.Grants));
        }
        Add("GET|POST", "/campaigns", Open);
        Add("GET|POST", "/campaigns/new", Permitted(CampaignPermissions.Manage));
        Add("GET|POST", "/campaigns/{Id:int}", Read(RecordKind.Campaign));

        // The organisation: everyone reads within scope; the organisation permission changes it.
        Add("GET", "/api/v1/units/", Open);
        Add("GET", "/api/v1/units/{id:int}", Read(RecordKind.Unit));
        Add("POST", "/api/v1/units/", Permitted(OrganizationPermissions.Manage, body: (_, places) => new() { ["name"] = "", ["parentId"] = places.UnitId }));
        Add("PUT", "/api/v1/units/{id:int}", Permitted(OrganizationPermissions.Manage, RecordKind.Unit, (_, _) => new() { ["name"] = "" }));
        // Without the record's name in the body, deactivating and reactivating are refused once scope and permission passed.
        foreach (var change in new[] { "deactivate", "reactivate" })
        {
            Add("POST", $"/api/v1/units/{{id:int}}/{change}", Permitted(OrganizationPermissions.Manage, RecordKind.Unit));
            Add("POST", $"/api/v1/people/{{id:int}}/{change}", Permitted(OrganizationPermissions.Manage, RecordKind.Person));
        }
        Add("GET", "/api/v1/people/", Open);
        Add("GET", "/api/v1/people/{id:int}", Read(RecordKind.Person));
        Add("POST", "/api/v1/people/", Permitted(OrganizationPermissions.Manage, body: (_, places) => new() { ["name"] = "", ["unitId"] = places.UnitId }));
        Add("PUT", "/api/v1/people/{id:int}", Permitted(OrganizationPermissions.Manage, RecordKind.Person,
            (person, _) => new() { ["name"] = "", ["unitId"] = person!.UnitId }));
        Add("GET|POST", "/org/units", Open);
        Add("GET|POST", "/org/people", Open);
        Add("GET|POST", "/org/units/new", Open);
        Add("GET|POST", "/org/people/new", Open);
        Add("GET|POST", "/org/units/{Id:int}/edit", Read(RecordKind.Unit));
        Add("GET|POST", "/org/people/{Id:int}/edit", Read(RecordKind.Person));

        // Supervision: inspections. A sealed covert visit answers 404 to every narrow scope, page and API alike; steps
        // are tried on an absent record (a real one would move on), which every caller past the gate finds missing.
        var absent = Read(RecordKind.Absent);
        Add("GET", "/api/v1/inspections/", Open);
        Add("POST", "/api/v1/inspections/", Permitted(SupervisionPermissions.Supervise, body: (_, _) => []));
        Add("GET", "/api/v1/inspections/{id:int}", Read(RecordKind.SealedInspection));
        Add("GET", "/api/v1/inspections/{id:int}/files/{fileId:int}", absent);
        foreach (var action in InspectionWorkflow.Table.Actions)
        {
            Add("POST", $"/api/v1/inspections/{{id:int}}/{action.Slug}", absent);
            Add("POST", $"/supervision/{{id:int}}/act/{action.Slug}", absent);
        }
        foreach (var action in InspectionWorkflow.Findings.Actions)
        {
            Add("POST", $"/api/v1/inspection-findings/{{id:int}}/{action.Slug}", absent);
            Add("POST", $"/supervision/findings/{{id:int}}/act/{action.Slug}", absent);
        }
        Add("GET|POST", "/supervision", Open);
        Add("GET|POST", "/supervision/new", Permitted(SupervisionPermissions.Supervise));
        Add("GET|POST", "/supervision/{Id:int}", Read(RecordKind.SealedInspection));
        Add("GET|POST", "/supervision/code/{Code}", absent);
        // Urge slips: everyone lists those in their scope; issuing and the proposal are the supervisors'; a slip's
        // routes by scope (the matrix sends an id no slip has), then by the slip's transition table.
        Add("GET", "/api/v1/urge-slips/", Open);
        Add("GET", "/api/v1/urge-slips/proposals", Permitted(SupervisionPermissions.Supervise));
        Add("POST", "/api/v1/urge-slips/", Permitted(SupervisionPermissions.Supervise, body: (_, _) => []));
        Add("GET", "/api/v1/urge-slips/{id:int}", Read(RecordKind.Absent));
        Add("GET", "/api/v1/urge-slips/{id:int}/reply-file", Read(RecordKind.Absent));
        Add("GET", "/api/v1/urge-slips/{id:int}/document.docx", Read(RecordKind.Absent));
        Add("GET|POST", "/supervision/slips", Open);
        Add("GET|POST", "/supervision/slips/new", Permitted(SupervisionPermissions.Supervise));
        Add("GET|POST", "/supervision/slips/{Id:int}", Read(RecordKind.Absent));
        Add("GET|POST", "/supervision/slips/{Id:int}/print", Read(RecordKind.Absent));
        foreach (var action in UrgeSlipWorkflow.Table.Actions.Where(a => a.HasForm))
        {
            Add("POST", $"/api/v1/urge-slips/{{id:int}}/{action.Slug}", new(RecordKind.Absent, Grants: action.Grants));
            Add("POST", $"/supervision/slips/{{id:int}}/act/{action.Slug}", new(RecordKind.Absent, Grants: action.Grants));
        }
        // Random draws: seen only by the roles that see everything (a draw can name covert targets), drawn and checked
        // by the supervision office; a draw's routes past the permission are the 404 of an absent id.
        Add("GET", "/api/v1/draws/", Read(RecordKind.Draws));
        Add("POST", "/api/v1/draws/", Permitted(SupervisionPermissions.Supervise, body: (_, _) => []));
        Add("GET", "/api/v1/draws/{id:int}", Read(RecordKind.Absent));
        Add("GET", "/api/v1/draws/{id:int}/population", Read(RecordKind.Absent));
        Add("POST", "/api/v1/draws/{id:int}/checks", Permitted(SupervisionPermissions.Supervise, RecordKind.Absent));
        Add("GET|POST", "/supervision/draws", Read(RecordKind.Draws));
        Add("GET|POST", "/supervision/draws/new", Permitted(SupervisionPermissions.Supervise));
        Add("GET|POST", "/supervision/draws/{Id:int}", Read(RecordKind.Absent));
        Add("POST", "/supervision/draws/{id:int}/checks", Permitted(SupervisionPermissions.Supervise, RecordKind.Absent));

        // Bulletins: everyone lists what reaches them; drafting is the supervisors'; a bulletin's routes past that are
        // the 404 of an absent id, then the grants of its transition tables (the bulletin's and its receipts').
        Add("GET", "/api/v1/bulletins/", Open);
        Add("POST", "/api/v1/bulletins/", Permitted(BulletinPermissions.Draft, body: (_, _) => []));
        Add("GET", "/api/v1/bulletins/{id:int}", absent);
        Add("PATCH", "/api/v1/bulletins/{id:int}", absent);
        Add("GET", "/api/v1/bulletins/{id:int}/recipients", absent);
        Add("POST", "/api/v1/bulletins/{id:int}/correct", Permitted(BulletinPermissions.Draft, RecordKind.Absent));
        Add("POST", "/api/v1/bulletins/{id:int}/acknowledge", absent);
        Add("POST", "/api/v1/bulletins/{id:int}/feedback", absent);
        Add("GET", "/api/v1/bulletins/{id:int}/document.docx", absent);
        Add("GET", "/api/v1/bulletins/{id:int}/document.pdf", absent);
        Add("GET|POST", "/bulletins", Open);
        Add("GET|POST", "/bulletins/new", Permitted(BulletinPermissions.Draft));
        Add("GET|POST", "/bulletins/{Id:int}", absent);
        Add("GET|POST", "/bulletins/{Id:int}/edit", absent);
        Add("GET|POST", "/bulletins/number/{Number}", absent);
        foreach (var action in BulletinWorkflow.Table.Actions.Where(a => a.HasForm))
        {
            Add("POST", $"/api/v1/bulletins/{{id:int}}/{action.Slug}", new(RecordKind.Absent, Grants: action.Grants));
            Add("POST", $"/bulletins/{{id:int}}/act/{action.Slug}", new(RecordKind.Absent, Grants: action.Grants));
        }
        foreach (var action in BulletinWorkflow.Recipients.Actions.Where(a => a.HasForm))
        {
            Add("POST", $"/api/v1/bulletin-recipients/{{id:int}}/{action.Slug}", new(RecordKind.Absent, Grants: action.Grants));
            Add("POST", $"/bulletins/receipts/{{id:int}}/act/{action.Slug}", new(RecordKind.Absent, Grants: action.Grants));
        }

        // Assessment: everyone lists runs and schemes (results within scope until published); schemes and runs are
        // the supervisors' to make; a record's routes past that are the 404 of an absent id, then its table's grants.
        Add("GET", "/api/v1/assessment/schemes", Open);
        Add("GET", "/api/v1/assessment/schemes/{id:int}", absent);
        Add("POST", "/api/v1/assessment/schemes", Permitted(AssessmentPermissions.Manage, body: (_, _) => []));
        Add("GET", "/api/v1/assessment/runs", Open);
        Add("POST", "/api/v1/assessment/runs", Permitted(AssessmentPermissions.Manage, body: (_, _) => []));
        Add("GET", "/api/v1/assessment/runs/{id:int}", absent);
        Add("GET", "/api/v1/assessment/runs/{id:int}/export.xlsx", absent);
        Add("GET", "/api/v1/assessment/runs/{id:int}/document.docx", absent);
        Add("GET", "/api/v1/assessment/results/{id:int}", absent);
        Add("GET", "/api/v1/assessment/adjustments/{id:int}/file", absent);
        Add("GET", "/api/v1/assessment/appeals/{id:int}/file", absent);
        Add("GET|POST", "/assessment", Open);
        Add("GET|POST", "/assessment/new", Permitted(AssessmentPermissions.Manage));
        Add("GET|POST", "/assessment/{Id:int}", absent);
        Add("GET|POST", "/assessment/results/{Id:int}", absent);
        Add("GET|POST", "/assessment/results/{Id:int}/lines/{Indicator}", absent);
        Add("GET|POST", "/assessment/schemes", Open);
        Add("GET|POST", "/assessment/schemes/{Id:int}", absent);
        Add("GET|POST", "/assessment/schemes/{Id:int}/edit", Permitted(AssessmentPermissions.Manage, RecordKind.Absent));
        foreach (var (api, page, grants) in AssessmentWorkflow.Runs.Actions.Select(a => (Api: $"runs/{{id:int}}/{a.Slug}", Page: $"{{id:int}}/act/{a.Slug}", a.Grants))
                     .Concat(AssessmentWorkflow.Results.Actions.Select(a => (Api: $"results/{{id:int}}/{a.Slug}", Page: $"results/{{id:int}}/act/{a.Slug}", a.Grants)))
                     .Concat(AssessmentWorkflow.Adjustments.Actions.Select(a => (Api: $"adjustments/{{id:int}}/{a.Slug}", Page: $"adjustments/{{id:int}}/act/{a.Slug}", a.Grants)))
                     .Concat(AssessmentWorkflow.Appeals.Actions.Select(a => (Api: $"appeals/{{id:int}}/{a.Slug}", Page: $"appeals/{{id:int}}/act/{a.Slug}", a.Grants))))
        {
            Add("POST", $"/api/v1/assessment/{api}", new(RecordKind.Absent, Grants: grants));
            Add("POST", $"/assessment/{page}", new(RecordKind.Absent, Grants: grants));
        }

        // 病相: everyone signed in sees the board and the lists, counted in their scope; a unit's page by the unit's scope;
        // a flag's routes past that are the 404 of an absent id, then the grants of its transition table.
        Add("GET", "/api/v1/signals/", Open);
        Add("GET", "/api/v1/signals/summary", Open);
        Add("GET", "/api/v1/signals/{id:int}", absent);
        Add("GET|POST", "/signals", Open);
        Add("GET|POST", "/signals/list", Open);
        Add("GET|POST", "/signals/units/{UnitId:int}", Read(RecordKind.Unit));
        Add("GET|POST", "/signals/{Id:int}", absent);
        foreach (var action in SignalWorkflow.Table.Actions.Where(a => a.HasForm))
        {
            Add("POST", $"/api/v1/signals/{{id:int}}/{action.Slug}", new(RecordKind.Absent, Grants: action.Grants));
            Add("POST", $"/signals/{{id:int}}/act/{action.Slug}", new(RecordKind.Absent, Grants: action.Grants));
        }

        // The audit log.
        Add("GET", "/api/v1/audit/", Permitted(AuditPermissions.View));
        Add("GET", "/api/v1/audit/verify", Permitted(AuditPermissions.View));
        Add("GET|POST", "/audit", Open);
        return rules;
    }

    /// <summary>What the endpoint's metadata asks: [AllowAnonymous], [Authorize] or [Authorize(Policy = code)].</summary>
    public static Gate GateOf(Endpoint endpoint, AuthorizationPolicy? fallback, IReadOnlyDictionary<string, Permission> permissions)
    {
        var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || (authorize.Count == 0 && fallback is null))
        {
            return new(true, null);
        }
        var policies = authorize.Where(a => !string.IsNullOrEmpty(a.Policy))
            .Select(a => permissions.TryGetValue(a.Policy!, out var p) ? p : throw new InvalidOperationException(
                $"{endpoint.DisplayName}: policy {a.Policy} is no module's permission; teach the matrix what it asks"))
            .ToList();
        var roles = authorize.Where(a => !string.IsNullOrEmpty(a.Roles)).SelectMany(a => a.Roles!.Split(',', StringSplitOptions.TrimEntries)).ToList();
        Assert.True(policies.Count + (roles.Count > 0 ? 1 : 0) <= 1, $"{endpoint.DisplayName}: more than one requirement; teach the matrix to combine them");
        return new(false, policies.SingleOrDefault() ?? (roles.Count > 0 ? new Permission("roles", string.Join(",", roles), roles) : null));
    }

    /// <summary>
    /// The answer a cell must get: computed from the gate, the rule and the scope rule. A Blazor page's POST is the
    /// exception: the framework renders the page, then refuses a form the page did not render with an empty 400 over
    /// the page's own 403 or 404, so only the endpoint's metadata speaks, and the answer is the same whatever the record.
    /// </summary>
    public static Answer Expected(Gate gate, RouteRule rule, Caller? caller, MatrixRecord? record, bool pageForm) =>
        pageForm ? Expected(gate, Open, caller, null) : Expected(gate, rule, caller, record);

    private static Answer Expected(Gate gate, RouteRule rule, Caller? caller, MatrixRecord? record)
    {
        if (caller is null)
        {
            return gate.Public ? Answer.Allowed : Answer.Unauthenticated;
        }
        if ((gate.Policy is { } policy && !policy.Roles.Contains(caller.Role))
            || (rule.Permission is { } permission && !permission.Roles.Contains(caller.Role)))
        {
            return Answer.Forbidden;
        }
        if (record is not null && !Sees(caller, record))
        {
            return Answer.NotFound;
        }
        if (rule.Grants is { } grants && !grants.Any(g => (g.Role is null || g.Role == caller.Role) && Holds(g.Relation, caller, record!)))
        {
            return Answer.Forbidden;
        }
        return Answer.Allowed;
    }

    /// <summary>
    /// The scope rule, written out rather than asked of the app: the role's scope over the unit tree (all / unit and
    /// below / unit / self); with "self" a member sees their own unit, themselves and the items naming them. Campaigns
    /// and catalog entries belong to no unit; an import job is its uploader's alone; accounts are the administrators'
    /// (their pages' policy decides).
    /// </summary>
    public static bool Sees(Caller caller, MatrixRecord record) => record.Kind switch
    {
        RecordKind.Item or RecordKind.Unit or RecordKind.Person => Roles.ScopeOf(caller.Role) switch
        {
            DataScope.All => true,
            DataScope.UnitAndBelow => caller.UnitPath is not null && record.UnitPath!.StartsWith(caller.UnitPath, StringComparison.Ordinal),
            DataScope.Unit => record.UnitId == caller.UnitId,
            DataScope.Self => record.Kind == RecordKind.Unit ? record.UnitId == caller.UnitId : record.PersonId == caller.PersonId,
            _ => false,
        },
        RecordKind.ImportJob => record.OwnerUserId == caller.UserId,
        RecordKind.Absent => false,
        RecordKind.SealedInspection => Roles.ScopeOf(caller.Role) == DataScope.All,
        RecordKind.Draws => Roles.ScopeOf(caller.Role) == DataScope.All,
        _ => true,
    };

    /// <summary>How the caller stands to the record, for the grants that depend on it.</summary>
    public static bool Holds(Relation relation, Caller caller, MatrixRecord record) => relation switch
    {
        Relation.Anyone => true,
        Relation.OwnUnit => record.UnitId is not null && record.UnitId == caller.UnitId,
        Relation.OwnTree => record.UnitPath is not null && caller.UnitPath is not null
                            && record.UnitPath.StartsWith(caller.UnitPath, StringComparison.Ordinal),
        Relation.Responsible => record.Kind == RecordKind.Item && record.PersonId == caller.PersonId,
        _ => false,
    };

    /// <summary>The answer's kind: a refusal by status (or the redirect to sign in), anything a client may be told after the checks passed as allowed.</summary>
    public static Answer Classify(HttpResponseMessage response) => (int)response.StatusCode switch
    {
        401 => Answer.Unauthenticated,
        403 => Answer.Forbidden,
        404 => Answer.NotFound,
        >= 300 and < 400 when response.Headers.Location is { } location
                              && (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString)
                                  .StartsWith("/account/login", StringComparison.OrdinalIgnoreCase) => Answer.Unauthenticated,
        (>= 200 and < 400) or 400 or 409 or 422 => Answer.Allowed,
        _ => Answer.Other,
    };

    /// <summary>The route's path with its parameters filled: the record's id, its evidence file, or a fixed value.</summary>
    public static string PathOf(string pattern, MatrixRecord? record) => Parameter().Replace(pattern, m => m.Groups[1].Value.ToLowerInvariant() switch
    {
        "id" or "unitid" => record?.Id ?? throw new InvalidOperationException($"{pattern} names a record but its rule does not"),
        "fileid" => record?.FileId?.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    ?? throw new InvalidOperationException($"{pattern} needs an evidence file of {record?.Label}"),
        "documentname" => "v1",
        "code" => "404",
        "number" => "404",
        "indicator" => "red",
        var name => throw new InvalidOperationException($"{pattern}: no value for the route parameter {name}; teach PermissionMatrix.PathOf"),
    });

    [GeneratedRegex(@"\{\**(\w+)(?::[^}?]*)?\??\}")]
    private static partial Regex Parameter();
}
