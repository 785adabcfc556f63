namespace Duban.Core.Spreadsheets;

/// <summary>A name read from a cell, matched to one record — or an error naming what is wrong.</summary>
public sealed record NameMatch(int? Id, string? Warning, string? Error)
{
    public static NameMatch To(int id, string? warning = null) => new(id, warning, null);
    public static NameMatch Fail(string error) => new(null, null, error);
}

/// <summary>
/// Matches 责任单位 cells to units: the exact name, a configured alias, or a name that abbreviates exactly one unit
/// (督查室 for 调研督查室, with a warning). An unknown unit is an error: an import never makes new units.
/// </summary>
public sealed class UnitMatcher
{
    private readonly IReadOnlyDictionary<int, string> _units;
    private readonly IReadOnlyDictionary<string, string> _aliases;

    /// <param name="units">Unit ids and names.</param>
    /// <param name="aliases">Other names for units (alias → unit name), from configuration.</param>
    public UnitMatcher(IReadOnlyDictionary<int, string> units, IReadOnlyDictionary<string, string>? aliases = null)
    {
        _units = units;
        _aliases = aliases ?? new Dictionary<string, string>();
    }

    public NameMatch Match(string? cell)
    {
        var name = Clean(cell);
        if (name.Length == 0)
        {
            return NameMatch.Fail("责任单位为空。");
        }
        if (_aliases.TryGetValue(name, out var aliased))
        {
            name = Clean(aliased);
        }
        var exact = _units.Where(u => Clean(u.Value) == name).Select(u => u.Key).ToList();
        if (exact.Count == 1)
        {
            return NameMatch.To(exact[0]);
        }
        var abbreviated = name.Length < 2 ? [] : _units.Where(u => IsAbbreviationOf(name, Clean(u.Value))).ToList();
        return abbreviated.Count switch
        {
            1 => NameMatch.To(abbreviated[0].Key, $"单位“{name}”按“{abbreviated[0].Value}”匹配，请核对。"),
            0 => NameMatch.Fail($"单位“{name}”不存在。请使用系统中的单位名称，或由管理员配置别名；导入不会新建单位。"),
            _ => NameMatch.Fail($"单位“{name}”可能是：{string.Join("、", abbreviated.Select(u => u.Value).Order(StringComparer.Ordinal))}，请写全称。"),
        };
    }

    /// <summary>Whether the short name keeps the long name's characters in order (督查室 → 调研督查室).</summary>
    internal static bool IsAbbreviationOf(string shortName, string longName)
    {
        if (shortName.Length >= longName.Length)
        {
            return false;
        }
        var at = 0;
        foreach (var c in longName)
        {
            if (at < shortName.Length && shortName[at] == c)
            {
                at++;
            }
        }
        return at == shortName.Length;
    }

    private static string Clean(string? text) => new((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray());
}
