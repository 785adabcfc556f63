using Duban.Core.Accounts;
using Duban.Core.Common;
using Duban.Core.Common.Scope;
using Duban.Core.Data;
using Duban.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Ledger;

public sealed record RegisterInput(int? CampaignId, int UnitId, ItemDetails Details);

public sealed record EvidenceDownload(Stream Content, string FileName, string ContentType);

/// <summary>
/// Changing the ledger: each command loads the item within the actor's scope, checks the role against the
/// transition table, lets the item change itself, and saves (with its audit events) or refuses with a reason.
/// </summary>
public sealed class LedgerService(DubanDb db, TimeProvider clock, UnitService units, EvidenceStore files)
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
        if (!LedgerRules.MayRegister(db.Actor, LedgerRules.RelationOf(db.Actor, unit.Id, unit.Path, null)))
        {
            throw new DubanException(ErrorKind.Forbidden, "您的角色无权为该单位登记整改事项。");
        }
        var campaign = input.CampaignId is { } campaignId
            ? await db.Campaigns.FirstOrDefaultAsync(c => c.Id == campaignId)
              ?? throw new DubanException(ErrorKind.NotFound, $"活动（编号 {campaignId}）不存在。")
            : await db.Campaigns.OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).FirstOrDefaultAsync()
              ?? throw new DubanException(ErrorKind.Validation, "还没有任何活动：请先创建活动，再登记整改事项。");
        await CheckReferencesAsync(input.Details);
        // Numbers are per campaign; two people registering at once collide on the unique index and retry.
        for (var attempt = 1; ; attempt++)
        {
            var number = await db.Items.IgnoreQueryFilters().Where(i => i.CampaignId == campaign.Id)
                .Select(i => (int?)i.Number).MaxAsync() ?? 0;
            var item = RectificationItem.Register(campaign.Id, campaign.Year, number + 1, unit.Id, unit.Path,
                input.Details, By, Now);
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
            await CheckReferencesAsync(details, item);
            item.Edit(details, await NamesAsync(item, details), By, Now, mayChangeDeadline: Supervises, mayChangeFindings: Supervises);
        });

    /// <summary>Whether the actor may change the item's problem, categories and source (the edit page asks).</summary>
    public bool MayChangeFindings(RectificationItem item) => !item.FindingsNeedASupervisor || Supervises;

    public Task<RectificationItem> AssignAsync(int id, int? version = null) =>
        ActAsync(id, ItemAction.Assign, version, item => item.Assign(By, Now));

    public Task<RectificationItem> StartAsync(int id, int? version = null) =>
        ActAsync(id, ItemAction.Start, version, item => item.Start(By, Now));

    public Task<RectificationItem> ReportProgressAsync(int id, string? text, int? version = null) =>
        ActAsync(id, ItemAction.ReportProgress, version, item => item.ReportProgress(text, By, Now));

    public Task<RectificationItem> SubmitAsync(int id, string? note, int? version = null) =>
        ActAsync(id, ItemAction.Submit, version, item => item.Submit(note, By, Now));

    public Task<RectificationItem> ReturnAsync(int id, string? reason, int? version = null) =>
        ActAsync(id, ItemAction.Return, version, item => item.Return(reason, By, Now));

    public Task<RectificationItem> CloseAsync(int id, string? noEvidenceReason, string? note, int? version = null) =>
        ActAsync(id, ItemAction.Close, version, item => item.Close(noEvidenceReason, note, By, Now));

    public Task<RectificationItem> ReopenAsync(int id, string? reason, int? version = null) =>
        ActAsync(id, ItemAction.Reopen, version, item => item.Reopen(reason, By, Now));

    public Task<RectificationItem> RequestExtensionAsync(int id, DateOnly? dueOn, string? reason, int? version = null) =>
        ActAsync(id, ItemAction.RequestExtension, version, item =>
            item.RequestExtension(dueOn ?? throw new DubanException(ErrorKind.Validation, "请填写申请延期到的日期。", "dueOn"), reason, By, Now));

    public Task<RectificationItem> DecideExtensionAsync(int id, bool approve, string? reason, int? version = null) =>
        ActAsync(id, ItemAction.DecideExtension, version, item => item.DecideExtension(approve, reason, By, Now));

    public Task<RectificationItem> ReassignAsync(int id, int unitId, string? reason, int? version = null) =>
        ActAsync(id, ItemAction.Reassign, version, async item =>
        {
            var target = await units.GetAsync(unitId);
            item.Reassign(target.Id, target.Path, reason, By, Now);
        });

    public Task<RectificationItem> UrgeAsync(int id, string? message, int? version = null) =>
        ActAsync(id, ItemAction.Urge, version, item => item.Urge(message, By, Now));

    /// <summary>Stores the file only after the item and the role are known to allow it.</summary>
    public Task<RectificationItem> AddEvidenceAsync(int id, Stream content, string? fileName, CancellationToken cancellationToken = default) =>
        ActAsync(id, ItemAction.AddEvidence, null, async item =>
        {
            var stored = await files.SaveAsync(content, fileName, cancellationToken);
            item.AddEvidence(new EvidenceFile(stored.FileName, stored.ContentType, stored.Size, stored.Sha256, By, Now), By, Now);
        });

    /// <summary>A download for someone whose scope covers the item; every download is audited.</summary>
    public async Task<EvidenceDownload> OpenEvidenceAsync(int itemId, int fileId)
    {
        var item = await GetAsync(itemId);
        var file = item.Evidence.FirstOrDefault(f => f.Id == fileId)
            ?? throw new DubanException(ErrorKind.NotFound, $"佐证材料（编号 {fileId}）不存在。");
        db.Note("evidence.download", nameof(EvidenceFile), file.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{{\"item\":\"{item.Code}\",\"file\":\"{file.Sha256}\"}}");
        await db.SaveChangesAsync();
        return new EvidenceDownload(files.Open(file.Sha256), file.FileName, file.ContentType);
    }

    private Task<RectificationItem> ActAsync(int id, ItemAction action, int? expectedVersion, Action<RectificationItem> change) =>
        ActAsync(id, action, expectedVersion, item =>
        {
            change(item);
            return Task.CompletedTask;
        });

    private async Task<RectificationItem> ActAsync(int id, ItemAction action, int? expectedVersion,
        Func<RectificationItem, Task> change)
    {
        var item = await GetAsync(id);
        if (!LedgerRules.RoleMay(action, db.Actor, LedgerRules.RelationOf(db.Actor, item)))
        {
            throw LedgerErrors.RoleMayNot(action);
        }
        if (expectedVersion is not null && expectedVersion != item.Version)
        {
            throw LedgerErrors.Stale();
        }
        await change(item);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            throw LedgerErrors.Stale();
        }
        return item;
    }

    /// <summary>The names of the categories and people the item has and the edit gives it, for the history.</summary>
    private async Task<ItemNames> NamesAsync(RectificationItem item, ItemDetails details)
    {
        var categoryIds = item.Categories.Select(c => c.CatalogEntryId).Concat(details.CategoryIds).Distinct().ToList();
        var personIds = new[] { item.LeaderPersonId, item.ResponsiblePersonId, details.LeaderPersonId, details.ResponsiblePersonId }
            .OfType<int>().Distinct().ToList();
        var categories = await db.CatalogEntries.Where(e => categoryIds.Contains(e.Id)).OrderBy(e => e.Set).ThenBy(e => e.SortOrder)
            .Select(e => new NamedRef(e.Id, e.Title)).ToListAsync();
        // The person named before may have moved out of the actor's scope; the history still names them.
        var people = await db.People.IgnoreQueryFilters().Where(p => personIds.Contains(p.Id)).Select(p => new NamedRef(p.Id, p.Name)).ToListAsync();
        return new ItemNames(categories, people);
    }

    /// <summary>Checks the categories and people the details name; those already on the item stand as they are.</summary>
    private async Task CheckReferencesAsync(ItemDetails details, RectificationItem? item = null)
    {
        var categories = details.CategoryIds.Distinct().ToList();
        var known = await db.CatalogEntries.CountAsync(e => categories.Contains(e.Id));
        if (known != categories.Count)
        {
            throw new DubanException(ErrorKind.Validation, "所选问题类别不存在。", "categoryIds");
        }
        foreach (var (personId, label) in new[] { (details.LeaderPersonId, "责任领导"), (details.ResponsiblePersonId, "责任人") })
        {
            // Only people the actor can see: naming someone is no way to look up the whole district.
            if (personId is not null && personId != item?.LeaderPersonId && personId != item?.ResponsiblePersonId
                && !await db.People.AnyAsync(p => p.Id == personId))
            {
                throw new DubanException(ErrorKind.Validation, $"{label}（人员编号 {personId}）不存在或不在您的数据范围内。");
            }
        }
    }
}
