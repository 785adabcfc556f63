using Duban.Core.Common;
using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Bulletins;

/// <summary>The list's filters: state, period (published or drafted between), number text.</summary>
public sealed record BulletinFilter(BulletinState? State = null, DateOnly? From = null, DateOnly? To = null, string? Number = null);

/// <summary>
/// A row of the list. <paramref name="Unread"/>: addressed to the reader's unit and not signed for yet (only for
/// units); <paramref name="Role"/>: why the reader's unit has it.
/// </summary>
public sealed record BulletinRow(int Id, string? Number, string Title, BulletinState State, DateOnly From, DateOnly To, string ScopeName,
    DateTime? PublishedAt, string DraftedBy, bool Unread, RecipientRole? Role)
{
    public string StateName => BulletinTerms.Name(State);
}

/// <summary>A unit's receipt of a bulletin, as the supervisor's sign-for table shows it.</summary>
public sealed record RecipientRow(int Id, int UnitId, string UnitName, RecipientRole Role, DateTime? AcknowledgedAt, string? AcknowledgedBy,
    DateOnly? FeedbackDueOn, string? FeedbackText, DateTime? FeedbackAt, string? FeedbackBy, string? ItemCode, bool Withdrawn, int Version)
{
    public string RoleName => BulletinTerms.Name(Role);
}

/// <summary>A bulletin step waiting for the reader (我的待办).</summary>
public sealed record BulletinWork(int BulletinId, int? RecipientId, string? Number, string Title, string What, DateOnly? DueOn);

/// <summary>Reading bulletins within the actor's reach: the office sees all, a unit the published ones it received.</summary>
public sealed class BulletinQueries(DubanDb db)
{
    public const int NumberMaxLength = 40;

    /// <summary>What the actor may read: everything with <see cref="BulletinPermissions.ReadAll"/>, else what reached one of its units.</summary>
    public static IQueryable<Bulletin> Visible(DubanDb db)
    {
        if (db.Actor.Can(BulletinPermissions.ReadAll))
        {
            return db.Set<Bulletin>();
        }
        // The recipients are filtered by the actor's unit scope, so only bulletins that reached their units remain.
        var received = db.Set<BulletinRecipient>().Select(r => r.BulletinId);
        return db.Set<Bulletin>().Where(b => (b.State == BulletinState.Published || b.State == BulletinState.Withdrawn) && received.Contains(b.Id));
    }

    public async Task<Page<BulletinRow>> ListAsync(BulletinFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var bulletins = Visible(db).AsNoTracking();
        if (filter.State is { } state)
        {
            bulletins = bulletins.Where(b => b.State == state);
        }
        if (filter.From is { } from)
        {
            bulletins = bulletins.Where(b => b.ToDate >= from);
        }
        if (filter.To is { } to)
        {
            bulletins = bulletins.Where(b => b.FromDate <= to);
        }
        if (Check.OptionalText(filter.Number, "文号", NumberMaxLength) is { } number)
        {
            bulletins = bulletins.Where(b => b.NumberText != null && b.NumberText.Contains(number));
        }
        var total = await bulletins.CountAsync(cancellationToken);
        var mine = db.Actor.Can(BulletinPermissions.ReadAll) ? db.Set<BulletinRecipient>().Where(r => false) : db.Set<BulletinRecipient>();
        var rows = await bulletins.OrderByDescending(b => b.PublishedAt ?? b.DraftedAt).ThenByDescending(b => b.Id).Skip(page.Skip).Take(page.PageSize)
            .Select(b => new BulletinRow(b.Id, b.NumberText, b.Title, b.State, b.FromDate, b.ToDate, b.ScopeName, b.PublishedAt, b.DraftedBy,
                mine.Any(r => r.BulletinId == b.Id && r.AcknowledgedAt == null && !r.Withdrawn),
                mine.Where(r => r.BulletinId == b.Id).OrderByDescending(r => r.Role).Select(r => (RecipientRole?)r.Role).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new Page<BulletinRow>(rows, total, page.PageNumber, page.PageSize);
    }

    /// <summary>The units that received the bulletin, as far as the actor's scope shows them.</summary>
    public async Task<IReadOnlyList<RecipientRow>> RecipientsAsync(int bulletinId, CancellationToken cancellationToken = default) =>
        await db.Set<BulletinRecipient>().AsNoTracking().Where(r => r.BulletinId == bulletinId).OrderByDescending(r => r.Role).ThenBy(r => r.UnitPath)
            .Select(r => new RecipientRow(r.Id, r.UnitId, r.UnitName, r.Role, r.AcknowledgedAt, r.AcknowledgedBy, r.FeedbackDueOn, r.FeedbackText,
                r.FeedbackAt, r.FeedbackBy, r.ItemCode, r.Withdrawn, r.Version))
            .ToListAsync(cancellationToken);

    public async Task<BulletinRecipient?> RecipientAsync(int recipientId, CancellationToken cancellationToken = default) =>
        await db.Set<BulletinRecipient>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == recipientId, cancellationToken);

    /// <summary>The receipts of the bulletin by the actor's units, as records (for what the actor may do on each).</summary>
    public async Task<IReadOnlyList<BulletinRecipient>> ReceiptsAsync(int bulletinId, CancellationToken cancellationToken = default) =>
        await db.Set<BulletinRecipient>().AsNoTracking().Where(r => r.BulletinId == bulletinId).OrderBy(r => r.UnitPath).ToListAsync(cancellationToken);

    /// <summary>The revisions, oldest first: the approval view compares the last with the one before.</summary>
    public async Task<IReadOnlyList<BulletinRevision>> RevisionsAsync(int bulletinId, CancellationToken cancellationToken = default) =>
        await db.Set<BulletinRevision>().AsNoTracking().Where(r => r.BulletinId == bulletinId).OrderBy(r => r.Id).ToListAsync(cancellationToken);

    public async Task<int?> IdOfNumberAsync(string number, CancellationToken cancellationToken = default) =>
        await Visible(db).Where(b => b.NumberText == number).Select(b => (int?)b.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Steps waiting for the actor: approvals, publishing, signing for and 整改反馈.</summary>
    public async Task<IReadOnlyList<BulletinWork>> AwaitingAsync(CancellationToken cancellationToken = default)
    {
        var actor = db.Actor;
        var bulletins = await Visible(db).AsNoTracking().Where(BulletinWorkflow.Table.AwaitingWhere(actor)).OrderBy(b => b.Id)
            .Select(b => new { b.Id, b.NumberText, b.Title, b.State }).Take(PageRequest.MaxPageSize).ToListAsync(cancellationToken);
        var received = await db.Set<BulletinRecipient>().AsNoTracking().Where(BulletinWorkflow.Recipients.AwaitingWhere(actor)).OrderBy(r => r.Id)
            .Join(db.Set<Bulletin>(), r => r.BulletinId, b => b.Id, (r, b) => new { r.Id, r.BulletinId, b.NumberText, b.Title, r.AcknowledgedAt, r.FeedbackDueOn, r.UnitName })
            .Take(PageRequest.MaxPageSize).ToListAsync(cancellationToken);
        return
        [
            .. bulletins.Select(b => new BulletinWork(b.Id, null, b.NumberText, b.Title, b.State == BulletinState.Submitted ? "审批" : "编号发布", null)),
            .. received.Select(r => new BulletinWork(r.BulletinId, r.Id, r.NumberText, r.Title,
                r.AcknowledgedAt is null ? $"签收（{r.UnitName}）" : $"报送整改反馈（{r.UnitName}）", r.AcknowledgedAt is null ? null : r.FeedbackDueOn)),
        ];
    }
}
