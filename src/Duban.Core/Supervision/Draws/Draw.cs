using Duban.Core.Common;
using Duban.Core.Ledger;

namespace Duban.Core.Supervision.Draws;

/// <summary>What a draw is asked for; the candidates are read by the service, the rest is what the person typed.</summary>
public sealed record DrawRequest(DrawPopulation Population, int? Count, string? Seed, IReadOnlyList<string>? Exclude,
    Draw? Replaces = null, string? ReplacedBy = null, string? Reason = null);

/// <summary>
/// A random draw (随机抽查, CJ-2026-001), immutable once made: the whole population, the seed and the method are
/// stored, so anyone can recompute the selection (<see cref="DrawMethod"/>). Drawing again makes a new numbered draw
/// that names the one it replaces and why; a replaced draw takes no more 回头看 checks.
/// </summary>
public sealed class Draw
{
    public const int ReasonMaxLength = 1000;

    private readonly List<DrawCheck> _checks = [];

    public int Id { get; private set; }
    public int Year { get; private set; }
    public int Number { get; private set; }
    public string Code { get; private set; } = string.Empty;
    public int CampaignId { get; private set; }
    public DrawPopulation Population { get; private set; }
    public int Count { get; private set; }
    public string Seed { get; private set; } = string.Empty;
    public bool SeedGenerated { get; private set; }
    public string Algorithm { get; private set; } = DrawMethod.Algorithm;
    public string PopulationHash { get; private set; } = string.Empty;
    public int PopulationSize { get; private set; }

    /// <summary>The candidates after exclusion, sorted ordinally and joined by "\n": exactly the text the hash is of.</summary>
    public string PopulationText { get; private set; } = string.Empty;
    public string ExcludedText { get; private set; } = string.Empty;

    /// <summary>The drawn keys in drawing order, joined by "\n".</summary>
    public string SelectedText { get; private set; } = string.Empty;
    public int? DrawnByUserId { get; private set; }
    public string DrawnBy { get; private set; } = string.Empty;
    public DateTime DrawnAt { get; private set; }
    public int? ReplacesDrawId { get; private set; }
    public string? ReplaceReason { get; private set; }

    public IReadOnlyList<string> PopulationKeys => Lines(PopulationText);
    public IReadOnlyList<string> ExcludedKeys => Lines(ExcludedText);
    public IReadOnlyList<string> SelectedKeys => Lines(SelectedText);
    public IReadOnlyList<DrawCheck> Checks => _checks;

    private Draw()
    {
    }

    /// <summary>The code of a draw: CJ, the year of its campaign, the number.</summary>
    public static string CodeFor(int year, int number) => $"CJ-{year}-{number:000}";

