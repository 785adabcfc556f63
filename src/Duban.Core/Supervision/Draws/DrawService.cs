using System.Globalization;
using Duban.Core.Accounts;
using Duban.Core.Campaigns;
using Duban.Core.Common;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Supervision.Draws;

/// <summary>What a person asks a draw for: campaign code, population ("closedItems" or "units"), N, and optionally a seed, exclusions and the draw it replaces with why.</summary>
public sealed record DrawInput(string? Campaign, string? Population, int? Count, string? Seed = null, IReadOnlyList<string>? Exclude = null,
    int? Replaces = null, string? Reason = null);

/// <summary>The draw list's filter: drawn on a China day from–to (both optional, inclusive).</summary>
public sealed record DrawFilter(DateOnly? From = null, DateOnly? To = null);

/// <summary>A 回头看 result as typed: the drawn key, passed or not, and the reason (required when not passed).</summary>
public sealed record CheckInput(string? Key, bool? Passed, string? Reason);

/// <summary>A draw in a list, without its key lists.</summary>
public sealed record DrawRow(int Id, string Code, string Campaign, DrawPopulation Population, int Count, int PopulationSize,
    string DrawnBy, DateTime DrawnAt, string? Replaces, string? ReplacedBy, int Checks, int Failed);

/// <summary>A draw with what its page and answer name beside it: the campaign, the draw it replaces, the one replacing it, the drawn items' ids.</summary>
public sealed record DrawDetail(Draw Draw, string Campaign, string? ReplacesCode, int? ReplacedById, string? ReplacedByCode,
    IReadOnlyDictionary<string, int> ItemIds);

/// <summary>A stored draw recomputed: whether its hash and selection come out the same, and where not, how.</summary>
public sealed record DrawVerification(string Code, string StoredHash, string ComputedHash, IReadOnlyList<string> Stored,
    IReadOnlyList<string> Computed)
{
    public bool HashMatches => StoredHash == ComputedHash;
    public bool SelectionMatches => Stored.SequenceEqual(Computed, StringComparer.Ordinal);
    public bool Consistent => HashMatches && SelectionMatches;
    public IReadOnlyList<string> OnlyStored => [.. Stored.Except(Computed, StringComparer.Ordinal)];
    public IReadOnlyList<string> OnlyComputed => [.. Computed.Except(Stored, StringComparer.Ordinal)];
}

/// <summary>
/// Random draws and their 回头看 checks. Draws are seen only by roles that see everything (a draw can name the
/// targets of a covert visit), and everyone else is told the same "not found" as for a missing draw; only the
/// supervision office draws and checks. Each write is one audited save.
/// </summary>
public sealed class DrawService(DubanDb db, TimeProvider clock, CampaignService campaigns, EvidenceStore files)
{
    private ItemActor By => new(db.Actor.UserId, db.Actor.Name);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Whether the actor may see draws at all.</summary>
    public bool MayRead => db.Actor.Scope == DataScope.All;

    public bool MayDraw => db.Actor.Can(SupervisionPermissions.Supervise);

    public async Task<Page<DrawRow>> ListAsync(DrawFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        RequireReader();
        var draws = db.Set<Draw>().AsNoTracking();
        if (filter.From is { } from)
        {
            var start = ChinaTime.StartOfDayUtc(Check.Date(from, "抽签日期起", "from"));
            draws = draws.Where(d => d.DrawnAt >= start);
        }
        if (filter.To is { } to)
        {
            var end = ChinaTime.StartOfDayUtc(Check.Date(to, "抽签日期止", "to").AddDays(1));
            draws = draws.Where(d => d.DrawnAt < end);
        }
        var total = await draws.CountAsync(cancellationToken);
        var rows = await draws.OrderByDescending(d => d.DrawnAt).ThenByDescending(d => d.Id).Skip(page.Skip).Take(page.PageSize)
            .Select(d => new DrawRow(d.Id, d.Code,
                db.Set<Campaign>().Where(c => c.Id == d.CampaignId).Select(c => c.Code).First(),
                d.Population, d.Count, d.PopulationSize, d.DrawnBy, d.DrawnAt,
                db.Set<Draw>().Where(r => r.Id == d.ReplacesDrawId).Select(r => r.Code).FirstOrDefault(),
                db.Set<Draw>().Where(r => r.ReplacesDrawId == d.Id).Select(r => r.Code).FirstOrDefault(),
                d.Checks.Count, d.Checks.Count(c => !c.Passed)))
            .ToListAsync(cancellationToken);
        return new Page<DrawRow>(rows, total, page.PageNumber, page.PageSize);
    }

