using Duban.Core.Catalog;

namespace Duban.Core.Spreadsheets;

/// <summary>
/// Matches 问题类别 cells to catalog entries. A cell may name several (split on ；;). Each name matches by title or
/// alias, or by an abbreviation that fits exactly one entry: its first clause (政治上不过硬), a condensation of its
/// clauses (能力不足办法不多), or, failing those, words found in one entry's wording alone (搞形式走过场 in
/// 热衷于搞形式、走过场、不求实效, with a warning). Quotes, a trailing 问题 and a leading group name with a colon are ignored.
/// </summary>
public sealed class CategoryMatcher(IReadOnlyList<CatalogEntry> entries)
{
    /// <summary>Two characters (作风, 懒散) say too little to pick an entry by the words it contains.</summary>
    private const int MinContainedLength = 3;

    private static readonly char[] CellSeparators = ['；', ';', '\n'];
    private static readonly char[] ClauseSeparators = ['、', '，', ',', '；', ';'];

    // Each entry's title and aliases without punctuation, computed once for the whole sheet.
    private readonly List<(CatalogEntry Entry, string[] Wordings)> _wordings =
        [.. entries.Select(e => (e, e.AliasList.Prepend(e.Title).Select(Compact).ToArray()))];

    public IReadOnlyList<NameMatch> MatchCell(string? cell) =>
        [.. (cell ?? string.Empty).Split(CellSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Match)];

    public NameMatch Match(string name)
    {
        var wanted = Normalize(name);
        if (wanted.Length == 0)
        {
            return NameMatch.Fail("问题类别为空。");
        }
        var exact = entries.Where(e => Normalize(e.Title) == wanted || e.AliasList.Any(a => Normalize(a) == wanted)).ToList();
        if (exact.Count == 1)
        {
            return NameMatch.To(exact[0].Id);
        }
        var candidates = exact.Count > 1 ? exact : entries.Where(e => Abbreviates(wanted, e.Title)).ToList();
        var contained = candidates.Count == 0;
        if (contained)
        {
            candidates = Containing(wanted);
        }
        return candidates.Count switch
        {
            1 when contained => NameMatch.To(candidates[0].Id, $"问题类别“{name.Trim()}”按“{candidates[0].Title}”匹配，请核对。"),
            1 => NameMatch.To(candidates[0].Id),
            0 => NameMatch.Fail($"问题类别“{name.Trim()}”不在问题目录中。请使用目录中的名称（如“推拖绕”“不准拖延超时一分钟”）。"),
            _ => NameMatch.Fail($"问题类别“{name.Trim()}”可能指：{string.Join("；", candidates.Select(c => c.Title))}，请写全称。"),
        };
    }

    /// <summary>The entries whose wording, punctuation aside, contains the label (敷衍塞责推诿扯皮, 顶风违纪).</summary>
    private List<CatalogEntry> Containing(string wanted)
    {
        var label = Compact(wanted);
        return label.Length < MinContainedLength
            ? []
            : [.. _wordings.Where(w => w.Wordings.Any(t => t.Contains(label, StringComparison.Ordinal))).Select(w => w.Entry)];
    }

    private static string Compact(string text) =>
        new([.. text.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c))]);

    /// <summary>The first clause alone, or clauses of the title joined in their order (at least two).</summary>
    private static bool Abbreviates(string wanted, string title)
    {
        var clauses = title.Split(ClauseSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Normalize).ToList();
        if (clauses.Count < 2)
        {
            return false;
        }
        return wanted == clauses[0] || JoinsClauses(wanted, clauses, 0, 0);
    }

    private static bool JoinsClauses(string wanted, List<string> clauses, int from, int used)
    {
        if (wanted.Length == 0)
        {
            return used >= 2;
        }
        for (var i = from; i < clauses.Count; i++)
        {
            if (wanted.StartsWith(clauses[i], StringComparison.Ordinal) && JoinsClauses(wanted[clauses[i].Length..], clauses, i + 1, used + 1))
            {
                return true;
            }
        }
        return false;
    }

    internal static string Normalize(string text)
    {
        var value = new string(text.Where(c => !char.IsWhiteSpace(c) && "“”\"'‘’「」《》".IndexOf(c) < 0).ToArray());
        var colon = value.IndexOfAny(['：', ':']);
        if (colon >= 0 && colon < value.Length - 1)
        {
            value = value[(colon + 1)..];
        }
        return value.Length > 2 && value.EndsWith("问题", StringComparison.Ordinal) ? value[..^2] : value;
    }
}
