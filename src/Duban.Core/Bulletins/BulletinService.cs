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
        await db.SaveChangesAsync(cancellationToken);
        await AddRevisionAsync(bulletin, "生成草稿", cancellationToken);
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
        await db.SaveChangesAsync(cancellationToken);
        await AddRevisionAsync(bulletin, "生成更正草稿", cancellationToken);
        return bulletin;
    }

    public async Task<Bulletin> GetAsync(int id, CancellationToken cancellationToken = default) =>
        await BulletinQueries.Visible(db).FirstOrDefaultAsync(b => b.Id == id, cancellationToken) ?? throw BulletinErrors.NotFound(id);

    public async Task<Bulletin> EditAsync(int id, BulletinEdit edit, int? version, CancellationToken cancellationToken = default)
    {
        var bulletin = await GetAsync(id, cancellationToken);
        var addressed = edit.Addressed is { } units ? await NamedUnitsAsync(units, cancellationToken) : null;
        return await db.ActAsync(BulletinWorkflow.Table, bulletin, BulletinAction.Edit, version, b =>
        {
            b.Edit(edit with { Addressed = addressed });
            return Task.CompletedTask;
        }, cancellationToken);
    }

    public async Task<Bulletin> ActAsync(int id, BulletinAction action, ActionInput input, CancellationToken cancellationToken = default)
    {
        if (action == BulletinAction.Publish)
        {
            return await PublishAsync(id, input.Version, options.Value.PdfOnPublish, cancellationToken);
        }
        var bulletin = await GetAsync(id, cancellationToken);
        bulletin = await db.ActAsync(BulletinWorkflow.Table, bulletin, action, input.Version, async b =>
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
                    break;
                case BulletinAction.Submit:
                    b.Submit(Now);
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
                case BulletinAction.MakeItems:
                    await MakeItemsAsync(b, cancellationToken);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(action), action, null);
            }
        }, cancellationToken);
        if (action is BulletinAction.Refresh or BulletinAction.Submit)
        {
            await AddRevisionAsync(bulletin, action == BulletinAction.Submit ? "提交审批" : "刷新数据", cancellationToken);
        }
        return bulletin;
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
        if (bulletin.PdfSha256 is null)
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
                var numberText = options.Value.Number(year, number);
                // The file is rendered with the number it is about to take, as it will be published.
                b.Publish(year, number, numberText, await SaveFileAsync(BulletinDocument.Write(b, options.Value, numberText), "通报.docx", ct),
                    By, Now);
                var paths = await directory.AllAsync(db, ct);
                foreach (var unit in b.Units.GroupBy(u => u.UnitId).Select(g => g.OrderByDescending(u => u.Role).First()))
                {
                    db.Add(new BulletinRecipient(b.Id, unit, paths.TryGetValue(unit.UnitId, out var entry) ? entry.Path : string.Empty, b.FeedbackDueOn));
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

    /// <summary>One assigned ledger item per criticised unit (source 上级督查), its source code the bulletin's number.</summary>
    private async Task MakeItemsAsync(Bulletin bulletin, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.GetAsync(bulletin.CampaignId, cancellationToken);
        campaign.RequireOpen();
        bulletin.MarkItemsMade();
        var recipients = await db.Set<BulletinRecipient>().IgnoreQueryFilters()
            .Where(r => r.BulletinId == bulletin.Id && r.Role == RecipientRole.Criticised).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var number = await db.LastNumberAsync(campaign.Id, cancellationToken);
        var today = ChinaTime.Today(clock);
        var problems = bulletin.Body.Where(p => p.Part == BulletinPart.Problems && p.Heading == HeadingLevel.None).Select(p => p.Text).ToList();
        foreach (var recipient in recipients)
        {
            var said = problems.Where(p => p.Contains(recipient.UnitName, StringComparison.Ordinal)).ToList();
            var problem = $"{bulletin.NumberText}通报批评：" + (said.Count > 0 ? string.Join("", said) : bulletin.Title);
            var details = new ItemDetails([], ItemSource.SuperiorInspection, problem.Length > RectificationItem.ProblemMaxLength
                    ? problem[..(RectificationItem.ProblemMaxLength - 1)] + "…"
                    : problem, null,
                [$"针对{bulletin.NumberText}通报批评的问题，分析原因，制定整改措施，于{OfficialDocument.DateText(bulletin.FeedbackDueOn)}前反馈整改情况。"],
                null, null, today, DeadlineKind.Date, bulletin.FeedbackDueOn, null);
            var item = RectificationItem.Register(campaign.Id, campaign.Year, ++number, recipient.UnitId, recipient.UnitPath, details,
                ItemBy, Now, campaign.ItemPrefix, bulletin.NumberText);
            item.Assign(ItemBy, Now);
            db.Add(item);
            recipient.LinkItem(item.Code);
        }
    }

    private async Task<IReadOnlyList<BulletinUnit>> NamedUnitsAsync(IReadOnlyList<BulletinUnit> units, CancellationToken cancellationToken)
    {
        var known = await directory.AllAsync(db, cancellationToken);
        return [.. units.Select(u => known.TryGetValue(u.UnitId, out var entry) && db.Actor.Sees(entry.Id, entry.Path)
            ? u with { UnitName = entry.Name }
            : throw BulletinErrors.UnitUnknown(u.UnitId))];
    }

    private async Task AddRevisionAsync(Bulletin bulletin, string step, CancellationToken cancellationToken)
    {
        db.Add(new BulletinRevision(bulletin, step, By.Name, Now));
        await db.SaveChangesAsync(cancellationToken);
    }

    // Every bulletin of the year counts: numbers are the year's.
    private async Task<int> LastNumberAsync(int year, CancellationToken cancellationToken) =>
        await db.Set<Bulletin>().IgnoreQueryFilters().Where(b => b.Year == year).MaxAsync(b => b.Number, cancellationToken) ?? 0;
}
