using Duban.Core.Accounts;
using Duban.Core.Campaigns;
using Duban.Core.Common;
using Duban.Core.Common.Workflow;
using Duban.Core.Data;
using Duban.Core.Documents;
using Duban.Core.Ledger;
using Duban.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Duban.Core.Bulletins;

public sealed record BulletinDownload(Stream Content, string FileName, string ContentType);

/// <summary>
/// Drafting bulletins from the data, editing them, and every step of their tables: the one path the API, the pages
/// and the demo share. Publishing numbers, freezes and renders in one save; the PDF follows when LibreOffice can make it.
/// </summary>
public sealed class BulletinService(DubanDb db, TimeProvider clock, BulletinFactsQuery facts, IOptions<BulletinOptions> options,
    EvidenceStore files, PdfConverter pdf, UnitDirectory directory, CampaignService campaigns)
{
    private BulletinActor By => new(db.Actor.UserId, db.Actor.DisplayName);

    private ItemActor ItemBy => new(db.Actor.UserId, db.Actor.Name);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private BulletinDraftWriter Writer => new(options.Value);

    public async Task<Bulletin> DraftAsync(BulletinRequest request, CancellationToken cancellationToken = default)
    {
        db.Actor.Require(BulletinPermissions.Draft);
        var scope = await facts.ScopeAsync(request, cancellationToken);
        var counted = await facts.CountAsync(scope, cancellationToken);
        var draft = Writer.Write(counted);
        var addressed = counted.Units.Where(u => u.Found > 0).Select(u => new BulletinUnit(u.UnitId, u.UnitName, RecipientRole.Main)).ToList();
        var bulletin = Bulletin.Draft(scope, draft, addressed, options.Value.IssuingOrgan, counted.FeedbackDueOn, By, Now);
        db.Add(bulletin);
        AddRevision(bulletin, BulletinRevision.Drafted);
        await db.SaveChangesAsync(cancellationToken);
        return bulletin;
    }

    /// <summary>A correction (更正): a new draft naming the published bulletin it corrects, with its text to edit.</summary>
    public async Task<Bulletin> CorrectAsync(int id, CancellationToken cancellationToken = default)
    {
        db.Actor.Require(BulletinPermissions.Draft);
        var corrected = await GetAsync(id, cancellationToken);
        if (corrected.State != BulletinState.Published)
        {
            throw BulletinErrors.NotPublished();
        }
        var scope = new BulletinScope(corrected.CampaignId, corrected.CampaignName, corrected.FromDate, corrected.ToDate, corrected.ScopeUnitId,
            corrected.ScopeName, corrected.CutOff);
        var draft = new BulletinDraft(corrected.Title, corrected.Body, corrected.Figures, corrected.Table, [], []);
        var bulletin = Bulletin.Draft(scope, draft, [], corrected.Signature, corrected.FeedbackDueOn, By, Now, corrected);
        db.Add(bulletin);
        AddRevision(bulletin, BulletinRevision.CorrectionDrafted);
        await db.SaveChangesAsync(cancellationToken);
        return bulletin;
    }

    public async Task<Bulletin> GetAsync(int id, CancellationToken cancellationToken = default) =>
        await BulletinQueries.Visible(db).FirstOrDefaultAsync(b => b.Id == id, cancellationToken) ?? throw BulletinErrors.NotFound(id);

    public async Task<Bulletin> EditAsync(int id, BulletinEdit edit, int? version, CancellationToken cancellationToken = default)
    {
        var bulletin = await GetAsync(id, cancellationToken);
        var main = edit.Main is { } mainUnits ? await NamedUnitsAsync(mainUnits, cancellationToken) : null;
        var copy = edit.Copy is { } copyUnits ? await NamedUnitsAsync(copyUnits, cancellationToken) : null;
        return await db.ActAsync(BulletinWorkflow.Table, bulletin, BulletinAction.Edit, version, b =>
        {
            b.Edit(edit with { Main = main, Copy = copy });
            return Task.CompletedTask;
        }, cancellationToken);
    }

    public async Task<Bulletin> ActAsync(int id, BulletinAction action, ActionInput input, CancellationToken cancellationToken = default)
    {
        if (action == BulletinAction.Publish)
        {
            return await PublishAsync(id, input.Version, options.Value.PdfOnPublish, cancellationToken);
        }
        if (action == BulletinAction.MakeItems)
        {
            return await MakeItemsAsync(id, input.Version, cancellationToken);
        }
        var bulletin = await GetAsync(id, cancellationToken);
        return await db.ActAsync(BulletinWorkflow.Table, bulletin, action, input.Version, async b =>
        {
            switch (action)
            {
                case BulletinAction.Refresh:
                    var day = input.Date(BulletinWorkflow.Field.CutOff, "新的数据截止时间");
                    var cutOff = day is { } d && ChinaTime.StartOfDayUtc(d.AddDays(1)).AddSeconds(-1) < Now
                        ? ChinaTime.StartOfDayUtc(d.AddDays(1)).AddSeconds(-1)
                        : Now;
                    var scope = await facts.ScopeAsync(new BulletinRequest(b.CampaignId, b.FromDate, b.ToDate, b.ScopeUnitId, cutOff), cancellationToken);
                    b.Refresh(scope, Writer.Write(await facts.CountAsync(scope, cancellationToken)));
                    AddRevision(b, BulletinRevision.Refreshed);
                    break;
                case BulletinAction.Submit:
                    b.Submit(Now);
                    AddRevision(b, BulletinRevision.Submitted);
                    break;
                case BulletinAction.Approve:
                    b.Approve(By, Now);
                    break;
                case BulletinAction.Return:
                    b.Return(input.Text(BulletinWorkflow.Field.Reason), By, Now);
                    break;
                case BulletinAction.Withdraw:
                    b.Withdraw(input.Text(BulletinWorkflow.Field.Reason), By, Now);
                    foreach (var recipient in await db.Set<BulletinRecipient>().IgnoreQueryFilters().Where(r => r.BulletinId == b.Id).ToListAsync(cancellationToken))
                    {
                        recipient.Withdraw();
                    }
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(action), action, null);
            }
        }, cancellationToken);
    }

    public async Task<BulletinRecipient> ActOnRecipientAsync(int recipientId, RecipientAction action, ActionInput input,
        CancellationToken cancellationToken = default)
    {
        var recipient = await db.Set<BulletinRecipient>().FirstOrDefaultAsync(r => r.Id == recipientId, cancellationToken)
            ?? throw BulletinErrors.RecipientNotFound(recipientId);
        return await db.ActAsync(BulletinWorkflow.Recipients, recipient, action, input.Version, r =>
        {
            if (action == RecipientAction.Acknowledge)
            {
                r.Acknowledge(By, Now);
            }
            else
            {
                r.Feedback(input.Text(BulletinWorkflow.Field.Text), By, Now);
            }
            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>The receipt of a bulletin by one of the actor's units (their own by default); 404 when it did not reach it.</summary>
    public async Task<int> RecipientOfAsync(int bulletinId, int? unitId, CancellationToken cancellationToken = default)
    {
        var unit = unitId ?? db.Actor.UnitId;
        return await db.Set<BulletinRecipient>().Where(r => r.BulletinId == bulletinId && r.UnitId == unit)
            .Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken) ?? throw BulletinErrors.NotFound(bulletinId);
    }

    /// <summary>The Word file: the frozen one of a published bulletin, a fresh rendering of a draft.</summary>
    public async Task<BulletinDownload> DocxAsync(int id, CancellationToken cancellationToken = default)
    {
        var bulletin = await GetAsync(id, cancellationToken);
        Stream content = bulletin.DocxSha256 is { } sha ? files.Open(sha) : new MemoryStream(BulletinDocument.Write(bulletin, options.Value));
        return new BulletinDownload(content, BulletinDocument.FileName(bulletin, ".docx"), ContentTypes.Docx);
    }

    /// <summary>The PDF of a published bulletin: stored once made (on publishing, or on the first download when it was not made then).</summary>
    public async Task<BulletinDownload> PdfAsync(int id, CancellationToken cancellationToken = default)
    {
        var bulletin = await GetAsync(id, cancellationToken);
        if (!BulletinTerms.IsOut(bulletin.State))
        {
            throw BulletinErrors.PdfMissing("PDF 在通报发布后生成；草稿请下载 Word 文件。");
        }
        // Made once: a conversion that failed is not run again by every reader (the page says why).
        if (bulletin.PdfSha256 is null && bulletin.PdfError is null)
        {
            await RenderPdfAsync(bulletin, cancellationToken);
        }
        return bulletin.PdfSha256 is { } sha
            ? new BulletinDownload(files.Open(sha), BulletinDocument.FileName(bulletin, ".pdf"), "application/pdf")
            : throw BulletinErrors.PdfMissing(bulletin.PdfError);
    }

    /// <summary>
    /// Publishing: the next number of the year, the frozen content and the Word file, the units' receipts, in one
    /// save (retried with the next number when another publish took this one); then the PDF, when asked and possible.
    /// </summary>
    public async Task<Bulletin> PublishAsync(int id, int? version, bool renderPdf, CancellationToken cancellationToken = default)
    {
        Bulletin? published = null;
        var year = ChinaTime.Today(clock).Year;
        await db.SaveNumberedAsync(ct => LastNumberAsync(year, ct), async (number, ct) =>
        {
            var bulletin = await GetAsync(id, ct);
            published = await db.ActAsync(BulletinWorkflow.Table, bulletin, BulletinAction.Publish, version, async b =>
            {
                var (numberText, at) = (options.Value.Number(year, number), Now);
                // The file is rendered with the number and the date it is about to take, as it will be published.
                var docx = BulletinDocument.Write(b, options.Value, numberText, ChinaTime.DateOf(at));
                b.Publish(year, number, numberText, await SaveFileAsync(docx, "通报.docx", ct), By, at);
                var paths = await directory.AllAsync(db, ct);
                foreach (var unit in b.Units.GroupBy(u => u.UnitId).Select(g => g.OrderByDescending(u => u.Role).First()))
                {
                    var feedbackDue = unit.Role == RecipientRole.Criticised && b.CorrectsId is null ? b.FeedbackDueOn : (DateOnly?)null;
                    db.Add(new BulletinRecipient(b.Id, unit, paths.TryGetValue(unit.UnitId, out var entry) ? entry.Path : string.Empty, feedbackDue));
                }
            }, ct);
        }, cancellationToken);
        var result = published!;
        if (renderPdf)
        {
            await RenderPdfAsync(result, cancellationToken);
        }
        return result;
    }

    private async Task RenderPdfAsync(Bulletin bulletin, CancellationToken cancellationToken)
    {
        byte[] docx;
        await using (var stored = files.Open(bulletin.DocxSha256!))
        using (var copy = new MemoryStream())
        {
            await stored.CopyToAsync(copy, cancellationToken);
            docx = copy.ToArray();
        }
        var conversion = await pdf.ConvertAsync(docx, cancellationToken);
        var file = conversion.Pdf is { } bytes ? await SaveFileAsync(bytes, "通报.pdf", cancellationToken) : null;
        bulletin.AttachPdf(file, conversion.Error);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<BulletinFile> SaveFileAsync(byte[] content, string name, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content);
        var stored = await files.SaveAsync(stream, name, cancellationToken);
        return new BulletinFile(stored.Sha256, stored.Size);
    }

    /// <summary>
    /// One assigned ledger item per criticised unit (source 上级督查, source code the bulletin's number), quoting what the
    /// bulletin says of that unit; numbered after the campaign's last item, again with the next if another took it.
    /// </summary>
    private async Task<Bulletin> MakeItemsAsync(int id, int? version, CancellationToken cancellationToken)
    {
        Bulletin? done = null;
        var campaignId = (await GetAsync(id, cancellationToken)).CampaignId;
        await db.SaveNumberedAsync(ct => db.LastNumberAsync(campaignId, ct), async (first, ct) =>
        {
            var bulletin = await GetAsync(id, ct);
            done = await db.ActAsync(BulletinWorkflow.Table, bulletin, BulletinAction.MakeItems, version, async b =>
            {
                var campaign = await campaigns.GetAsync(b.CampaignId, ct);
                campaign.RequireOpen();
                b.MarkItemsMade();
                var recipients = await db.Set<BulletinRecipient>().IgnoreQueryFilters()
                    .Where(r => r.BulletinId == b.Id && r.Role == RecipientRole.Criticised).OrderBy(r => r.Id).ToListAsync(ct);
                var problems = b.Body.Where(p => p.Part == BulletinPart.Problems && p.Heading != HeadingLevel.First).Select(p => p.Text).ToList();
                var number = first - 1;
                foreach (var recipient in recipients)
                {
                    var said = problems.Where(p => BulletinText.Names(p, recipient.UnitName)).ToList();
                    var problem = $"{b.NumberText}通报批评：" + (said.Count > 0 ? string.Join("", said) : b.Title);
                    var details = new ItemDetails([], ItemSource.SuperiorInspection, problem.Length > RectificationItem.ProblemMaxLength
                            ? problem[..(RectificationItem.ProblemMaxLength - 1)] + "…"
                            : problem, null,
                        [$"针对{b.NumberText}通报批评的问题，分析原因，制定整改措施，于{OfficialDocument.DateText(b.FeedbackDueOn)}前反馈整改情况。"],
                        null, null, ChinaTime.Today(clock), DeadlineKind.Date, b.FeedbackDueOn, null);
                    var item = RectificationItem.Register(campaign.Id, campaign.Year, ++number, recipient.UnitId, recipient.UnitPath, details,
                        ItemBy, Now, campaign.ItemPrefix, b.NumberText);
                    item.Assign(ItemBy, Now);
                    db.Add(item);
                    recipient.LinkItem(item.Code);
                }
            }, ct);
        }, cancellationToken);
        return done!;
    }

    private async Task<IReadOnlyList<BulletinUnit>> NamedUnitsAsync(IReadOnlyList<BulletinUnit> units, CancellationToken cancellationToken)
    {
        var known = await directory.AllAsync(db, cancellationToken);
        return [.. units.Select(u => known.TryGetValue(u.UnitId, out var entry) && db.Actor.Sees(entry.Id, entry.Path)
            ? u with { UnitName = entry.Name }
            : throw BulletinErrors.UnitUnknown(u.UnitId))];
    }

    // Added before the step's own save, so the text and its revision commit together.
    private void AddRevision(Bulletin bulletin, string step) => db.Add(new BulletinRevision(bulletin, step, By.Name, Now));

    // Every bulletin of the year counts: numbers are the year's.
    private async Task<int> LastNumberAsync(int year, CancellationToken cancellationToken) =>
        await db.Set<Bulletin>().IgnoreQueryFilters().Where(b => b.Year == year).MaxAsync(b => b.Number, cancellationToken) ?? 0;
}
