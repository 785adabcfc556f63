using Duban.Core.Common;

namespace Duban.Core.Catalog;

/// <summary>What the catalog feature refuses, in the words users see.</summary>
public static class CatalogErrors
{
    public static DubanException NotFound(int id) => new(ErrorKind.NotFound, $"问题目录条目（编号 {id}）不存在。");
}
