namespace Duban.Core.Assessment;

public enum Grade
{
    Excellent,
    Good,
    Fair,
    Poor,
}

/// <summary>A unit to rank: its total and whether a veto bars it from 优秀.</summary>
public sealed record Ranked(int UnitId, string UnitName, decimal Total, bool Vetoed);

/// <summary>A unit's place: rank (equal totals share it: 1, 2, 2, 4) and grade.</summary>
public sealed record Placed(int UnitId, string UnitName, decimal Total, int Rank, Grade Grade);

/// <summary>
/// Grades by thresholds (优秀 from 95, 良好 from 85, 一般 from 70, else 较差 by default) and a quota on 优秀 (at most 20 %
/// of the units, rounded down). A vetoed unit is never 优秀. Units tied on the quota's edge are treated alike: if
/// taking them all would pass the quota, none of them is 优秀 — the quota is never exceeded and equal totals never
/// get different grades.
/// </summary>
public sealed record Grading(decimal ExcellentFrom = 95m, decimal GoodFrom = 85m, decimal FairFrom = 70m, int ExcellentQuotaPercent = 20)
{
    public static string Name(Grade grade) => grade switch
    {
        Grade.Excellent => "优秀",
        Grade.Good => "良好",
        Grade.Fair => "一般",
        _ => "较差",
    };

    public IReadOnlyList<Placed> Place(IReadOnlyList<Ranked> units)
    {
        var ordered = units.OrderByDescending(u => u.Total).ThenBy(u => u.UnitName, StringComparer.Ordinal).ThenBy(u => u.UnitId).ToList();
        var quota = units.Count * ExcellentQuotaPercent / 100;
        var candidates = ordered.Where(u => !u.Vetoed && u.Total >= ExcellentFrom).ToList();
        var excellent = new HashSet<int>();
        foreach (var tie in candidates.GroupBy(u => u.Total))
        {
            if (excellent.Count + tie.Count() > quota)
            {
                break;
            }
            excellent.UnionWith(tie.Select(u => u.UnitId));
        }
        return [.. ordered.Select(u => new Placed(u.UnitId, u.UnitName, u.Total, 1 + ordered.Count(o => o.Total > u.Total),
            excellent.Contains(u.UnitId) ? Grade.Excellent : u.Total >= GoodFrom ? Grade.Good : u.Total >= FairFrom ? Grade.Fair : Grade.Poor))];
    }
}
