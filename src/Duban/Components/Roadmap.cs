namespace Duban.Components;

/// <summary>
/// What the roadmap brings next, shown (unlinked, marked 即将上线) so users see where the system is going. Each line
/// goes when its module arrives and brings its own menu entries and home-page lines.
/// </summary>
internal static class Roadmap
{
    public static readonly string[] ComingModules = ["工作方案", "学习教育", "建章立制", "廉政"];

    public static IEnumerable<string> ComingFor(string role) => role switch
    {
        Core.Accounts.Roles.Member => ["个人学习记录和学习计划"],
        _ => [],
    };
}
