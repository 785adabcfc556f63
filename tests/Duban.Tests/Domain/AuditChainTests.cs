using Duban.Core.Audit;

namespace Duban.Tests.Domain;

public class AuditChainTests
{
    private static AuditDraft Draft(string action) =>
        new(new DateTime(2026, 3, 1, 8, 0, 0, 123, DateTimeKind.Utc).AddTicks(4567), 1, "demo-admin", action, "Unit", "3", "{\"a\":1}", "{\"a\":2}");

    [Fact]
    public void Each_event_hashes_its_fields_and_its_predecessor()
    {
        var first = new AuditEvent(Draft("Unit.updated"), 1, AuditEvent.GenesisHash);
        var second = new AuditEvent(Draft("Unit.updated"), 2, first.Hash);

        Assert.Equal(first.Hash, first.ComputeHash());
        Assert.NotEqual(first.Hash, second.Hash);
        Assert.Equal(first.Hash, second.PreviousHash);
    }

    [Fact]
    public void Changing_any_field_changes_the_hash()
    {
        var original = new AuditEvent(Draft("Unit.updated"), 1, AuditEvent.GenesisHash);
        var other = new AuditEvent(Draft("Unit.deleted"), 1, AuditEvent.GenesisHash);
        var otherParent = new AuditEvent(Draft("Unit.updated"), 1, new string('1', 64));

        Assert.NotEqual(original.Hash, other.Hash);
        Assert.NotEqual(original.Hash, otherParent.Hash);
    }

    [Fact]
    public void Times_are_kept_to_the_millisecond_so_every_database_returns_what_was_hashed()
    {
        var e = new AuditEvent(Draft("x"), 1, AuditEvent.GenesisHash);

        Assert.Equal(0, e.At.Ticks % TimeSpan.TicksPerMillisecond);
        Assert.Equal(123, e.At.Millisecond);
    }
}
