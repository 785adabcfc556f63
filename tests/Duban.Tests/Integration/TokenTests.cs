using System.Net;
using System.Net.Http.Json;
using Duban.Api;
using Duban.Core.Accounts;
using Duban.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Tests.Integration;

public abstract class TokenTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    [Fact]
    public async Task A_valid_token_authenticates_as_its_user()
    {
        var (_, secret) = await app.AsSystemAsync(sp => sp.GetRequiredService<TokenService>().CreateAsync("demo-head", "测试"));

        var me = await app.WithToken(secret).GetJsonAsync<MeResponse>("/api/v1/me");

        Assert.Equal("demo-head", me.UserName);
        Assert.Contains(Roles.UnitHead, me.Roles);
        Assert.Equal(DataScope.UnitAndBelow, me.Scope);
        Assert.Equal("综合科", me.UnitName);
    }

    [Theory]
    [InlineData("dbn_thisisnotatoken")]
    [InlineData("garbage")]
    [InlineData("")]
    public async Task A_bad_token_gets_401_problem(string token)
    {
        var response = await app.WithToken(token).GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains("令牌", problem!.Title + problem.Detail);
    }

    [Fact]
    public async Task A_revoked_token_gets_401()
    {
        var (token, secret) = await app.AsSystemAsync(sp => sp.GetRequiredService<TokenService>().CreateAsync("demo-leader", null));
        var client = app.WithToken(secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        await app.AsSystemAsync(async sp =>
        {
            await sp.GetRequiredService<TokenService>().RevokeAsync(token.Id);
            return 0;
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task No_credentials_get_401_problem_not_a_login_redirect()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/units");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("登录", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task A_cookie_write_without_the_api_header_is_refused_as_cross_site()
    {
        var client = app.Anonymous();
        await client.SubmitLoginAsync("demo-admin", Core.Data.DemoData.Password);

        var response = await client.PostAsJsonAsync("/api/v1/units", new { name = "跨站新建的单位", kind = "Section", parentId = 1 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("X-Requested-With", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task The_token_is_stored_only_as_a_hash()
    {
        var (token, secret) = await app.AsSystemAsync(sp => sp.GetRequiredService<TokenService>().CreateAsync("demo-admin", null));

        Assert.NotEqual(secret, token.Hash);
        Assert.DoesNotContain(secret, token.Hash);
        Assert.Equal(64, token.Hash.Length);
    }
}

public sealed class SqliteTokenTests(SqliteAppFactory app) : TokenTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresTokenTests(PostgresAppFactory app) : TokenTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
