using Duban.Core.Audit;
using Duban.Tests.Infrastructure;

namespace Duban.Tests.Domain;

/// <summary>Each event's hash against one computed apart from the product: a literal vector and <see cref="CanonicalAuditHash"/>.</summary>
public class AuditChainTests
{
    private static readonly DateTime At = new DateTime(2026, 3, 1, 8, 0, 0, 123, DateTimeKind.Utc).AddTicks(4567);
    private static readonly string Previous = new('7', 64);

    private static AuditDraft Draft() => new(At, 1, "demo-admin", "Unit.updated", "Unit", "3", "{\"a\":1}", "{\"a\":2}");

    [Fact]
    public void The_hash_is_SHA_256_of_the_fields_one_per_line()
    {
        var e = new AuditEvent(Draft(), 1, AuditEvent.GenesisHash);

        // printf '%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s' 1 2026-03-01T08:00:00.123Z 1 demo-admin Unit.updated Unit 3 \
        //   '{"a":1}' '{"a":2}' 0000000000000000000000000000000000000000000000000000000000000000 | sha256sum
        Assert.Equal("ce5fe2897d5edd9c3545bb2dd52a0cd5340bf5166dfe11f04df6b0421cc2f205", e.Hash);
        Assert.Equal(CanonicalAuditHash.Of(e), e.Hash);
    }

    [Fact]
    public void Absent_values_hash_as_empty_lines()
    {
        var e = new AuditEvent(new AuditDraft(At, null, "system", "Unit.created", "Unit", null, null, "{}"), 7, Previous);

        Assert.Equal(CanonicalAuditHash.Of(7, At, null, "system", "Unit.created", "Unit", null, null, "{}", Previous), e.Hash);
    }

    [Fact]
    public void Each_event_carries_its_predecessors_hash()
    {
        var first = new AuditEvent(Draft(), 1, AuditEvent.GenesisHash);
        var second = new AuditEvent(Draft(), 2, first.Hash);
        var third = new AuditEvent(Draft(), 3, second.Hash);

        Assert.Equal([first.Hash, second.Hash], [second.PreviousHash, third.PreviousHash]);
        Assert.All(new[] { first, second, third }, e => Assert.Equal(CanonicalAuditHash.Of(e), e.Hash));
        Assert.Equal(3, new[] { first.Hash, second.Hash, third.Hash }.Distinct().Count());
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
    public void Changing_any_hashed_field_changes_the_hash(string field)
    {
        var original = new AuditEvent(Draft(), 2, Previous);

        var changed = field switch
        {
            nameof(AuditEvent.Sequence) => new AuditEvent(Draft(), 3, Previous),
            nameof(AuditEvent.At) => new AuditEvent(Draft() with { At = At.AddMilliseconds(1) }, 2, Previous),
            nameof(AuditEvent.ActorUserId) => new AuditEvent(Draft() with { ActorUserId = 2 }, 2, Previous),
            nameof(AuditEvent.ActorName) => new AuditEvent(Draft() with { ActorName = "demo-admim" }, 2, Previous),
            nameof(AuditEvent.Action) => new AuditEvent(Draft() with { Action = "Unit.deleted" }, 2, Previous),
            nameof(AuditEvent.EntityType) => new AuditEvent(Draft() with { EntityType = "Person" }, 2, Previous),
            nameof(AuditEvent.EntityId) => new AuditEvent(Draft() with { EntityId = "4" }, 2, Previous),
            nameof(AuditEvent.Before) => new AuditEvent(Draft() with { Before = "{\"a\":0}" }, 2, Previous),
            nameof(AuditEvent.After) => new AuditEvent(Draft() with { After = "{\"a\":3}" }, 2, Previous),
            _ => new AuditEvent(Draft(), 2, new string('8', 64)),
        };

        Assert.NotEqual(original.Hash, changed.Hash);
        Assert.Equal(CanonicalAuditHash.Of(changed), changed.Hash);
    }

    [Fact]
    public void Times_are_kept_to_the_millisecond_so_every_database_returns_what_was_hashed()
    {
        var e = new AuditEvent(Draft(), 1, AuditEvent.GenesisHash);

        Assert.Equal(0, e.At.Ticks % TimeSpan.TicksPerMillisecond);
        Assert.Equal(123, e.At.Millisecond);
    }
}
