using Duban.Core.Accounts;
using Duban.Modules;

namespace Duban.Api;

/// <summary>
/// The JSON API's reference page (接口文档). The API serves everyone signed in, each within their scope; the menu
/// shows its reference to those who connect other systems to it.
/// </summary>
internal sealed class ApiModule : IDubanModule
{
    public static readonly Permission Reference = new("api.reference", "查阅接口文档", [Roles.Admin, Roles.Supervisor]);

    public IEnumerable<Permission> Permissions => [Reference];

    public IEnumerable<MenuEntry> Menu => [new(MenuGroup.Reference, 90, "接口文档", Hosting.SecurityHeaders.ApiReferencePath, Reference)];
}
