using System.Security.Cryptography;
using System.Text;

namespace Duban.Core.Supervision.Draws;

/// <summary>A candidate with its rank key: the lower the rank key, the earlier it is drawn.</summary>
public readonly record struct RankedKey(string Key, string Rank);

/// <summary>
/// The draw method <c>sha256-rank-v1</c>, fixed so anyone can recompute a draw by hand: the population's hash is the
/// lowercase hex SHA-256 of its keys sorted ordinally and joined by "\n" (UTF-8); each candidate's rank key is the
/// lowercase hex SHA-256 of <c>seed + "\n" + key</c>; the candidates sorted by rank key (ties by key) and the first
/// N taken are the selection. Pure: no clock, no database, no randomness except <see cref="NewSeed"/>.
/// </summary>
public static class DrawMethod
{
    public const string Algorithm = "sha256-rank-v1";
    public const int SeedMaxLength = 200;

    /// <summary>The keys in the method's order: ordinal, each once.</summary>
    public static IReadOnlyList<string> Sorted(IEnumerable<string> keys)
    {
        var sorted = keys.Distinct(StringComparer.Ordinal).ToList();
        sorted.Sort(StringComparer.Ordinal);
        return sorted;
    }

    /// <summary>The text the population hash is taken of: the sorted keys joined by "\n".</summary>
    public static string Joined(IReadOnlyList<string> sortedKeys) => string.Join('\n', sortedKeys);

    public static string PopulationHash(IReadOnlyList<string> sortedKeys) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Joined(sortedKeys))));

    public static string RankKey(string seed, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed + "\n" + key)));

    /// <summary>Every candidate with its rank key, in drawing order.</summary>
    public static IReadOnlyList<RankedKey> Ranked(string seed, IEnumerable<string> keys)
    {
        var ranked = keys.Select(k => new RankedKey(k, RankKey(seed, k))).ToList();
        ranked.Sort((a, b) =>
        {
            var byRank = string.CompareOrdinal(a.Rank, b.Rank);
            return byRank != 0 ? byRank : string.CompareOrdinal(a.Key, b.Key);
        });
        return ranked;
    }

    /// <summary>
    /// The first <paramref name="count"/> candidates in drawing order, the same as the head of <see cref="Ranked"/>:
    /// only the N best are kept (a bounded heap) and compared as hash bytes, whose order is that of their lowercase
    /// hex, so 300,000 candidates cost 300,000 hashes but no full sort.
    /// </summary>
    public static IReadOnlyList<string> Select(string seed, IEnumerable<string> keys, int count)
    {
        if (count <= 0)
        {
            return [];
        }
        var prefix = Encoding.UTF8.GetBytes(seed + "\n");
        var buffer = new byte[prefix.Length + 256];
        prefix.CopyTo(buffer, 0);
        // Reversed, so the heap's head is the worst of the N kept, the one a better candidate pushes out.
        var kept = new PriorityQueue<Candidate, Candidate>(count + 1, Comparer<Candidate>.Create((a, b) => Compare(b, a)));
        foreach (var key in keys)
        {
            var length = prefix.Length + Encoding.UTF8.GetByteCount(key);
            if (length > buffer.Length)
            {
                Array.Resize(ref buffer, length * 2);
            }
            Encoding.UTF8.GetBytes(key, buffer.AsSpan(prefix.Length));
            var candidate = new Candidate(SHA256.HashData(buffer.AsSpan(0, length)), key);
            if (kept.Count < count)
            {
                kept.Enqueue(candidate, candidate);
            }
            else if (Compare(candidate, kept.Peek()) < 0)
            {
                kept.EnqueueDequeue(candidate, candidate);
            }
        }
        var selected = kept.UnorderedItems.Select(i => i.Element).ToList();
        selected.Sort(Compare);
        return [.. selected.Select(c => c.Key)];
    }

    private readonly record struct Candidate(byte[] Hash, string Key);

    private static int Compare(Candidate a, Candidate b)
    {
        var byRank = a.Hash.AsSpan().SequenceCompareTo(b.Hash);
        return byRank != 0 ? byRank : string.CompareOrdinal(a.Key, b.Key);
    }

    /// <summary>A seed nobody chose: 32 random bytes as lowercase hex.</summary>
    public static string NewSeed() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
