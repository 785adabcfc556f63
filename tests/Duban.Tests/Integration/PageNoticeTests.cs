using System.Net;
using Duban.Api;
using Duban.Tests.Infrastructure;

namespace Duban.Tests.Integration;

/// <summary>Pages show only outcomes the server reported (PageNotice), never text taken from the address.</summary>
public abstract class PageNoticeTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    private const string Forged = "系统升级，请立即拨打 010-12345678 并提供密码";

    [Fact]
    public async Task Text_in_the_address_is_not_shown_as_an_alert()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var item = (await supervisor.GetJsonAsync<ItemListResponse>("/api/v1/items?state=Submitted")).Items[0];
        var text = Uri.EscapeDataString(Forged);

        string[] pages =
        [
            await supervisor.GetStringAsync($"/ledger/{item.Id}?error={text}"),
            await supervisor.GetStringAsync($"/ledger/{item.Id}?done={text}"),
            await supervisor.GetStringAsync($"/ledger/{item.Id}?done=close"),
            await supervisor.GetStringAsync($"/ledger?exportError={text}"),
            await supervisor.GetStringAsync($"/ledger/import?error={text}"),
        ];

        Assert.All(pages, page =>
        {
            Assert.DoesNotContain("拨打", page);
            Assert.DoesNotContain("class=\"alert", page);
        });
    }

    [Fact]
    public async Task A_refusal_is_shown_once_after_its_redirect_and_the_address_carries_no_text()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var item = (await supervisor.GetJsonAsync<ItemListResponse>("/api/v1/items?state=Submitted")).Items[0];

        var response = await supervisor.PostActionFormAsync(item.Id, "return", new() { ["Reason"] = "" });

        Assert.Equal($"/ledger/{item.Id}#notice", response.Headers.Location!.ToString());
        Assert.Contains("退回必须填写理由。", await supervisor.RedirectedPageTextAsync(response));
        Assert.DoesNotContain("退回必须填写理由。", await supervisor.GetStringAsync($"/ledger/{item.Id}"));
    }

    [Fact]
    public async Task A_done_action_is_reported_on_its_page()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var item = (await supervisor.GetJsonAsync<ItemListResponse>("/api/v1/items?state=InProgress")).Items[0];

        var response = await supervisor.PostActionFormAsync(item.Id, "urge", new() { ["message"] = "请抓紧整改。" });

        Assert.Contains("已催办。", await supervisor.RedirectedPageTextAsync(response));
    }

    [Fact]
    public async Task A_notice_left_for_one_user_or_page_is_not_shown_to_another()
    {
        var supervisor = await app.SignedInAsync("demo-supervisor");
        var leader = await app.SignedInAsync("demo-leader");
        var item = (await supervisor.GetJsonAsync<ItemListResponse>("/api/v1/items?state=Submitted")).Items[0];
        var response = await supervisor.PostActionFormAsync(item.Id, "return", new() { ["Reason"] = "" });
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("duban.notice=", StringComparison.Ordinal)).Split(';')[0];

        var otherUser = await GetWithCookieAsync(leader, $"/ledger/{item.Id}", cookie);
        var garbage = await GetWithCookieAsync(leader, $"/ledger/{item.Id}", "duban.notice=" + Uri.EscapeDataString(Forged));
        var otherPage = await supervisor.GetStringAsync("/ledger");

        Assert.DoesNotContain("class=\"alert", otherUser);
        Assert.DoesNotContain("class=\"alert", garbage);
        Assert.DoesNotContain("退回必须填写理由。", otherPage);
        Assert.Contains("退回必须填写理由。", WebSession.Text(await supervisor.GetStringAsync($"/ledger/{item.Id}")));
    }


    private static async Task<string> GetWithCookieAsync(HttpClient client, string url, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}

public sealed class SqlitePageNoticeTests(SqliteAppFactory app) : PageNoticeTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresPageNoticeTests(PostgresAppFactory app) : PageNoticeTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
