using Duban.Core.Common;
using Duban.Core.Common.Scope;
using Duban.Core.Common.Workflow;
using Duban.Core.Data;
using Duban.Core.Documents;
using Duban.Core.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Duban.Core.Supervision.Slips;

/// <summary>What a supervisor fills in to issue a slip.</summary>
public sealed record SlipInput(IReadOnlyList<int>? ItemIds, string? Demand, DateOnly? ReplyDueOn);

public sealed record SlipDownload(Stream Content, string FileName, string ContentType);

/// <summary>
/// Issuing urge slips (supervisors only, numbered without gaps per year) and the units' actions on them by the
/// transition table <see cref="UrgeSlipWorkflow"/>: the one path the API and the pages share.
/// </summary>
public sealed class SlipService(DubanDb db, TimeProvider clock, SlipQueries queries, WorkCalendar calendar, EvidenceStore files,
    IOptions<SupervisionOptions> options)
{
    // The person's name, as a signed paper slip would carry it.
    private SlipActor By => new(db.Actor.UserId, db.Actor.DisplayName);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<UrgeSlip> IssueAsync(SlipInput input, CancellationToken cancellationToken = default)
    {
        db.Actor.Require(SupervisionPermissions.Supervise);
        var ids = (input.ItemIds ?? []).Distinct().ToList();
        if (ids.Count > UrgeSlip.MaxItems)
        {
            throw SlipErrors.TooManyItems(UrgeSlip.MaxItems);
        }
        var slipItems = db.Set<UrgeSlipItem>();
        var found = await db.Items.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Code, i.CampaignId, i.UnitId, i.UnitPath, i.State, i.DeadlineKind, i.DueOn, i.Problem,
                HadSlip = slipItems.Any(s => s.ItemId == i.Id) })
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        foreach (var missing in ids.Where(id => !found.ContainsKey(id)))
        {
            throw SlipErrors.ItemNotFound(missing);
        }
        var unitIds = found.Values.Select(i => i.UnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var candidates = ids.Select(id => found[id]).Select(i => new SlipCandidate(i.Id, i.Code, i.CampaignId, i.UnitId, i.UnitPath,
            units[i.UnitId], i.State, i.DeadlineKind, i.DueOn, i.Problem, i.HadSlip)).ToList();
        var days = queries.Days;
        var draft = SlipDraft.Of(candidates, input.Demand, input.ReplyDueOn, days, calendar);
        var (year, by, at) = (days.Today.Year, By, Now);
        return await db.AddNumberedAsync(ct => LastNumberAsync(year, ct), number => new UrgeSlip(draft, year, number, by, at), cancellationToken);
    }

    /// <summary>Takes a workflow action with what the person sent (the API, the page forms).</summary>
    public async Task<UrgeSlip> ActAsync(int id, SlipAction action, ActionInput input, CancellationToken cancellationToken = default)
    {
        var slip = await db.Set<UrgeSlip>().Include(s => s.Items).FindInScopeAsync(id, SlipErrors.NotFound, cancellationToken);
        return await db.ActAsync(UrgeSlipWorkflow.Table, slip, action, input.Version, async s =>
        {
            switch (action)
            {
                case SlipAction.Acknowledge:
                    s.Acknowledge(By, Now);
                    break;
                case SlipAction.Reply:
                    // The file is stored only once the slip and the role are known to allow the reply.
                    SlipFile? file = null;
                    if (input.File is { } content)
                    {
                        var stored = await files.SaveAsync(content, input.FileName, cancellationToken);
                        file = new SlipFile(stored.FileName, stored.ContentType, stored.Size, stored.Sha256);
                    }
                    s.Reply(input.Text(UrgeSlipWorkflow.Field.Text), file, By, Now);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(action), action, null);
            }
        }, cancellationToken);
    }

    /// <summary>The reply's file, for someone whose scope covers the slip; every download is audited.</summary>
    public async Task<SlipDownload> OpenReplyFileAsync(int id, CancellationToken cancellationToken = default)
    {
        var slip = await db.Set<UrgeSlip>().AsNoTracking().FindInScopeAsync(id, SlipErrors.NotFound, cancellationToken);
        if (!slip.HasReplyFile)
        {
            throw SlipErrors.NoReplyFile();
        }
        db.Note("slip.reply.download", nameof(UrgeSlip), slip.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{{\"number\":\"{queries.NumberOf(slip)}\",\"file\":\"{slip.ReplyFileSha256}\"}}");
        await db.SaveChangesAsync(cancellationToken);
        return new SlipDownload(files.Open(slip.ReplyFileSha256!), slip.ReplyFileName!, slip.ReplyFileContentType!);
    }

    /// <summary>The slip as an official document (.docx), for someone whose scope covers it; audited as the reply file is.</summary>
    public async Task<SlipDownload> DocumentAsync(int id, CancellationToken cancellationToken = default)
    {
        var slip = await queries.GetAsync(id, cancellationToken);
        var number = queries.NumberOf(slip);
        var content = new MemoryStream();
        OfficialDocumentWriter.Write(SlipDocument.Of(slip, options.Value), content);
        content.Position = 0;
        db.Note("slip.document.download", nameof(UrgeSlip), slip.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{{\"number\":\"{number}\"}}");
        await db.SaveChangesAsync(cancellationToken);
        return new SlipDownload(content, SlipDocument.FileName(number), ContentTypes.Docx);
    }

    // Every slip of the year counts, whoever's scope it is in: numbers are the year's, not the reader's.
    private async Task<int> LastNumberAsync(int year, CancellationToken cancellationToken) =>
        await db.Set<UrgeSlip>().IgnoreQueryFilters().Where(s => s.Year == year).MaxAsync(s => (int?)s.Number, cancellationToken) ?? 0;
}
