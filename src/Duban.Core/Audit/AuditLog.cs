using Duban.Core.Accounts;
using Duban.Core.Common;
using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Audit;

public sealed record AuditQuery(string? Actor = null, string? Action = null, string? EntityType = null,
    DateOnly? From = null, DateOnly? To = null);

/// <summary>The result of recomputing the chain: intact, or the first event that does not match.</summary>
public sealed record ChainCheck(long Checked, long? FirstBrokenSequence, string? Problem)
{
    public bool IsIntact => FirstBrokenSequence is null;
}

/// <summary>Reading the audit log (with filters and paging) and verifying its hash chain.</summary>
public sealed class AuditLog(DubanDb db)
{
    public async Task<Page<AuditEvent>> SearchAsync(AuditQuery query, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        db.Actor.Require(AuditPermissions.View);
        var events = db.AuditEvents.AsNoTracking();
        var actor = Check.OptionalText(query.Actor, "操作人", 100);
        if (actor is not null)
        {
            events = events.Where(e => e.ActorName.Contains(actor));
        }
        var action = Check.OptionalText(query.Action, "操作", 100);
        if (action is not null)
        {
            events = events.Where(e => e.Action.Contains(action));
        }
        var type = Check.OptionalText(query.EntityType, "对象类型", 100);
        if (type is not null)
        {
            events = events.Where(e => e.EntityType == type);
        }
        Check.That(query.From is null || (query.From.Value.Year is >= 2000 and <= 2100), AuditErrors.FromOutOfRange);
        Check.That(query.To is null || (query.To.Value.Year is >= 2000 and <= 2100), AuditErrors.ToOutOfRange);
        if (query.From is { } from)
        {
            var start = ChinaTime.StartOfDayUtc(from);
            events = events.Where(e => e.At >= start);
        }
        if (query.To is { } to)
        {
            var end = ChinaTime.StartOfDayUtc(WorkCalendar.AddDays(to, 1));
            events = events.Where(e => e.At < end);
        }
        var total = await events.CountAsync(cancellationToken);
        var rows = await events.OrderByDescending(e => e.Sequence).Skip(page.Skip).Take(page.PageSize)
            .ToListAsync(cancellationToken);
        return new Page<AuditEvent>(rows, total, page.PageNumber, page.PageSize);
    }

    /// <summary>Recomputes every hash in order; a changed, removed or inserted row breaks the chain there.</summary>
    public async Task<ChainCheck> VerifyAsync(CancellationToken cancellationToken = default)
    {
        db.Actor.Require(AuditPermissions.View);
        long expectedSequence = 1;
        var previous = AuditEvent.GenesisHash;
        await foreach (var e in db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable()
                           .WithCancellation(cancellationToken))
        {
            if (e.Sequence != expectedSequence)
            {
                return new ChainCheck(expectedSequence - 1, expectedSequence, $"缺少第 {expectedSequence} 条事件（下一条为第 {e.Sequence} 条）。");
            }
            if (e.PreviousHash != previous)
            {
                return new ChainCheck(expectedSequence - 1, e.Sequence, $"第 {e.Sequence} 条事件记录的前序哈希与第 {e.Sequence - 1} 条不符。");
            }
            if (e.ComputeHash() != e.Hash)
            {
                return new ChainCheck(expectedSequence - 1, e.Sequence, $"第 {e.Sequence} 条事件的内容与其哈希不符（已被改动）。");
            }
            previous = e.Hash;
            expectedSequence++;
        }
        return new ChainCheck(expectedSequence - 1, null, null);
    }
}
