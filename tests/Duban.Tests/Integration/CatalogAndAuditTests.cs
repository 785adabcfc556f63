using System.Net;
using System.Net.Http.Json;
using Duban.Api;
using Duban.Core.Audit;
using Duban.Core.Catalog;
using Duban.Tests.Infrastructure;

namespace Duban.Tests.Integration;

public abstract class CatalogAndAuditTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    [Fact]
    public async Task Catalog_holds_every_list_of_the_campaign_texts()
    {
        var client = await app.SignedInAsync("demo-member");

        var entries = await client.GetJsonAsync<List<CatalogEntryResponse>>("/api/v1/catalog");

        Assert.Equal(8, entries.Count(e => e.Set == CatalogSet.EightAilments));
        Assert.Equal(10, entries.Count(e => e.Set == CatalogSet.TenProhibitions));
        Assert.Equal(7, entries.Count(e => e.Set == CatalogSet.SevenClasses));
        Assert.Equal(6, entries.Count(e => e.Set == CatalogSet.OfficeSixAspects));
        Assert.Equal(5, entries.Count(e => e.Set == CatalogSet.FivePoints));
        Assert.Contains(entries, e => e.Title == "八个决不允许");
        Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Source)));
    }

    [Fact]
    public async Task Both_spellings_of_the_lazy_ailment_find_the_same_entry()
    {
        var client = await app.SignedInAsync("demo-member");

        var byProvince = await client.GetJsonAsync<List<CatalogEntryResponse>>("/api/v1/catalog?set=EightAilments&q=庸懒散");
        var bySpeech = await client.GetJsonAsync<List<CatalogEntryResponse>>("/api/v1/catalog?set=EightAilments&q=慵懒散");

        Assert.Single(byProvince);
        Assert.Equal(byProvince[0].Id, Assert.Single(bySpeech).Id);
    }

    [Fact]
    public async Task Supervisor_fills_in_a_placeholder_and_the_change_is_audited_with_before_and_after()
    {
        var client = await app.SignedInAsync("demo-supervisor");
        var placeholder = (await client.GetJsonAsync<List<CatalogEntryResponse>>("/api/v1/catalog?set=OfficeSixAspects"))[0];

        var response = await client.PutAsJsonAsync($"/api/v1/catalog/{placeholder.Id}",
            new { title = "文稿质量不高", description = "以文辅政能力不足", aliases = "文稿粗糙，材料质量差", source = placeholder.Source });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = (await response.Content.ReadFromJsonAsync<CatalogEntryResponse>(WebSession.Json))!;
        Assert.Equal(["文稿粗糙", "材料质量差"], updated.Aliases);
        Assert.False(updated.IsPlaceholder);
        var audit = await client.GetJsonAsync<PagedResponse<AuditEventResponse>>("/api/v1/audit?action=CatalogEntry.updated&actor=demo-supervisor");
        var last = audit.Items[0];
        Assert.Equal(placeholder.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), last.EntityId);
        Assert.Contains(placeholder.Title, last.Before);
        Assert.Contains("文稿质量不高", last.After);
    }

    [Fact]
    public async Task Member_cannot_edit_the_catalog()
    {
        var client = await app.SignedInAsync("demo-member");

        var response = await client.PutAsJsonAsync("/api/v1/catalog/1", new { title = "x", source = "y" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Catalog_page_shows_the_eight_ailments_in_Chinese_and_edit_links_only_to_supervisors()
    {
        var supervisor = await (await app.SignedInAsync("demo-supervisor")).GetStringAsync("/catalog");
        var leader = await (await app.SignedInAsync("demo-leader")).GetStringAsync("/catalog");

        Assert.Contains("八种病相", supervisor);
        Assert.Contains("中梗阻", supervisor);
        Assert.Contains("/edit", supervisor);
        Assert.Contains("守摊子", leader);
        Assert.DoesNotContain("/edit", leader);
    }

    [Fact]
    public async Task Logins_are_audited_and_the_audit_page_filters_and_pages()
    {
        await app.Anonymous().SubmitLoginAsync("demo-leader", "Wrong#0000");
        var client = await app.SignedInAsync("demo-admin");

        var failed = WebSession.Text(await client.GetStringAsync("/audit?action=account.login-failed"));
        var all = WebSession.Text(await client.GetStringAsync("/audit"));

        Assert.Contains("demo-leader", failed);
        Assert.Contains("account.login-failed", failed);
        Assert.Contains("下一页", all);
    }

    [Fact]
    public async Task Audit_page_rejects_a_bad_date_in_Chinese()
    {
        var client = await app.SignedInAsync("demo-supervisor");

        var html = await client.GetStringAsync("/audit?from=not-a-date");

        Assert.Contains("开始日期格式不正确", html);
    }

    [Fact]
    public async Task The_chain_of_a_working_database_verifies()
    {
        var client = await app.SignedInAsync("demo-admin");

        var check = await client.GetJsonAsync<ChainCheck>("/api/v1/audit/verify");

        Assert.True(check.IsIntact, check.Problem);
        Assert.True(check.Checked > 50);
    }
}

public sealed class SqliteCatalogAndAuditTests(SqliteAppFactory app) : CatalogAndAuditTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresCatalogAndAuditTests(PostgresAppFactory app) : CatalogAndAuditTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
