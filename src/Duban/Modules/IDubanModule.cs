using Duban.Core.Accounts;

namespace Duban.Modules;

/// <summary>
/// A feature of the site, wiring itself: its permissions, services, routes (API under /api/v1, page endpoints),
/// menu entries and home-page lines. The host lists the modules (<see cref="DubanModules"/>) and nothing else.
/// </summary>
public interface IDubanModule
{
    /// <summary>What it lets some roles do beyond reading; each becomes an authorization policy of its code.</summary>
    IEnumerable<Permission> Permissions => [];

    /// <summary>Its domain services (from its folder in Duban.Core), which the web host and the command line both need.</summary>
    void AddDomain(IServiceCollection services, IConfiguration configuration)
    {
    }

    /// <summary>What only the web host needs: background jobs, page services.</summary>
    void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    void MapRoutes(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
    }

    IEnumerable<MenuEntry> Menu => [];

    /// <summary>What the home page lists for each role: what it can do here, linked.</summary>
    IEnumerable<HomeLine> Home => [];

    /// <summary>
    /// Components 我的待办 shows below the items, each listing what waits for the signed-in person in this module (a
    /// slip to sign for, a finding to answer) and rendering nothing when nothing does. A section loads its data
    /// through the cascaded <see cref="MyWorkLoads"/>, so it never shares the database context with another at once.
    /// </summary>
    IEnumerable<Type> MyWork => [];
}

public enum MenuGroup
{
    Work,
    Reference,
}

/// <summary>A link in the main menu; shown to those who hold the permission (everyone signed in when it is null).</summary>
public sealed record MenuEntry(MenuGroup Group, int Order, string Text, string Href, Permission? Requires = null, bool ExactMatch = false);

/// <summary>A line on the home page's card for a role.</summary>
public sealed record HomeLine(string Role, int Order, string Text, string Href);
