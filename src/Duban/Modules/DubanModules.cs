namespace Duban.Modules;

/// <summary>The site's modules, in menu order. A new module adds its one line here.</summary>
public static class DubanModules
{
    public static IReadOnlyList<IDubanModule> All { get; } =
    [
        new Dashboard.DashboardModule(),
        new Ledger.LedgerModule(),
        new Supervision.SupervisionModule(),
        new Bulletins.BulletinsModule(),
        new Signals.SignalsModule(),
        new Assessment.AssessmentModule(),
        new Spreadsheets.SpreadsheetsModule(),
        new Catalog.CatalogModule(),
        new Campaigns.CampaignsModule(),
        new Organization.OrganizationModule(),
        new Audit.AuditModule(),
        new Accounts.AccountsModule(),
        new Api.ApiModule(),
    ];
}
