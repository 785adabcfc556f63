using Duban.Core.Accounts;
using Duban.Core.Assessment;
using Duban.Core.Audit;
using Duban.Core.Bulletins;
using Duban.Core.Campaigns;
using Duban.Core.Catalog;
using Duban.Core.Dashboard;
using Duban.Core.Data;
using Duban.Core.Documents;
using Duban.Core.Ledger;
using Duban.Core.Organization;
using Duban.Core.Signals;
using Duban.Core.Spreadsheets;
using Duban.Core.Supervision;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Duban.Bench;

/// <summary>The domain as the app's command line has it, acting as the system on a bench data folder.</summary>
internal static class BenchServices
{
    public static ServiceProvider Create(string dataDir) => new ServiceCollection()
        .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
        .AddSingleton(TimeProvider.System)
        .AddSingleton<IActorAccessor>(new SystemActorAccessor("bench"))
        .AddDubanData(_ => DatabaseSettings.Create("Sqlite", null, dataDir))
        .AddAccounts().AddOrganization().AddCatalog().AddAuditLog().AddCampaigns().AddLedger().AddSpreadsheets().AddSupervision()
        .AddBulletins().AddAssessment().AddDashboard().AddSignals().AddDocuments(new ConfigurationBuilder().Build())
        .BuildServiceProvider();
}
