namespace Duban.Core.Dashboard;

/// <summary>Which dashboard a person sees: the first of their roles that has one.</summary>
public enum DashboardKind
{
    /// <summary>No dashboard (an administrator only): the home page shows the role cards alone.</summary>
    None,

    /// <summary>Leadership and supervisors: the campaign at a glance.</summary>
    Overview,

    /// <summary>A unit head: the same for the own unit's tree.</summary>
    UnitTree,

    /// <summary>A liaison or member: the own to-do count and the own unit's lights.</summary>
    Mine,
}

/// <summary>
/// A figure of the dashboard: what it counts, the page of the list it links to (whose total equals it) and the same
/// list in the API.
/// </summary>
public sealed record DashboardNumber(string Key, string Label, int Value, string Href, string Api);

/// <summary>One bar of the per-unit chart: a unit's subtree (or the unit alone), its total and its lights.</summary>
public sealed record UnitBar(string UnitName, DashboardNumber Total, DashboardNumber Red, DashboardNumber Yellow, DashboardNumber Green,
    DashboardNumber Closed)
{
    public IEnumerable<DashboardNumber> Numbers => [Total, Red, Yellow, Green, Closed];
}

/// <summary>A week (Monday to Sunday) of the line chart: items found and items closed in it.</summary>
public sealed record WeekPoint(DateOnly Monday, DashboardNumber Found, DashboardNumber Closed);

/// <summary>A recent record (a published bulletin, a slip), linked to its page.</summary>
public sealed record LatestLink(string Kind, string Text, string Note, string Href);

public sealed record CampaignChoice(int Id, string Name);

/// <summary>A unit's place in the latest published assessment: its score links to its breakdown, which adds up to it.</summary>
public sealed record RankingRow(int Rank, string UnitName, decimal Total, string Grade, string Href);

/// <summary>The latest published assessment's ranking (the top units, or the own tree's), linked to the whole ranking.</summary>
public sealed record RankingCard(string Title, string Href, IReadOnlyList<RankingRow> Rows);

/// <summary>
/// Everything the dashboard shows, in the actor's data scope for one campaign. The page and <c>/api/v1/dashboard</c>
/// render this one model; every count is a <see cref="DashboardNumber"/>.
/// </summary>
public sealed record Dashboard(
    DashboardKind Kind,
    CampaignChoice? Campaign,
    IReadOnlyList<CampaignChoice> Campaigns,
    DateOnly Today,
    IReadOnlyList<DashboardNumber> Headline,
    IReadOnlyList<DashboardNumber> States,
    IReadOnlyList<UnitBar> Units,
    IReadOnlyList<WeekPoint> Weeks,
    IReadOnlyList<DashboardNumber> RedUnits,
    IReadOnlyList<DashboardNumber> Supervision,
    IReadOnlyList<LatestLink> Latest,
    RankingCard? Ranking = null)
{
    public static Dashboard Empty(DateOnly today) => new(DashboardKind.None, null, [], today, [], [], [], [], [], [], []);

    /// <summary>Every figure once, in the order the page shows them.</summary>
    public IEnumerable<DashboardNumber> Numbers => Headline.Concat(States).Concat(Units.SelectMany(u => u.Numbers))
        .Concat(Weeks.SelectMany(w => new[] { w.Found, w.Closed })).Concat(RedUnits).Concat(Supervision);
}
