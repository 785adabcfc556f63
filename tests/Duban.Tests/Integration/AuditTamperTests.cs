using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Duban.Api;
using Duban.Core.Audit;
using Duban.Core.Data;
using Duban.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Tests.Integration;

/// <summary>
/// The chain as the database holds it: every stored hash against one computed here, and a change of any audited field,
/// made in the database behind the app's back, found by the check at that event. Tampering gets an app of its own, so
/// no other test reads an altered chain; each test puts the row back before it asserts.
/// </summary>
public abstract class AuditTamperTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    // Far above any sequence a test writes, so the moved row collides with none.
    private const long Far = 1_000_000;

    [Fact]
    public async Task Every_stored_hash_is_the_one_computed_here_and_links_to_the_one_before()
    {
        var target = await UpdateEventAsync();

        var events = await ReadAsync(db => db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());

        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        var previous = AuditEvent.GenesisHash;
        foreach (var e in events)
        {
            Assert.Equal(previous, e.PreviousHash);
            Assert.Equal(CanonicalAuditHash.Of(e), e.Hash);
            previous = e.Hash;
        }
        var written = events.Single(e => e.Sequence == target);
        Assert.True(written.ActorUserId is not null && written.EntityId is not null && written.Before is not null && written.After is not null);
        // Stamped by the factory's clock, which the app took instead of the machine's.
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, written.At);
    }

    [Theory]
    [InlineData(nameof(AuditEvent.Sequence))]
    [InlineData(nameof(AuditEvent.At))]
    [InlineData(nameof(AuditEvent.ActorUserId))]
    [InlineData(nameof(AuditEvent.ActorName))]
    [InlineData(nameof(AuditEvent.Action))]
    [InlineData(nameof(AuditEvent.EntityType))]
    [InlineData(nameof(AuditEvent.EntityId))]
    [InlineData(nameof(AuditEvent.Before))]
    [InlineData(nameof(AuditEvent.After))]
    [InlineData(nameof(AuditEvent.PreviousHash))]
    [InlineData(nameof(AuditEvent.Hash))]
    public async Task A_change_of_any_audited_field_in_the_database_is_found_at_that_event(string field)
    {
        var target = await UpdateEventAsync();
        var original = await EventAsync(target);
        Assert.True((await VerifyAsync()).IsIntact);

        var movedTo = await SetAsync(target, field, original, altered: true);
        ChainCheck found;
        try
        {
            found = await VerifyAsync();
        }
        finally
        {
            await SetAsync(movedTo, field, original, altered: false);
        }

        Assert.Equal(target, found.FirstBrokenSequence);
        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task An_event_rewritten_with_a_hash_computed_here_is_found_at_the_next_event()
    {
        var target = await UpdateEventAsync();
        var e = await EventAsync(target);
        var after = OneCharacterOff(e.After!);
        var hash = CanonicalAuditHash.Of(e.Sequence, e.At, e.ActorUserId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Before, after, e.PreviousHash);

        await UpdateAsync(target, row => row.ExecuteUpdateAsync(s => s.SetProperty(x => x.After, after).SetProperty(x => x.Hash, hash)));
        ChainCheck found;
        try
        {
            found = await VerifyAsync();
        }
        finally
        {
            await UpdateAsync(target, row => row.ExecuteUpdateAsync(s => s.SetProperty(x => x.After, e.After).SetProperty(x => x.Hash, e.Hash)));
        }

        // Had the hash computed here differed from the app's, the check would have stopped at the rewritten event.
        Assert.Equal(target + 1, found.FirstBrokenSequence);
        Assert.Contains("前序哈希", found.Problem);
    }

    [Fact]
    public async Task Audit_verify_on_the_command_line_passes_and_then_names_the_first_altered_event()
    {
        var target = await UpdateEventAsync();
        var original = await EventAsync(target);
        var intact = await DubanCli.RunAsync(app.CliEnvironment, "audit", "verify", "--data", app.DataDir);
        Assert.True(intact.ExitCode == 0, intact.Output + intact.Error);
        Assert.Contains("审计链完好", intact.Output);

        await SetAsync(target, nameof(AuditEvent.ActorName), original, altered: true);
        DubanCli.Result broken;
        try
        {
            broken = await DubanCli.RunAsync(app.CliEnvironment, "audit", "verify", "--data", app.DataDir);
        }
        finally
        {
            await SetAsync(target, nameof(AuditEvent.ActorName), original, altered: false);
        }

        Assert.Equal(1, broken.ExitCode);
        Assert.Contains($"第一条被破坏的事件为第 {target} 条", broken.Error);
    }

    /// <summary>
    /// A person changed through the API by a signed-in administrator, so every field of the event has a value, and
    /// changed once more, so the event is not the last of the chain. Returns the first change's sequence.
    /// </summary>
    private async Task<long> UpdateEventAsync()
    {
        var admin = await app.SignedInAsync("demo-admin");
        var unitId = (await admin.UnitAsync("文电科")).Id;
        var name = "审计测试" + Guid.NewGuid().ToString("N")[..6];
        var created = await admin.PostAsJsonAsync("/api/v1/people", new { name, unitId, position = "科员" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<PersonResponse>())!.Id;
        foreach (var position in new[] { "副科长", "科长" })
        {
            var updated = await admin.PutAsJsonAsync($"/api/v1/people/{id}", new { name, unitId, position });
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        }
        var entityId = id.ToString(CultureInfo.InvariantCulture);
        return await ReadAsync(db => db.AuditEvents.Where(e => e.Action == "Person.updated" && e.EntityId == entityId).MinAsync(e => e.Sequence));
    }

    /// <summary>Sets one field of the stored event at <paramref name="sequence"/> to a changed value or back to the original; returns where the row now is.</summary>
    private async Task<long> SetAsync(long sequence, string field, AuditEvent original, bool altered)
    {
        switch (field)
        {
            case nameof(AuditEvent.Sequence):
                var to = altered ? original.Sequence + Far : original.Sequence;
                await UpdateAsync(sequence, row => row.ExecuteUpdateAsync(s => s.SetProperty(x => x.Sequence, to)));
                return to;
            case nameof(AuditEvent.At):
                var at = DateTime.SpecifyKind(original.At, DateTimeKind.Utc).AddMilliseconds(altered ? 1 : 0);
                await UpdateAsync(sequence, row => row.ExecuteUpdateAsync(s => s.SetProperty(x => x.At, at)));
                return sequence;
            case nameof(AuditEvent.ActorUserId):
                var user = altered ? original.ActorUserId + 1 : original.ActorUserId;
                await UpdateAsync(sequence, row => row.ExecuteUpdateAsync(s => s.SetProperty(x => x.ActorUserId, user)));
                return sequence;
            default:
                var text = Text(original, field);
                var value = altered ? OneCharacterOff(text) : text;
                await UpdateAsync(sequence, row => field switch
                {
                    nameof(AuditEvent.ActorName) => row.ExecuteUpdateAsync(s => s.SetProperty(x => x.ActorName, value)),
                    nameof(AuditEvent.Action) => row.ExecuteUpdateAsync(s => s.SetProperty(x => x.Action, value)),
                    nameof(AuditEvent.EntityType) => row.ExecuteUpdateAsync(s => s.SetProperty(x => x.EntityType, value)),
                    nameof(AuditEvent.EntityId) => row.ExecuteUpdateAsync(s => s.SetProperty(x => x.EntityId, value)),
                    nameof(AuditEvent.Before) => row.ExecuteUpdateAsync(s => s.SetProperty(x => x.Before, value)),
                    nameof(AuditEvent.After) => row.ExecuteUpdateAsync(s => s.SetProperty(x => x.After, value)),
                    nameof(AuditEvent.PreviousHash) => row.ExecuteUpdateAsync(s => s.SetProperty(x => x.PreviousHash, value)),
                    _ => row.ExecuteUpdateAsync(s => s.SetProperty(x => x.Hash, value)),
                });
                return sequence;
        }
    }

    private static string Text(AuditEvent e, string field) => field switch
    {
        nameof(AuditEvent.ActorName) => e.ActorName,
        nameof(AuditEvent.Action) => e.Action,
        nameof(AuditEvent.EntityType) => e.EntityType,
        nameof(AuditEvent.EntityId) => e.EntityId!,
        nameof(AuditEvent.Before) => e.Before!,
        nameof(AuditEvent.After) => e.After!,
        nameof(AuditEvent.PreviousHash) => e.PreviousHash,
        nameof(AuditEvent.Hash) => e.Hash,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>The smallest change there is: the last character replaced (a hash stays a hash, a number a number).</summary>
    private static string OneCharacterOff(string text) => text[..^1] + (text[^1] == '1' ? '2' : '1');

    /// <summary>Runs a parameterised UPDATE on the one stored row, past the app's save and its audit.</summary>
    private Task<int> UpdateAsync(long sequence, Func<IQueryable<AuditEvent>, Task<int>> update) => app.AsSystemAsync(async sp =>
    {
        var rows = await update(sp.GetRequiredService<DubanDb>().AuditEvents.Where(e => e.Sequence == sequence));
        Assert.Equal(1, rows);
        return rows;
    });

    private Task<AuditEvent> EventAsync(long sequence) =>
        ReadAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Sequence == sequence));

    private Task<ChainCheck> VerifyAsync() => app.AsSystemAsync(sp => sp.GetRequiredService<AuditLog>().VerifyAsync());

    private Task<T> ReadAsync<T>(Func<DubanDb, Task<T>> read) => app.AsSystemAsync(sp => read(sp.GetRequiredService<DubanDb>()));
}

public sealed class SqliteAuditTamperTests(SqliteAppFactory app) : AuditTamperTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresAuditTamperTests(PostgresAppFactory app) : AuditTamperTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
