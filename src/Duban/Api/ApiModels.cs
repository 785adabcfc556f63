using Duban.Core.Common;

namespace Duban.Api;

/// <summary>The paged shape every API list answers with.</summary>
public sealed record PagedResponse<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

internal static class PagedResponse
{
    public static PagedResponse<T> From<T>(Page<T> page) => new(page.Items, page.Total, page.PageNumber, page.PageSize);

    public static PagedResponse<TOut> From<TIn, TOut>(Page<TIn> page, Func<TIn, TOut> map) =>
        new([.. page.Items.Select(map)], page.Total, page.PageNumber, page.PageSize);
}
