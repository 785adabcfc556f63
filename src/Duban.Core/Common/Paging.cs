namespace Duban.Core.Common;

/// <summary>One page of a list, with the total so pagers can show "共 N 条".</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

/// <summary>A requested page, clamped to sane bounds so no caller can ask for everything at once.</summary>
public readonly record struct PageRequest
{
    public const int MaxPageSize = 200;
    public const int DefaultPageSize = 20;

    public PageRequest(int? page, int? pageSize)
    {
        PageSize = Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
        // Far enough for any real list, near enough that the offset fits every database's integer.
        PageNumber = Math.Clamp(page ?? 1, 1, int.MaxValue / MaxPageSize);
    }

    public int PageNumber { get; }
    public int PageSize { get; }
    public int Skip => (PageNumber - 1) * PageSize;
}
