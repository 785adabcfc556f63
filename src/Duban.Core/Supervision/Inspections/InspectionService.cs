using Duban.Core.Campaigns;
using Duban.Core.Common;
using Duban.Core.Common.Scope;
using Duban.Core.Common.Workflow;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Microsoft.EntityFrameworkCore;
using Field = Duban.Core.Supervision.Inspections.InspectionWorkflow.Field;

namespace Duban.Core.Supervision.Inspections;

/// <summary>What the supervision office fills in to plan an inspection.</summary>
public sealed record InspectionInput(string? Campaign, InspectionKind? Kind, string? Title, IReadOnlyList<int> UnitIds,
    IReadOnlyList<int> InspectorIds, DateOnly? PlannedOn, IReadOnlyList<string?> CheckList, int? DrawId = null);

/// <summary>
/// Inspections: planning them, their steps (by the transition tables of <see cref="InspectionWorkflow"/>), findings
/// and answers, and publishing, which turns the findings into ledger items. Reads go through the scope filter, so a
/// sealed covert visit is simply not found by those who may not see it.
/// </summary>
public sealed class InspectionService(DubanDb db, TimeProvider clock, CampaignService campaigns, EvidenceStore files,
    Microsoft.Extensions.Options.IOptions<LedgerOptions> ledgerOptions, Draws.DrawService draws, InspectionQueries queries)
{
    private ItemActor By => new(db.Actor.UserId, db.Actor.Name);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The inspection with its units, inspectors, findings (those the actor may see) and their items.</summary>
    public async Task<Inspection> GetAsync(int id, CancellationToken cancellationToken = default) =>
        await Loaded().FirstOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw InspectionErrors.NotFound(id);

    public async Task<Inspection> GetAsync(string code, CancellationToken cancellationToken = default)
    {
        var text = code.Trim().ToUpperInvariant();
        return await Loaded().FirstOrDefaultAsync(i => i.Code == text, cancellationToken) ?? throw InspectionErrors.CodeNotFound(code.Trim());
    }

    /// <summary>The inspection as its page and the API show it.</summary>
    public async Task<InspectionView> ViewAsync(Inspection inspection, CancellationToken cancellationToken = default)
    {
        var done = inspection.PublishedAt is not null && await queries.IsDoneAsync(inspection.Id, cancellationToken);
        return InspectionView.From(inspection, done, ChinaTime.Today(clock), ledgerOptions.Value.YellowDays);
    }

    /// <summary>A photo or document of a finding the actor may see; the download is recorded.</summary>
    public async Task<EvidenceDownload> OpenFileAsync(int inspectionId, int fileId, CancellationToken cancellationToken = default)
    {
        var inspection = await GetAsync(inspectionId, cancellationToken);
        var file = inspection.Findings.SelectMany(f => f.Files).FirstOrDefault(f => f.Id == fileId) ?? throw InspectionErrors.FileNotFound(fileId);
        db.Note("finding.file.download", nameof(FindingFile), file.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            System.Text.Json.JsonSerializer.Serialize(new { inspection = inspection.Code, file = file.Sha256 }));
        await db.SaveChangesAsync(cancellationToken);
        return new EvidenceDownload(files.Open(file.Sha256), file.FileName, file.ContentType);
    }

    private IQueryable<Inspection> Loaded() => db.Set<Inspection>()
        .Include(i => i.Targets).Include(i => i.Inspectors)
        .Include(i => i.Findings).ThenInclude(f => f.Files)
        .Include(i => i.Findings).ThenInclude(f => f.Item)
        .AsSplitQuery();

    public async Task<Inspection> CreateAsync(InspectionInput input, CancellationToken cancellationToken = default)
    {
        db.Actor.Require(SupervisionPermissions.Supervise);
        var kind = input.Kind ?? throw InspectionErrors.KindRequired();
        if (kind == InspectionKind.Revisit)
        {
            return await PlanRevisitAsync(input.DrawId ?? throw InspectionErrors.DrawRequired(), input.Title, input.InspectorIds, input.PlannedOn,
                cancellationToken);
        }
        var campaign = input.Campaign is { Length: > 0 } code ? await campaigns.GetAsync(code, cancellationToken) : await campaigns.DefaultAsync(cancellationToken);
        var units = await UnitsAsync(input.UnitIds, cancellationToken);
        var inspectors = await InspectorsAsync(input.InspectorIds, cancellationToken);
        // Checked once before numbering, so a refusal costs no number and no retry.
        Inspection.Plan(campaign, 1, kind, input.Title, input.PlannedOn, units, inspectors, input.CheckList, By, Now);
        return await db.AddNumberedAsync(ct => LastNumberAsync(campaign.Year, ct),
            number => Inspection.Plan(campaign, number, kind, input.Title, input.PlannedOn, units, inspectors, input.CheckList, By, Now),
            cancellationToken);
    }

    /// <summary>
    /// A 回头看 of a draw over closed items: the units of the drawn items are its targets, the draw's checks its
    /// results. One per draw; a replaced draw has none.
    /// </summary>
    public async Task<Inspection> PlanRevisitAsync(int drawId, string? title, IReadOnlyList<int> inspectorIds, DateOnly? plannedOn,
        CancellationToken cancellationToken = default)
    {
        db.Actor.Require(SupervisionPermissions.Supervise);
        var detail = await draws.GetAsync(drawId, cancellationToken);
        var draw = detail.Draw;
        if (draw.Population != Draws.DrawPopulation.ClosedItems)
        {
            throw InspectionErrors.RevisitOfUnits();
        }
        if (detail.ReplacedByCode is { } replacement)
        {
            throw InspectionErrors.RevisitOfReplacedDraw(draw.Code, replacement);
        }
        if (await db.Set<Inspection>().IgnoreQueryFilters().Where(i => i.DrawId == drawId).Select(i => i.Code).FirstOrDefaultAsync(cancellationToken)
            is { } existing)
        {
            throw InspectionErrors.RevisitExists(draw.Code, existing);
        }
        var campaign = await campaigns.GetAsync(draw.CampaignId, cancellationToken);
        var targets = await UnitsAsync([.. (await RevisitUnitsAsync(detail, cancellationToken)).Select(u => u.Id)], cancellationToken);
        var inspectors = await InspectorsAsync(inspectorIds, cancellationToken);
        var name = string.IsNullOrWhiteSpace(title) ? $"回头看（{draw.Code}）" : title;
        Inspection.Plan(campaign, 1, InspectionKind.Revisit, name, plannedOn, targets, inspectors, [], By, Now, drawId);
        try
        {
            return await db.AddNumberedAsync(ct => LastNumberAsync(campaign.Year, ct),
                number => Inspection.Plan(campaign, number, InspectionKind.Revisit, name, plannedOn, targets, inspectors, [], By, Now, drawId),
                cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Planned twice at once: the unique index on the draw keeps the first.
            db.ChangeTracker.Clear();
            var other = await db.Set<Inspection>().IgnoreQueryFilters().Where(i => i.DrawId == drawId).Select(i => i.Code).FirstOrDefaultAsync(cancellationToken);
            if (other is not null)
            {
                throw InspectionErrors.RevisitExists(draw.Code, other);
            }
            throw;
        }
    }

    /// <summary>The units of a draw's drawn items: the targets of its 回头看.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> RevisitUnitsAsync(Draws.DrawDetail draw, CancellationToken cancellationToken = default)
    {
        var itemIds = draw.ItemIds.Values.ToList();
        var units = await db.Items.IgnoreQueryFilters().Where(i => itemIds.Contains(i.Id)).Select(i => i.UnitId).Distinct()
            .Join(db.Units.IgnoreQueryFilters(), id => id, u => u.Id, (_, u) => new { u.Id, u.Name }).ToListAsync(cancellationToken);
        return [.. units.Select(u => (u.Id, u.Name))];
    }

    /// <summary>The checks of a 回头看's draw on items the actor may see, and the drawn items not checked yet.</summary>
    public async Task<IReadOnlyList<RevisitCheckView>> RevisitChecksAsync(Inspection inspection, CancellationToken cancellationToken = default)
    {
        if (inspection.DrawId is not { } drawId)
        {
            return [];
        }
        var draw = await db.Set<Draws.Draw>().AsNoTracking().Include(d => d.Checks).FirstAsync(d => d.Id == drawId, cancellationToken);
        var keys = draw.SelectedKeys.ToList();
        var items = await db.Items.AsNoTracking().Where(i => i.CampaignId == draw.CampaignId && keys.Contains(i.Code))
            .Select(i => new { i.Id, i.Code, i.UnitId, i.State }).ToListAsync(cancellationToken);
        var unitNames = await db.Units.IgnoreQueryFilters().Where(u => items.Select(i => i.UnitId).Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        return [.. items.OrderBy(i => keys.IndexOf(i.Code)).Select(i =>
        {
            var check = draw.Checks.FirstOrDefault(c => c.Key == i.Code);
            return new RevisitCheckView(i.Code, i.Id, unitNames.GetValueOrDefault(i.UnitId, ""), i.State, check?.Passed, check?.Reason, check?.By, check?.At);
        })];
    }

    /// <summary>Takes a step of the inspection's table with what the person sent: the API and the page forms share it.</summary>
    public async Task<Inspection> ActAsync(int id, InspectionAction action, ActionInput input, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ActOnceAsync(id, action, input, cancellationToken);
            }
            catch (DbUpdateException) when (action == InspectionAction.Publish && attempt < 5)
            {
                // Someone registered an item while the findings were numbered: number them again after it.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Inspection> ActOnceAsync(int id, InspectionAction action, ActionInput input, CancellationToken cancellationToken)
    {
        var inspection = await GetAsync(id, cancellationToken);
        return await db.ActAsync(InspectionWorkflow.Table, inspection, action, null, async i =>
        {
            switch (action)
            {
                case InspectionAction.Start:
                    i.Start();
                    break;
                case InspectionAction.CompleteFindings:
                    i.CompleteFindings();
                    break;
                case InspectionAction.AddFinding:
                    await AddFindingAsync(i, input, cancellationToken);
                    break;
                case InspectionAction.Publish:
                    await PublishAsync(i, cancellationToken);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(action), action, null);
            }
        }, cancellationToken);
    }

    /// <summary>The unit's 说明/申辩 on a finding of an announced inspection.</summary>
    public async Task<InspectionFinding> AnswerAsync(int findingId, ActionInput input, CancellationToken cancellationToken = default)
    {
        var finding = await db.Set<InspectionFinding>().Include(f => f.Inspection)
            .FindInScopeAsync(findingId, InspectionErrors.FindingNotFound, cancellationToken);
        return await db.ActAsync(InspectionWorkflow.Findings, finding, FindingAction.Answer, null, f =>
        {
            f.Inspection!.Answer(f, input.Text(Field.Text), By, Now);
            return Task.CompletedTask;
        }, cancellationToken);
    }

    private async Task AddFindingAsync(Inspection inspection, ActionInput input, CancellationToken cancellationToken)
    {
        var labels = InspectionWorkflow.Table[InspectionAction.AddFinding].Fields.ToDictionary(f => f.Name, f => f.Label);
        var unitId = input.Number(Field.UnitId, labels[Field.UnitId]) ?? throw InspectionErrors.FindingUnitRequired();
        var unitName = await db.Units.IgnoreQueryFilters().Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken)
            ?? $"单位（编号 {unitId}）";
        var severity = input.Text(Field.Severity) is { } text ? InspectionTerms.FindSeverity(text) ?? throw InspectionErrors.BadSeverity()
            : FindingSeverity.General;
        var categories = input.Numbers(Field.CategoryIds, labels[Field.CategoryIds]);
        if (categories.Count > 0 && await db.CatalogEntries.CountAsync(e => categories.Contains(e.Id), cancellationToken) != categories.Distinct().Count())
        {
            throw InspectionErrors.BadCategories();
        }
        var finding = inspection.AddFinding(unitId, unitName, input.Text(Field.Problem), categories, severity,
            input.Date(Field.DueOn, labels[Field.DueOn]), By, Now);
        // The file is stored only once the finding is known to be acceptable.
        if (input.File is { } file)
        {
            finding.Attach(new FindingFile(await files.SaveAsync(file, input.FileName, cancellationToken), Now));
        }
    }

    private async Task PublishAsync(Inspection inspection, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.GetAsync(inspection.CampaignId, cancellationToken);
        campaign.RequireOpen();
        // Items are numbered after the campaign's last; a number taken meanwhile fails the save, which the caller may retry.
        var number = await db.LastNumberAsync(campaign.Id, cancellationToken);
        var today = ChinaTime.Today(clock);
        inspection.Publish(finding =>
        {
            var foundOn = ChinaTime.DateOf(finding.RecordedAt);
            var details = new ItemDetails(finding.CategoryIds, InspectionTerms.SourceOf(inspection.Kind), finding.Problem, null,
                [$"按{InspectionTerms.Name(inspection.Kind)}（{inspection.Code}）发现的问题制定整改措施，限期整改到位。"], null, null, foundOn,
                DeadlineKind.Date, finding.DueOn ?? today.AddMonths(1), null);
            var item = RectificationItem.Register(campaign.Id, campaign.Year, ++number, finding.UnitId, finding.UnitPath, details, By, Now,
                campaign.ItemPrefix, inspection.Code);
            item.Assign(By, Now);
            return item;
        }, By, Now);
    }

    private async Task<int> LastNumberAsync(int year, CancellationToken cancellationToken) =>
        await db.Set<Inspection>().IgnoreQueryFilters().Where(i => i.Year == year).Select(i => (int?)i.Number).MaxAsync(cancellationToken) ?? 0;

    private async Task<IReadOnlyList<(int Id, string Path, string Name)>> UnitsAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToList();
        var units = await db.Units.Where(u => distinct.Contains(u.Id) && u.DeactivatedAt == null)
            .Select(u => new { u.Id, u.Path, u.Name }).ToListAsync(cancellationToken);
        if (distinct.Where(id => units.All(u => u.Id != id)).Select(id => (int?)id).FirstOrDefault() is { } missing)
        {
            throw InspectionErrors.UnitUnknown(missing);
        }
        return [.. distinct.Select(id => units.Single(u => u.Id == id)).Select(u => (u.Id, u.Path, u.Name))];
    }

    private async Task<IReadOnlyList<Inspector>> InspectorsAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToList();
        var people = await db.People.Where(p => distinct.Contains(p.Id) && p.DeactivatedAt == null)
            .Select(p => new { p.Id, p.Name, p.UnitId, UnitName = p.Unit!.Name }).ToListAsync(cancellationToken);
        if (distinct.Where(id => people.All(p => p.Id != id)).Select(id => (int?)id).FirstOrDefault() is { } missing)
        {
            throw InspectionErrors.InspectorUnknown(missing);
        }
        return [.. distinct.Select(id => people.Single(p => p.Id == id)).Select(p => new Inspector(p.Id, p.Name, p.UnitId, p.UnitName))];
    }
}
