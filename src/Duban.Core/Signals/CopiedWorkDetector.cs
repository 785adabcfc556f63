namespace Duban.Core.Signals;

/// <summary>
/// 虚假空: measures or progress reports copied between items of different units — texts of at least 20 characters
/// (setting) whose character 3-grams overlap by 90 % or more (Jaccard, setting) — or one evidence file (same SHA-256)
/// on items of different units. Texts are compared without their whitespace and punctuation. Candidates come from a
/// prefix filter (two sets that similar must share one of their rarest few 3-grams) over one of each set of identical
/// texts, so the texts are not compared pair by pair; each candidate is then measured exactly. One flag per pair of
/// items, on each side's item; a text copied into many items pairs each copy with the earliest of another unit.
/// Measures of items made from one inspection or bulletin are not compared with each other: they carry its standard
/// wording.
/// </summary>
public sealed class CopiedWorkDetector : ISignalDetector
{
    public SignalKind Kind => SignalKind.CopiedWork;

    public string Rule(SignalOptions options) =>
        $"不同单位的整改措施或进展报告雷同（{options.CopiedMinLength} 字以上，按相邻三字计算的相似度 ≥ {options.CopiedSimilarityPercent}%），或使用同一份佐证材料（文件哈希相同）。";

    public IEnumerable<SignalFinding> Detect(SignalContext context)
    {
        // A draft is still being written: neither its measures nor its files are anyone's work yet.
        var items = context.ItemsThen.Where(i => i.State != Ledger.ItemState.Draft).ToList();
        var byId = items.ToDictionary(i => i.Id);
        var flagged = new HashSet<(int, int)>();
        foreach (var (a, b, evidence) in SameFiles(items).Concat(SimilarTexts(items, context.Options)))
        {
            var (first, second) = a < b ? (a, b) : (b, a);
            if (!flagged.Add((first, second)))
            {
                continue;
            }
            foreach (var (self, other) in new[] { (byId[first], byId[second]), (byId[second], byId[first]) })
            {
                yield return new SignalFinding(Kind, self.UnitId, self.Id, self.Code, evidence.Strength,
                    [.. evidence.Lines, new SignalEvidence($"相同内容的另一项：{other.Code}", ItemId: other.Id)]) { Episode = other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }
        }
    }

    private sealed record Match(decimal Strength, IReadOnlyList<SignalEvidence> Lines);

    private static IEnumerable<(int, int, Match)> SameFiles(List<SignalItem> items)
    {
        // As with texts: each holder of a file is paired with the earliest holder of another unit, not with every holder.
        foreach (var group in items.SelectMany(i => i.EvidenceHashes.Distinct().Select(h => (Hash: h, Item: i))).GroupBy(x => x.Hash))
        {
            var holders = group.Select(x => x.Item).OrderBy(i => i.Id).ToList();
            for (var n = 1; n < holders.Count; n++)
            {
                var copy = holders[n];
                if (holders.Take(n).FirstOrDefault(h => h.UnitId != copy.UnitId) is { } source)
                {
                    yield return (source.Id, copy.Id, new Match(1m,
                    [
                        new SignalEvidence($"{source.Code} 的佐证材料（SHA-256 {group.Key[..12]}…）", ItemId: source.Id, UnitId: source.UnitId),
                        new SignalEvidence($"{copy.Code} 的同一份佐证材料", ItemId: copy.Id, UnitId: copy.UnitId),
                    ]));
                }
            }
        }
    }

    private sealed record Text(SignalItem Item, string Written, bool Measure);

    private static IEnumerable<(int, int, Match)> SimilarTexts(List<SignalItem> items, SignalOptions options)
    {
        // Identical texts first, by their plain form: each copy is paired with the earliest of another unit (a text
        // copied into forty items makes forty flags, not 780 pairs); one of each is then compared for near copies.
        var groups = items.SelectMany(i => i.Measures.Select(t => new Text(i, t, true)).Concat(i.Reports.Select(t => new Text(i, t, false))))
            .Select(t => (Text: t, Plain: Plain(t.Written))).Where(t => t.Plain.Length >= options.CopiedMinLength)
            .GroupBy(t => t.Plain, t => t.Text).Select(g => g.OrderBy(t => t.Item.Id).ToList()).ToList();
        foreach (var group in groups.Where(g => g.Count > 1))
        {
            for (var n = 1; n < group.Count; n++)
            {
                var copy = group[n];
                if (group.Take(n).FirstOrDefault(source => Comparable(source, copy)) is { } source)
                {
                    yield return (source.Item.Id, copy.Item.Id, Side(source, copy, 1.0));
                }
            }
        }
        var texts = groups.Select(g => (Texts: g, Grams: Grams(Plain(g[0].Written)))).ToList();
        // The rarest 3-grams first: a pair as similar as the threshold must share one of each side's first few.
        var frequency = new Dictionary<ulong, int>();
        foreach (var gram in texts.SelectMany(t => t.Grams))
        {
            frequency[gram] = frequency.GetValueOrDefault(gram) + 1;
        }
        var threshold = options.CopiedSimilarityPercent / 100.0;
        var index = new Dictionary<ulong, List<int>>();
        var seen = new HashSet<(int, int)>();
        for (var n = 0; n < texts.Count; n++)
        {
            var (group, grams) = texts[n];
            var prefix = grams.OrderBy(g => frequency[g]).ThenBy(g => g).Take(grams.Count - (int)Math.Ceiling(threshold * grams.Count) + 1);
            foreach (var gram in prefix)
            {
                if (!index.TryGetValue(gram, out var holders))
                {
                    index[gram] = holders = [];
                }
                foreach (var m in holders)
                {
                    var other = texts[m];
                    // Sizes that far apart cannot be that similar; and each pair is measured once.
                    if (other.Grams.Count < threshold * grams.Count || grams.Count < threshold * other.Grams.Count || !seen.Add((m, n)))
                    {
                        continue;
                    }
                    var similarity = Jaccard(grams, other.Grams);
                    if (similarity >= threshold && Pair(other.Texts, group) is { } pair)
                    {
                        yield return (pair.Source.Item.Id, pair.Copy.Item.Id, Side(pair.Source, pair.Copy, similarity));
                    }
                }
                holders.Add(n);
            }
        }
    }

    /// <summary>Texts of different units, unless both are measures of one inspection's or bulletin's standard wording.</summary>
    private static bool Comparable(Text a, Text b) =>
        a.Item.UnitId != b.Item.UnitId && !(a.Measure && b.Measure && a.Item.Origin is not null && a.Item.Origin == b.Item.Origin);

    /// <summary>Two comparable texts, one from each group of identical texts, if there are such.</summary>
    private static (Text Source, Text Copy)? Pair(List<Text> first, List<Text> second) =>
        first.SelectMany(a => second.Where(b => Comparable(a, b)).Select(b => ((Text, Text)?)(a, b))).FirstOrDefault();

    private static Match Side(Text source, Text copy, double similarity) => new(Math.Round((decimal)similarity, 3),
    [
        new SignalEvidence($"{source.Item.Code} 的内容", Text: source.Written, ItemId: source.Item.Id, UnitId: source.Item.UnitId),
        new SignalEvidence(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{copy.Item.Code} 的内容（相似度 {similarity * 100:0}%）"), Text: copy.Written, ItemId: copy.Item.Id, UnitId: copy.Item.UnitId),
    ]);

    private static string Plain(string text)
    {
        var kept = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                kept.Append(c);
            }
        }
        return kept.ToString();
    }

    // A 3-gram as one number (three UTF-16 units of 16 bits): millions of texts' grams without a string each.
    private static HashSet<ulong> Grams(string plain)
    {
        var grams = new HashSet<ulong>(Math.Max(0, plain.Length - 2));
        for (var i = 0; i + 2 < plain.Length; i++)
        {
            grams.Add(((ulong)plain[i] << 32) | ((ulong)plain[i + 1] << 16) | plain[i + 2]);
        }
        return grams;
    }

    private static double Jaccard(HashSet<ulong> a, HashSet<ulong> b)
    {
        var shared = a.Count(b.Contains);
        return shared / (double)(a.Count + b.Count - shared);
    }
}
