namespace Duban.Core.Ledger;

/// <summary>
/// The names an edit's history keeps for the ids it changes — catalog entries in catalog order, people — so the
/// timeline reads as it did on the day, whatever is renamed later.
/// </summary>
public sealed class ItemNames(IEnumerable<NamedRef> categories, IEnumerable<NamedRef> people)
{
    private readonly List<NamedRef> _categories = [.. categories.DistinctBy(c => c.Id)];
    private readonly Dictionary<int, string> _people = people.DistinctBy(p => p.Id).ToDictionary(p => p.Id, p => p.Name);

    internal string? Person(int? id) => id is { } value ? _people.GetValueOrDefault(value) ?? Unknown(value) : null;

    internal string? Categories(IReadOnlySet<int> ids)
    {
        var known = _categories.Where(c => ids.Contains(c.Id)).ToList();
        var names = known.Select(c => c.Name).Concat(ids.Except(known.Select(c => c.Id)).Order().Select(Unknown)).ToList();
        return names.Count == 0 ? null : string.Join("、", names);
    }

    private static string Unknown(int id) => $"（编号 {id}）";
}
