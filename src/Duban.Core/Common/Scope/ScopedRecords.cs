using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Common.Scope;

public static class ScopedRecords
{
    /// <summary>
    /// The record with this id as the actor's scope shows it, or the not-found error: a record outside the scope is
    /// not found either, so a refusal never confirms that it exists.
    /// </summary>
    public static async Task<T> FindInScopeAsync<T>(this IQueryable<T> records, int id, Func<int, DubanException> notFound,
        CancellationToken cancellationToken = default) where T : class, IUnitScoped<T> =>
        await records.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw notFound(id);
}
