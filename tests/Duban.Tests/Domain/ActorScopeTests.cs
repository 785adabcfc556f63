using Duban.Core.Spreadsheets;
using Duban.Core.Organization;
using Duban.Core.Catalog;
using Duban.Core.Audit;
using Duban.Core.Accounts;
using Duban.Core.Common;

namespace Duban.Tests.Domain;

public class ActorScopeTests
{
    private static Actor With(params string[] roles) => new(1, "u", roles.ToHashSet(), 10, 5, "/1/2/5/");

    [Theory]
    [InlineData(DataScope.All, Roles.Admin)]
    [InlineData(DataScope.All, Roles.Leadership)]
    [InlineData(DataScope.All, Roles.Supervisor)]
    [InlineData(DataScope.UnitAndBelow, Roles.UnitHead)]
    [InlineData(DataScope.Unit, Roles.Liaison)]
    [InlineData(DataScope.Self, Roles.Member)]
    [InlineData(DataScope.UnitAndBelow, Roles.Member, Roles.UnitHead)]
    [InlineData(DataScope.All, Roles.Liaison, Roles.Supervisor)]
    public void The_broadest_role_sets_the_scope(DataScope expected, params string[] roles) =>
        Assert.Equal(expected, With(roles).Scope);

    [Fact]
    public void A_unit_scope_without_a_unit_sees_nothing_rather_than_everything()
    {
        var headless = new Actor(1, "u", new HashSet<string> { Roles.UnitHead }, null, null, null);

        Assert.Equal(DataScope.None, headless.Scope);
    }

    [Fact]
    public void Anonymous_sees_nothing_and_the_system_sees_all()
    {
        Assert.Equal(DataScope.None, Actor.Anonymous.Scope);
        Assert.Equal(DataScope.All, Actor.System().Scope);
    }

    public static readonly TheoryData<string, string, bool> Table = new()
    {
        { OrganizationPermissions.ManageCode, Roles.Admin, true },
        { OrganizationPermissions.ManageCode, Roles.Supervisor, false },
        { CatalogPermissions.EditCode, Roles.Supervisor, true },
        { CatalogPermissions.EditCode, Roles.Admin, false },
        { AuditPermissions.ViewCode, Roles.Supervisor, true },
        { AuditPermissions.ViewCode, Roles.Member, false },
        { AccountPermissions.ManageCode, Roles.Leadership, false },
        { SpreadsheetPermissions.ImportCode, Roles.Supervisor, true },
        { SpreadsheetPermissions.ImportCode, Roles.UnitHead, false },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Permissions_follow_the_role_table(string code, string role, bool allowed) =>
        Assert.Equal(allowed, With(role).Can(Duban.Modules.DubanModules.All.SelectMany(m => m.Permissions).Single(p => p.Code == code)));

    [Fact]
    public void A_refused_permission_names_it_in_Chinese()
    {
        var error = Assert.Throws<DubanException>(() => With(Roles.Member).Require(AuditPermissions.View));

        Assert.Equal(ErrorKind.Forbidden, error.Kind);
        Assert.Equal("没有权限：查看审计日志。", error.Message);
    }

    [Theory]
    [InlineData("supervisor", Roles.Supervisor)]
    [InlineData("联络员", Roles.Liaison)]
    [InlineData("boss", null)]
    public void Roles_are_found_by_code_or_Chinese_name(string text, string? expected) =>
        Assert.Equal(expected, Roles.Find(text));
}
