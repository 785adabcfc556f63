using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Common;

/// <summary>
/// Records numbered without gaps or repeats within a series (DC-2026-001, CJ-2026-001, 督〔2026〕12号): the next number is
/// the highest committed one plus one, and a unique index over the series and number turns two concurrent saves of
/// the same number into a retry of the later one. A failed save commits nothing, so no number is skipped.
/// </summary>
public static class NumberedRecords
{
    private const int MaxAttempts = 60;

    /// <summary>
    /// Saves the record <paramref name="create"/> makes with the series' next number. On a collision the change
    /// tracker is cleared and the record made again, so <paramref name="create"/> builds everything the save needs.
    /// </summary>
    public static async Task<T> AddNumberedAsync<T>(this DubanDb db, Func<CancellationToken, Task<int>> lastNumber, Func<int, T> create,
        CancellationToken cancellationToken = default) where T : class
    {
        T? record = null;
        await db.SaveNumberedAsync(lastNumber, async (number, ct) =>
        {
            record = create(number);
            db.Set<T>().Add(record);
            await db.SaveChangesAsync(ct);
        }, cancellationToken);
        return record!;
    }

    /// <summary>
    /// Runs <paramref name="numberAndSave"/> with the series' next number; it loads what it changes, gives it the
    /// number and saves. When the save fails because someone else took that number meanwhile, the change tracker is
    /// cleared and it runs again with the next one. A stale version is not a taken number: it fails as it is.
    /// </summary>
    public static async Task SaveNumberedAsync(this DubanDb db, Func<CancellationToken, Task<int>> lastNumber,
        Func<int, CancellationToken, Task> numberAndSave, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var number = await lastNumber(cancellationToken) + 1;
            try
            {
                await numberAndSave(number, cancellationToken);
                return;
            }
            catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && attempt < MaxAttempts)
            {
                db.ChangeTracker.Clear();
                // Only a number someone else took is retried; any other failure is the caller's to see.
                if (await lastNumber(cancellationToken) < number)
                {
                    throw;
                }
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken);
            }
        }
    }
}
