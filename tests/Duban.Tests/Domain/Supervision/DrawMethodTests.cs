using Duban.Core.Supervision.Draws;

namespace Duban.Tests.Domain.Supervision;

/// <summary>
/// The draw method against values computed outside .NET, with coreutils on Debian 12:
/// <code>
/// seed='福彩3D 2026317期 845'
/// for k in ZG-2026-0003 ZG-2026-0001 ZG-2026-0005 ZG-2026-0002 ZG-2026-0004; do
///   printf '%s  %s\n' "$(printf '%s\n%s' "$seed" "$k" | sha256sum | cut -c1-64)" "$k"; done | sort
/// printf 'ZG-2026-0001\nZG-2026-0002\nZG-2026-0003\nZG-2026-0004\nZG-2026-0005' | sha256sum
/// printf 'ZG-2026-0001\nZG-2026-0002\nZG-2026-0003\nZG-2026-0005' | sha256sum
/// </code>
/// The seed has Chinese characters, so the UTF-8 encoding is checked too.
/// </summary>
public sealed class DrawMethodTests
{
    private const string Seed = "福彩3D 2026317期 845";

    // The keys in the order a query might return them, not sorted.
    private static readonly string[] Keys = ["ZG-2026-0003", "ZG-2026-0001", "ZG-2026-0005", "ZG-2026-0002", "ZG-2026-0004"];

    // sha256sum's rank keys, in the order `sort` put them.
    private static readonly RankedKey[] Expected =
    [
        new("ZG-2026-0001", "66eb03046d307fbf89b7f633e304dac40379dd4d95a3b3abaea905f6d151e522"),
        new("ZG-2026-0003", "7de2a0eaa787e5571133f703793eeb28752560607be66bb68c0d934357ba2970"),
        new("ZG-2026-0002", "aac9b425abcd22329aa62ad36df8473321e6c9735dea74bb1982ea7005146ebe"),
        new("ZG-2026-0004", "c72b3337997c5aad8a19964f0d7d1ab083cd5eca0e933fb74d0ace1cff2fa43a"),
        new("ZG-2026-0005", "cd33fe1203b3944a6a7f69ee0d99f1e636d951e1d054f2cd2d556259183fa8ac"),
    ];

    [Fact]
    public void Rank_keys_and_order_match_sha256sum()
    {
        Assert.Equal(Expected, DrawMethod.Ranked(Seed, Keys));
        Assert.Equal(["ZG-2026-0001", "ZG-2026-0003", "ZG-2026-0002"], DrawMethod.Select(Seed, Keys, 3));
    }

    [Fact]
    public void Population_hash_matches_sha256sum_of_the_sorted_keys_joined_by_newlines()
    {
        var sorted = DrawMethod.Sorted(Keys);

        Assert.Equal(["ZG-2026-0001", "ZG-2026-0002", "ZG-2026-0003", "ZG-2026-0004", "ZG-2026-0005"], sorted);
        Assert.Equal("5ea7bef77f9758ea9a2e4e6004e764dc3d1addf2a0ce34ca7b944059f2bbf2cd", DrawMethod.PopulationHash(sorted));
    }

    [Fact]
    public void Sorting_is_ordinal_not_by_culture_and_keeps_each_key_once()
    {
        // Ordinal: "10" before "9", upper case before lower case; a culture-aware sort would put them otherwise.
        Assert.Equal(["10", "9", "B", "a"], DrawMethod.Sorted(["a", "9", "B", "10", "9"]));
    }

    [Fact]
    public void A_key_given_twice_is_one_candidate_so_no_key_has_two_chances()
    {
        Assert.Equal(DrawMethod.Select(Seed, Keys, 5), DrawMethod.Select(Seed, DrawMethod.Sorted([.. Keys, .. Keys]), 5));
    }

    [Fact]
    public void Equal_rank_keys_fall_back_to_the_key_itself()
    {
        // Distinct keys cannot share a rank key short of a SHA-256 collision; the same key twice does, and then the
        // order is still fully defined.
        var ranked = DrawMethod.Ranked(Seed, ["ZG-2026-0002", "ZG-2026-0001", "ZG-2026-0002"]);

        Assert.Equal(["ZG-2026-0001", "ZG-2026-0002", "ZG-2026-0002"], ranked.Select(r => r.Key));
    }

    [Fact]
    public void The_order_does_not_depend_on_the_order_keys_arrive_in()
    {
        Assert.Equal(DrawMethod.Ranked(Seed, Keys), DrawMethod.Ranked(Seed, Keys.Reverse()));
    }

    [Fact]
    public void Selecting_n_gives_the_head_of_the_full_ranking_for_every_n()
    {
        // Select keeps only the N best by hash bytes; Ranked sorts every candidate by hex text. Both must agree.
        var keys = Enumerable.Range(1, 300).Select(n => $"ZG-2026-{n:0000}").Append("中文键").Append("42").ToList();
        var ranked = DrawMethod.Ranked(Seed, keys).Select(r => r.Key).ToList();

        foreach (var n in new[] { 1, 2, 7, 100, 301, 302 })
        {
            Assert.Equal(ranked.Take(n), DrawMethod.Select(Seed, keys, n));
        }
    }

    [Fact]
    public void A_generated_seed_is_32_random_bytes_in_lowercase_hex()
    {
        var first = DrawMethod.NewSeed();

        Assert.Matches("^[0-9a-f]{64}$", first);
        Assert.NotEqual(first, DrawMethod.NewSeed());
    }
}
