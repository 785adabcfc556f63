using System.Collections.Concurrent;
using Duban.Accounts;
using Duban.Core.Campaigns;
using Duban.Core.Common.Events;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Duban.Core.Organization;
using Duban.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Tests.Integration;

/// <summary>
/// Domain events reach their handlers once the change has committed, never before and never for a change that did
/// not commit; the caches and the light tally follow saves through them, and a synchronous save is refused.
/// </summary>
public abstract class DomainEventTests<TFactory>(TFactory app) where TFactory : DubanFactory
{
    private CampaignEventRecorder Recorder => app.Services.GetRequiredService<CampaignEventRecorder>();

    [Fact]
    public async Task A_save_announces_its_events_once_its_own_transaction_has_committed()
    {
        var code = NewCode();
        var heardBefore = Recorder.Heard.Count;

        await app.AsSystemAsync(sp => AddCampaignAsync(sp.GetRequiredService<DubanDb>(), code));

        var heard = Recorder.Heard.Skip(heardBefore).ToList();
        Assert.Single(heard);
        Assert.Contains(code, heard[0]);
    }

    [Fact]
    public async Task Inside_a_callers_transaction_events_wait_for_its_commit()
    {
        var code = NewCode();
        var heardBefore = Recorder.Heard.Count;

        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<DubanDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await AddCampaignAsync(db, code);
            Assert.Equal(heardBefore, Recorder.Heard.Count);
            await transaction.CommitAsync();
            return 0;
        });

        var heard = Recorder.Heard.Skip(heardBefore).ToList();
        Assert.Single(heard);
        Assert.Contains(code, heard[0]);
    }

    [Fact]
    public async Task A_transaction_that_does_not_commit_announces_nothing_then_or_later()
    {
        var dropped = NewCode();
        var kept = NewCode();
        var heardBefore = Recorder.Heard.Count;

        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<DubanDb>();
            await using (await db.Database.BeginTransactionAsync())
            {
                await AddCampaignAsync(db, dropped);
            }
            db.ChangeTracker.Clear();
            return await AddCampaignAsync(db, kept);
        });

        var heard = Assert.Single(Recorder.Heard.Skip(heardBefore));
        Assert.Contains(kept, heard);
        Assert.DoesNotContain(dropped, heard);
    }

    [Fact]
    public async Task A_failed_save_announces_nothing_and_leaves_no_transaction_open()
    {
        var code = NewCode();
        await app.AsSystemAsync(sp => AddCampaignAsync(sp.GetRequiredService<DubanDb>(), code));
        var heardBefore = Recorder.Heard.Count;
        var eventsBefore = await app.AsSystemAsync(sp => sp.GetRequiredService<DubanDb>().AuditEvents.CountAsync());

        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<DubanDb>();
            await Assert.ThrowsAsync<DbUpdateException>(() => AddCampaignAsync(db, code));
            Assert.Null(db.Database.CurrentTransaction);
            return 0;
        });

        Assert.Equal(heardBefore, Recorder.Heard.Count);
        Assert.Equal(eventsBefore, await app.AsSystemAsync(sp => sp.GetRequiredService<DubanDb>().AuditEvents.CountAsync()));
    }

    [Fact]
    public async Task A_synchronous_save_is_refused_and_writes_nothing()
    {
        var code = NewCode();

        var refused = await app.AsSystemAsync(sp =>
        {
            var db = sp.GetRequiredService<DubanDb>();
            db.Set<Campaign>().Add(NewCampaign(code));
            return Task.FromResult(Assert.Throws<InvalidOperationException>(() => db.SaveChanges()));
        });

        Assert.Contains("SaveChangesAsync", refused.Message);
        Assert.False(await app.AsSystemAsync(sp => sp.GetRequiredService<DubanDb>().Set<Campaign>().AnyAsync(c => c.Code == code)));
    }

    [Fact]
    public async Task A_renamed_unit_shows_in_the_unit_directory_at_once()
    {
        var directory = app.Services.GetRequiredService<UnitDirectory>();
        var unit = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<DubanDb>();
            await directory.AllAsync(db);
            return await db.Units.AsNoTracking().SingleAsync(u => u.Name == "文电科");
        });

        await app.AsSystemAsync(sp => sp.GetRequiredService<UnitService>().UpdateAsync(unit.Id,
            new UnitInput("文电管理科", unit.Kind, unit.ParentId, unit.SortOrder, unit.HeadPersonId, unit.LiaisonPersonId)));

        var names = await app.AsSystemAsync(async sp => await directory.AllAsync(sp.GetRequiredService<DubanDb>()));
        Assert.Equal("文电管理科", names[unit.Id].Name);
    }

    [Fact]
    public async Task A_person_moved_to_another_unit_acts_there_on_the_next_request()
    {
        var member = await app.SignedInAsync("demo-member");
        var before = await member.GetJsonAsync<MeResponse>("/api/v1/me");
        var other = await app.AsSystemAsync(sp => sp.GetRequiredService<DubanDb>().Units.SingleAsync(u => u.Name == "秘书科"));

        await app.AsSystemAsync(async sp =>
        {
            var person = await sp.GetRequiredService<PeopleService>().GetAsync(before.PersonId!.Value);
            return await sp.GetRequiredService<PeopleService>().UpdateAsync(person.Id,
                new PersonInput(person.Name, other.Id, person.Position, person.IsPartyMember));
        });

        Assert.NotEqual(other.Id, before.UnitId);
        Assert.Equal(other.Id, (await member.GetJsonAsync<MeResponse>("/api/v1/me")).UnitId);
    }

    [Fact]
    public async Task The_light_tally_moves_with_a_save_committed_here_and_stays_current()
    {
        var tally = await CurrentTallyAsync();
        var submittedBefore = tally.CountInState(ItemState.Submitted, _ => true);
        var inProgressBefore = tally.CountInState(ItemState.InProgress, _ => true);

        var last = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<DubanDb>();
            var item = await db.Items.FirstAsync(i => i.State == ItemState.Submitted);
            item.Return("补充材料", new ItemActor(null, "test"), app.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            return await db.LastChangeAsync();
        });

        Assert.True(tally.IsCurrent(last));
        Assert.Equal(submittedBefore - 1, tally.CountInState(ItemState.Submitted, _ => true));
        Assert.Equal(inProgressBefore + 1, tally.CountInState(ItemState.InProgress, _ => true));
    }

    [Fact]
    public async Task A_save_inside_a_callers_transaction_leaves_the_tally_to_recount()
    {
        var tally = await CurrentTallyAsync();

        var last = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<DubanDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var item = await db.Items.FirstAsync(i => i.State == ItemState.Submitted);
            item.Return("补充材料", new ItemActor(null, "test"), app.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return await db.LastChangeAsync();
        });

        Assert.False(tally.IsCurrent(last));
    }

    // Asking whether the tally is current requests a rebuild when it is not; this waits for one to catch up.
    private async Task<LightTally> CurrentTallyAsync()
    {
        var tally = app.Services.GetRequiredService<LightTally>();
        for (var i = 0; i < 100; i++)
        {
            var last = await app.AsSystemAsync(sp => sp.GetRequiredService<DubanDb>().LastChangeAsync());
            if (tally.IsCurrent(last))
            {
                return tally;
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException("the light tally did not catch up within 10 s");
    }

    private static string NewCode() => "EV-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private static Campaign NewCampaign(string code) =>
        new(code, "领域事件测试", 2026, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

    private static async Task<int> AddCampaignAsync(DubanDb db, string code)
    {
        db.Set<Campaign>().Add(NewCampaign(code));
        return await db.SaveChangesAsync();
    }
}

/// <summary>Hears every change to campaigns, noting which campaign codes another connection sees at that moment.</summary>
public sealed class CampaignEventRecorder(IServiceScopeFactory scopes) : IDomainEventHandler<Changed<Campaign>>
{
    private readonly ConcurrentQueue<IReadOnlySet<string>> _heard = new();

    public IReadOnlyList<IReadOnlySet<string>> Heard => [.. _heard];

    public async Task HandleAsync(Changed<Campaign> domainEvent, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var codes = await scope.ServiceProvider.GetRequiredService<DubanDb>().Set<Campaign>().Select(c => c.Code).ToListAsync(cancellationToken);
        _heard.Enqueue(codes.ToHashSet());
    }
}

public sealed class SqliteEventsAppFactory : SqliteAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<CampaignEventRecorder>()
            .AddDomainEventHandler<Changed<Campaign>, CampaignEventRecorder>());
    }
}

public sealed class PostgresEventsAppFactory : PostgresAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<CampaignEventRecorder>()
            .AddDomainEventHandler<Changed<Campaign>, CampaignEventRecorder>());
    }
}

public sealed class SqliteDomainEventTests(SqliteEventsAppFactory app) : DomainEventTests<SqliteEventsAppFactory>(app), IClassFixture<SqliteEventsAppFactory>;

[Trait("Database", "Postgres")]
public sealed class PostgresDomainEventTests(PostgresEventsAppFactory app) : DomainEventTests<PostgresEventsAppFactory>(app), IClassFixture<PostgresEventsAppFactory>;
