using Duban.Core.Accounts;
using Duban.Core.Common;
using Duban.Core.Data;

namespace Duban.Tests.Domain;

public class CommonTests
{
    [Theory]
    [InlineData(null, null, 1, 20)]
    [InlineData(0, 0, 1, 1)]
    [InlineData(-5, 100000, 1, 200)]
    [InlineData(3, 50, 3, 50)]
    public void Page_requests_are_clamped(int? page, int? size, int expectedPage, int expectedSize)
    {
        var request = new PageRequest(page, size);

        Assert.Equal((expectedPage, expectedSize), (request.PageNumber, request.PageSize));
    }

    [Fact]
    public void Page_count_is_at_least_one()
    {
        Assert.Equal(1, new Page<int>([], 0, 1, 20).PageCount);
        Assert.Equal(3, new Page<int>([], 41, 1, 20).PageCount);
    }

    [Fact]
    public void Generated_passwords_satisfy_every_rule_and_differ()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => AccountRules.GeneratePassword()).ToList();

        Assert.All(passwords, p => Assert.Matches("^(?=.*[a-z])(?=.*[A-Z])(?=.*[0-9])(?=.*[^a-zA-Z0-9]).{16}$", p));
        Assert.Equal(50, passwords.Distinct().Count());
    }

    [Fact]
    public void Database_settings_default_to_sqlite_in_the_data_folder()
    {
        var settings = DatabaseSettings.Create(null, null, "/srv/duban");

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal("Data Source=/srv/duban/duban.db", settings.ConnectionString);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused_in_Chinese()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseSettings.Create("Postgres", null, null));

        Assert.Contains("ConnectionStrings:Duban", error.Message);
        Assert.Throws<InvalidOperationException>(() => DatabaseSettings.Create("Oracle", "x", null));
    }

    [Fact]
    public void China_time_is_UTC_plus_eight_at_day_boundaries()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 6, 30, 16, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 7, 1), ChinaTime.Today(clock));
        Assert.Equal(new DateTime(2026, 6, 30, 16, 0, 0, DateTimeKind.Utc), ChinaTime.StartOfDayUtc(new DateOnly(2026, 7, 1)));
    }
}
