using Duban.Core.Accounts;
using Duban.Core.Campaigns;
using Duban.Core.Common;
using Duban.Core.Common.Scope;
using Duban.Core.Common.Workflow;
using Duban.Core.Data;
using Duban.Core.Organization;
using Field = Duban.Core.Ledger.LedgerWorkflow.Field;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Ledger;

/// <summary>What registering an item needs: its campaign (by id or code; the default one when neither), unit and details.</summary>
public sealed record RegisterInput(int? CampaignId, int UnitId, ItemDetails Details, string? CampaignCode = null);

public sealed record EvidenceDownload(Stream Content, string FileName, string ContentType);

/// <summary>
/// Changing the ledger: each command loads the item within the actor's scope, checks the role against the
/// transition table, lets the item change itself, and saves (with its audit events) or refuses with a reason.
/// </summary>
public sealed class LedgerService(DubanDb db, TimeProvider clock, UnitService units, EvidenceStore files, CampaignService campaigns)
{
    private ItemActor By => new(db.Actor.UserId, db.Actor.Name);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private bool Supervises => LedgerRules.MaySteer(db.Actor);

    public async Task<RectificationItem> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        return await db.Items
            .Include(i => i.History.OrderBy(e => e.Id))
            .Include(i => i.Evidence)
            .Include(i => i.Categories)
            .AsSplitQuery()
            .FindInScopeAsync(id, LedgerErrors.NotFound, cancellationToken);
    }

    public async Task<RectificationItem> RegisterAsync(RegisterInput input)
    {
        var unit = await units.GetAsync(input.UnitId);
        if (!unit.IsActive)
        {
            throw OrganizationErrors.UnitInactive(unit.Name);
        }
        if (!LedgerRules.MayRegister(db.Actor, LedgerRules.RelationOf(db.Actor, unit.Id, unit.Path)))
        {
            throw LedgerErrors.MayNotRegisterFor();
        }
        var campaign = input.CampaignId is { } campaignId ? await campaigns.GetAsync(campaignId)
            : input.CampaignCode is { Length: > 0 } code ? await campaigns.GetAsync(code)
            : await campaigns.DefaultAsync();
        campaign.RequireOpen();
        await CheckReferencesAsync(input.Details, unit.Id);
        // Numbers are per campaign; two people registering at once collide on the unique index and retry.
        for (var attempt = 1; ; attempt++)
        {
            var number = await db.LastNumberAsync(campaign.Id);
            var item = RectificationItem.Register(campaign.Id, campaign.Year, number + 1, unit.Id, unit.Path,
                input.Details, By, Now, campaign.ItemPrefix);
            db.Items.Add(item);
            try
            {
                await db.SaveChangesAsync();
                return item;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    public Task<RectificationItem> EditAsync(int id, int? expectedVersion, ItemDetails details) =>
        ActAsync(id, ItemAction.Edit, expectedVersion, async item =>
        {
            await CheckReferencesAsync(details, item.UnitId, item);
            item.Edit(details, await NamesAsync(item, [details.LeaderPersonId, details.ResponsiblePersonId], details.CategoryIds), By, Now, mayChangeDeadline: Supervises, mayChangeFindings: Supervises);
        });

    /// <summary>Whether the actor may change the item's problem, categories and source (the edit page asks).</summary>
    public bool MayChangeFindings(RectificationItem item) => !item.FindingsNeedASupervisor || Supervises;

    /// <summary>
    /// Takes a workflow action (editing has its own form, <see cref="EditAsync"/>) with what the person sent: the
    /// one path the API, the page forms and the command line share.
    /// </summary>
    public Task<RectificationItem> ActAsync(int id, ItemAction action, ActionInput input, CancellationToken cancellationToken = default) =>
        ActAsync(id, action, input.Version, item => ApplyAsync(item, action, input, cancellationToken));

    private async Task ApplyAsync(RectificationItem item, ItemAction action, ActionInput input, CancellationToken cancellationToken)
    {
        var table = LedgerWorkflow.Table[action];
        string Label(string field) => table.Fields.Single(f => f.Name == field).Label;
        switch (action)
        {
            case ItemAction.Assign:
                item.Assign(By, Now);
                break;
            case ItemAction.Start:
                item.Start(By, Now);
                break;
            case ItemAction.ReportProgress:
                item.ReportProgress(input.Text(Field.Text), By, Now);
                break;
            case ItemAction.AddEvidence:
                // The file is stored only once the item and the role are known to allow it.
                var stored = await files.SaveAsync(input.File ?? throw LedgerErrors.FileRequired(), input.FileName, cancellationToken);
                item.AddEvidence(new EvidenceFile(stored.FileName, stored.ContentType, stored.Size, stored.Sha256, By, Now), By, Now);
                break;
            case ItemAction.Submit:
                item.Submit(input.Text(Field.Note), By, Now);
                break;
            case ItemAction.Return:
                item.Return(input.Text(Field.Reason), By, Now);
                break;
            case ItemAction.Close:
                item.Close(input.Text(Field.NoEvidenceReason), input.Text(Field.Note), By, Now);
                break;
            case ItemAction.Reopen:
                item.Reopen(input.Text(Field.Reason), By, Now);
                break;
            case ItemAction.RequestExtension:
                item.RequestExtension(input.Date(Field.DueOn, Label(Field.DueOn)) ?? throw LedgerErrors.ExtensionDateRequired(),
                    input.Text(Field.Reason), By, Now);
                break;
            case ItemAction.DecideExtension:
                item.DecideExtension(input.Decision(Field.Approve, Label(Field.Approve)) ?? throw LedgerErrors.DecisionRequired(),
                    input.Text(Field.Reason), By, Now);
                break;
            case ItemAction.Reassign:
                var target = await units.GetAsync(input.Number(Field.UnitId, Label(Field.UnitId)) ?? throw LedgerErrors.TargetUnitRequired(),
                    cancellationToken);
                if (!target.IsActive)
                {
                    throw OrganizationErrors.UnitInactive(target.Name);
                }
                var responsible = input.Number(Field.ResponsiblePersonId, Label(Field.ResponsiblePersonId));
                await db.CheckPeopleAsync(target.Id, null, responsible, cancellationToken: cancellationToken);
                var handover = new Handover(target.Id, target.Path, responsible, await db.IsInLineAsync(item.LeaderPersonId, target.Path, cancellationToken));
                item.Reassign(handover, input.Text(Field.Reason), await NamesAsync(item, [responsible]), By, Now);
                break;
            case ItemAction.Urge:
                item.Urge(input.Text(Field.Message), By, Now);
                break;
            case ItemAction.WithdrawEvidence:
                item.WithdrawEvidence(input.Number(Field.FileId, Label(Field.FileId)) ?? throw LedgerErrors.EvidenceFileRequired(), By, Now);
                break;
            case ItemAction.Edit:
                throw new InvalidOperationException("Editing goes through EditAsync with the item's details.");
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    /// <summary>A download for someone whose scope covers the item; every download is audited.</summary>
    public async Task<EvidenceDownload> OpenEvidenceAsync(int itemId, int fileId)
    {
        var item = await GetAsync(itemId);
        var file = item.Evidence.FirstOrDefault(f => f.Id == fileId)
            ?? throw LedgerErrors.EvidenceNotFound(fileId);
        db.Note("evidence.download", nameof(EvidenceFile), file.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{{\"item\":\"{item.Code}\",\"file\":\"{file.Sha256}\"}}");
        await db.SaveChangesAsync();
        return new EvidenceDownload(files.Open(file.Sha256), file.FileName, file.ContentType);
    }

    private async Task<RectificationItem> ActAsync(int id, ItemAction action, int? expectedVersion,
        Func<RectificationItem, Task> change)
    {
        var item = await GetAsync(id);
        await campaigns.RequireOpenAsync(item.CampaignId);
        return await db.ActAsync(LedgerWorkflow.Table, item, action, expectedVersion, change);
    }

    /// <summary>The names of the categories and people the item has and a change gives it, for the history.</summary>
    private async Task<ItemNames> NamesAsync(RectificationItem item, IEnumerable<int?> peopleGiven, IEnumerable<int>? categoriesGiven = null)
    {
        var categoryIds = item.Categories.Select(c => c.CatalogEntryId).Concat(categoriesGiven ?? []).Distinct().ToList();
        var personIds = peopleGiven.Append(item.LeaderPersonId).Append(item.ResponsiblePersonId).OfType<int>().Distinct().ToList();
        var categories = await db.CatalogEntries.Where(e => categoryIds.Contains(e.Id)).OrderBy(e => e.Set).ThenBy(e => e.SortOrder)
            .Select(e => new NamedRef(e.Id, e.Title)).ToListAsync();
        // The person named before may have moved out of the actor's scope; the history still names them.
        var people = await db.People.IgnoreQueryFilters().Where(p => personIds.Contains(p.Id)).Select(p => new NamedRef(p.Id, p.Name)).ToListAsync();
        return new ItemNames(categories, people);
    }

    /// <summary>Checks the categories and people the details name; those already on the item stand as they are.</summary>
    private async Task CheckReferencesAsync(ItemDetails details, int unitId, RectificationItem? item = null)
    {
        var categories = details.CategoryIds.Distinct().ToList();
        var known = await db.CatalogEntries.CountAsync(e => categories.Contains(e.Id));
        if (known != categories.Count)
        {
            throw LedgerErrors.UnknownCategory();
        }
        await db.CheckPeopleAsync(unitId, details.LeaderPersonId, details.ResponsiblePersonId, item);
    }
}