    public async Task<DrawDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        RequireReader();
        var draw = await db.Set<Draw>().AsNoTracking().Include(d => d.Checks.OrderBy(c => c.Id))
            .FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw DrawErrors.NotFound();
        return await DetailAsync(draw, cancellationToken);
    }

    /// <summary>How many candidates a draw would have now, after exclusion (the page's 预览 step).</summary>
    public async Task<(string Campaign, int Size)> PreviewAsync(string? campaignCode, string? population, IReadOnlyList<string>? exclude,
        CancellationToken cancellationToken = default)
    {
        db.Actor.Require(SupervisionPermissions.Supervise);
        var campaign = await CampaignAsync(campaignCode, cancellationToken);
        var candidates = new HashSet<string>(await CandidatesAsync(campaign, DrawTerms.Parse(population), cancellationToken), StringComparer.Ordinal);
        foreach (var key in (exclude ?? []).Select(k => k?.Trim() ?? "").Where(k => k.Length > 0))
        {
            if (!candidates.Remove(key))
            {
                throw DrawErrors.ExcludedNotInPopulation(key);
            }
        }
        return (campaign.Code, candidates.Count);
    }

    public async Task<DrawDetail> DrawAsync(DrawInput input, CancellationToken cancellationToken = default)
    {
        db.Actor.Require(SupervisionPermissions.Supervise);
        var campaign = await CampaignAsync(input.Campaign, cancellationToken);
        var population = DrawTerms.Parse(input.Population);
        Draw? replaces = null;
        string? replacedBy = null;
        if (input.Replaces is { } replacesId)
        {
            replaces = await db.Set<Draw>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == replacesId, cancellationToken)
                ?? throw DrawErrors.NotFound();
            replacedBy = await ReplacementAsync(replacesId, cancellationToken);
        }
        var candidates = await CandidatesAsync(campaign, population, cancellationToken);
        var request = new DrawRequest(population, input.Count, input.Seed, input.Exclude, replaces, replacedBy, input.Reason);
        // Drawn once, before numbering: a refusal costs no number, and a retry for the number draws nothing again.
        var drawn = Draw.Make(campaign.Id, campaign.Year, 0, candidates, request, By, Now);
        Draw draw;
        try
        {
            draw = await db.AddNumberedAsync(
                async ct => await db.Set<Draw>().Where(d => d.Year == campaign.Year).Select(d => (int?)d.Number).MaxAsync(ct) ?? 0,
                drawn.Numbered, cancellationToken);
        }
        catch (DbUpdateException) when (replaces is not null)
        {
            // Two redraws of one draw at once: the unique index keeps the first.
            db.ChangeTracker.Clear();
            throw DrawErrors.AlreadyReplaced(replaces.Code, await ReplacementAsync(replaces.Id, cancellationToken) ?? "另一次抽取");
        }
        return await DetailAsync(draw, cancellationToken);
    }

    /// <summary>
    /// Records a 回头看 result for a drawn item. A failed one reopens the item through the ledger's own path, with a
    /// reason naming the draw, in the same save as the check: both are written or neither.
    /// </summary>
    public async Task<DrawDetail> CheckAsync(int id, CheckInput input, Stream? evidence = null, string? fileName = null,
        CancellationToken cancellationToken = default)
    {
        db.Actor.Require(SupervisionPermissions.Supervise);
        RequireReader();
        var draw = await db.Set<Draw>().Include(d => d.Checks).FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw DrawErrors.NotFound();
        var replacedBy = await ReplacementAsync(draw.Id, cancellationToken);
        var key = draw.RequireCheckable(input.Key, replacedBy);
        var item = await db.Items.FirstOrDefaultAsync(i => i.CampaignId == draw.CampaignId && i.Code == key, cancellationToken)
            ?? throw DrawErrors.ItemMissing(key);
        if (item.State != ItemState.Closed)
        {
            throw DrawErrors.ItemNotClosed(key, LedgerTerms.Name(item.State));
        }
        DrawCheck.Verdict(input.Passed, input.Reason);
        // The file is stored only once everything else is known to be acceptable.
        var stored = evidence is null ? null : await files.SaveAsync(evidence, fileName, cancellationToken);
        var check = draw.RecordCheck(key, input.Passed, input.Reason, replacedBy, item.Id, item.UnitId, stored, By, Now);
        try
        {
            if (check.Passed)
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            else
            {
                await db.ActAsync(LedgerWorkflow.Table, item, ItemAction.Reopen, null, reopened =>
                {
                    reopened.Reopen(draw.ReopenReason(check.Reason!), By, Now);
                    return Task.CompletedTask;
                }, cancellationToken);
            }
        }
        catch (DbUpdateException)
        {
            // The same key checked twice at once: the unique index keeps the first.
            db.ChangeTracker.Clear();
            throw DrawErrors.AlreadyChecked(key);
        }
        return await DetailAsync(draw, cancellationToken);
    }

    /// <summary>The population as a text file, one key per line: the lines joined by "\n" are what the hash is of.</summary>
    public async Task<(string Code, string Text)> PopulationFileAsync(int id, CancellationToken cancellationToken = default)
    {
        RequireReader();
        var file = await db.Set<Draw>().AsNoTracking().Where(d => d.Id == id).Select(d => new { d.Code, d.PopulationText })
            .FirstOrDefaultAsync(cancellationToken) ?? throw DrawErrors.NotFound();
        return (file.Code, file.PopulationText);
    }

    /// <summary>Recomputes a stored draw from its stored population and seed (<c>duban draw verify</c>).</summary>
    public async Task<DrawVerification> VerifyAsync(string code, CancellationToken cancellationToken = default)
    {
        RequireReader();
        var text = code.Trim().ToUpperInvariant();
        var draw = await db.Set<Draw>().AsNoTracking().FirstOrDefaultAsync(d => d.Code == text, cancellationToken) ?? throw DrawErrors.NotFound();
        return Verify(draw);
    }

    public static DrawVerification Verify(Draw draw)
    {
        var population = DrawMethod.Sorted(draw.PopulationKeys);
        return new DrawVerification(draw.Code, draw.PopulationHash, DrawMethod.PopulationHash(population), draw.SelectedKeys,
            DrawMethod.Select(draw.Seed, population, draw.Count));
    }

    private void RequireReader()
    {
        if (!MayRead)
        {
            throw DrawErrors.NotFound();
        }
    }

    private async Task<Campaign> CampaignAsync(string? code, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(code) ? throw CampaignErrors.CampaignRequired() : await campaigns.GetAsync(code, cancellationToken);

    private async Task<IReadOnlyList<string>> CandidatesAsync(Campaign campaign, DrawPopulation population, CancellationToken cancellationToken) =>
        population switch
        {
            DrawPopulation.ClosedItems => await db.Items.AsNoTracking()
                .Where(i => i.CampaignId == campaign.Id && i.State == ItemState.Closed).Select(i => i.Code).ToListAsync(cancellationToken),
            DrawPopulation.Units => [.. (await db.Units.AsNoTracking().Where(u => u.ParentId != null && u.DeactivatedAt == null)
                .Select(u => u.Id).ToListAsync(cancellationToken)).Select(u => u.ToString(CultureInfo.InvariantCulture))],
            _ => throw new ArgumentOutOfRangeException(nameof(population), population, null),
        };

    private Task<string?> ReplacementAsync(int id, CancellationToken cancellationToken) =>
        db.Set<Draw>().AsNoTracking().Where(d => d.ReplacesDrawId == id).Select(d => d.Code).FirstOrDefaultAsync(cancellationToken);

    private async Task<DrawDetail> DetailAsync(Draw draw, CancellationToken cancellationToken)
    {
        var campaign = await db.Set<Campaign>().AsNoTracking().Where(c => c.Id == draw.CampaignId).Select(c => c.Code).FirstAsync(cancellationToken);
        var replaces = draw.ReplacesDrawId is { } replacesId
            ? await db.Set<Draw>().AsNoTracking().Where(d => d.Id == replacesId).Select(d => d.Code).FirstAsync(cancellationToken)
            : null;
        var replacedBy = await db.Set<Draw>().AsNoTracking().Where(d => d.ReplacesDrawId == draw.Id).Select(d => new { d.Id, d.Code })
            .FirstOrDefaultAsync(cancellationToken);
        var selected = draw.SelectedKeys;
        var itemIds = draw.Population == DrawPopulation.ClosedItems
            ? await db.Items.AsNoTracking().Where(i => i.CampaignId == draw.CampaignId && selected.Contains(i.Code))
                .ToDictionaryAsync(i => i.Code, i => i.Id, cancellationToken)
            : new Dictionary<string, int>();
        return new DrawDetail(draw, campaign, replaces, replacedBy?.Id, replacedBy?.Code, itemIds);
    }
}