    /// <summary>
    /// Draws from <paramref name="candidates"/> as <paramref name="request"/> asks: the excluded keys (回避) leave the
    /// population first, then the method picks. Refuses a seed over 200 characters, an exclusion that is no candidate,
    /// a count outside 1..population, and a redraw without a reason or of a draw already replaced.
    /// </summary>
    public static Draw Make(int campaignId, int year, int number, IEnumerable<string> candidates, DrawRequest request, ItemActor by, DateTime at)
    {
        var seed = request.Seed is { Length: > 0 } given && !string.IsNullOrWhiteSpace(given) ? given.Trim() : null;
        if (seed is not null && seed.Length > DrawMethod.SeedMaxLength)
        {
            throw DrawErrors.SeedTooLong(seed.Length);
        }
        if (seed is not null && seed.AsSpan().ContainsAny('\n', '\r'))
        {
            throw DrawErrors.SeedLineBreak();
        }
        var reason = Check.OptionalText(request.Reason, "重新抽取的理由", ReasonMaxLength, multiLine: true);
        if (request.Replaces is { } replaced)
        {
            if (request.ReplacedBy is { } replacement)
            {
                throw DrawErrors.AlreadyReplaced(replaced.Code, replacement);
            }
            if (replaced.CampaignId != campaignId)
            {
                throw DrawErrors.ReplacesOtherCampaign(replaced.Code);
            }
            _ = reason ?? throw DrawErrors.ReasonRequired();
        }
        else if (reason is not null)
        {
            throw DrawErrors.ReasonWithoutReplaces();
        }
        var all = new HashSet<string>(candidates, StringComparer.Ordinal);
        var excluded = DrawMethod.Sorted((request.Exclude ?? []).Select(k => k?.Trim() ?? "").Where(k => k.Length > 0));
        if (excluded.FirstOrDefault(k => !all.Contains(k)) is { } stranger)
        {
            throw DrawErrors.ExcludedNotInPopulation(stranger);
        }
        all.ExceptWith(excluded);
        if (all.Count == 0)
        {
            throw DrawErrors.EmptyPopulation();
        }
        var count = request.Count ?? throw DrawErrors.CountRequired();
        if (count < 1 || count > all.Count)
        {
            throw DrawErrors.CountOutOfRange(all.Count);
        }
        var population = DrawMethod.Sorted(all);
        seed ??= DrawMethod.NewSeed();
        return new Draw
        {
            Year = year,
            Number = number,
            Code = CodeFor(year, number),
            CampaignId = campaignId,
            Population = request.Population,
            Count = count,
            Seed = seed,
            SeedGenerated = request.Seed is null || string.IsNullOrWhiteSpace(request.Seed),
            PopulationHash = DrawMethod.PopulationHash(population),
            PopulationSize = population.Count,
            PopulationText = DrawMethod.Joined(population),
            ExcludedText = DrawMethod.Joined(excluded),
            SelectedText = DrawMethod.Joined(DrawMethod.Select(seed, population, count)),
            DrawnByUserId = by.UserId,
            DrawnBy = by.Name,
            DrawnAt = at,
            ReplacesDrawId = request.Replaces?.Id,
            ReplaceReason = reason,
        };
    }

    /// <summary>The same draw under its number in the year's series (a new record, for the numbering's retries).</summary>
    public Draw Numbered(int number) => new()
    {
        Year = Year,
        Number = number,
        Code = CodeFor(Year, number),
        CampaignId = CampaignId,
        Population = Population,
        Count = Count,
        Seed = Seed,
        SeedGenerated = SeedGenerated,
        PopulationHash = PopulationHash,
        PopulationSize = PopulationSize,
        PopulationText = PopulationText,
        ExcludedText = ExcludedText,
        SelectedText = SelectedText,
        DrawnByUserId = DrawnByUserId,
        DrawnBy = DrawnBy,
        DrawnAt = DrawnAt,
        ReplacesDrawId = ReplacesDrawId,
        ReplaceReason = ReplaceReason,
    };

    /// <summary>
    /// Records the 回头看 result of one drawn item, once: refused on a draw of units, on a replaced draw, for a key not
    /// drawn, a second time for the same key, and when failed without a reason. Reopening the item is the caller's,
    /// in the same save.
    /// </summary>
    public DrawCheck RecordCheck(string? key, bool? passed, string? reason, string? replacedBy, int itemId, int unitId,
        StoredFile? evidence, ItemActor by, DateTime at)
    {
        var drawn = RequireCheckable(key, replacedBy);
        var (result, why) = DrawCheck.Verdict(passed, reason);
        var check = new DrawCheck(drawn, itemId, unitId, result, why, evidence, by, at);
        _checks.Add(check);
        return check;
    }

    /// <summary>The drawn key a check may be recorded for, checked before anything is read or stored for it.</summary>
    public string RequireCheckable(string? key, string? replacedBy)
    {
        if (Population != DrawPopulation.ClosedItems)
        {
            throw DrawErrors.ChecksOnlyOnItems();
        }
        if (replacedBy is not null)
        {
            throw DrawErrors.ReplacedNoChecks(Code, replacedBy);
        }
        var text = key?.Trim() is { Length: > 0 } k ? k : throw DrawErrors.KeyRequired();
        if (!SelectedKeys.Contains(text, StringComparer.Ordinal))
        {
            throw DrawErrors.KeyNotDrawn();
        }
        if (_checks.Any(c => c.Key == text))
        {
            throw DrawErrors.AlreadyChecked(text);
        }
        return text;
    }

    /// <summary>The reason a failed check gives the reopened item, naming the draw it came from.</summary>
    public string ReopenReason(string reason) => $"回头看（{Code}）不通过：{reason}";

    private static string[] Lines(string text) => text.Length == 0 ? [] : text.Split('\n');
}
