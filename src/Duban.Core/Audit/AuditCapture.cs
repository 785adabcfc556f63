using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Duban.Core.Audit;

/// <summary>
/// Turns tracked changes into audit drafts: the values before are read before saving, the values after (and keys
/// the database generates) after saving. A record created together with its parts (an item with its categories
/// and first history entry) is one event, the parts nested in it: one thing happened, and an import of many
/// thousand items should not write ten times as many events.
/// </summary>
internal sealed class AuditCapture
{
    // Secrets never enter the log, not even as hashes.
    private static readonly HashSet<string> HiddenProperties =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Hash"];

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private readonly List<(EntityEntry Entry, EntityState State, string? Before, string[] Changed, string? Key)> _changes = [];

    /// <param name="changes">The save's added, modified and deleted entries, audit events left out.</param>
    public static AuditCapture Before(IReadOnlyList<EntityEntry> changes)
    {
        var capture = new AuditCapture();
        var parts = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var entry in changes.Where(e => e.State == EntityState.Added))
        {
            foreach (var collection in entry.Collections)
            {
                foreach (var part in collection.CurrentValue ?? Enumerable.Empty<object>())
                {
                    parts.Add(part);
                }
            }
        }
        foreach (var entry in changes)
        {
            if (entry.State == EntityState.Added && parts.Contains(entry.Entity))
            {
                continue;
            }
            var changed = entry.State == EntityState.Modified
                ? entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)
                                              && !HiddenProperties.Contains(p.Metadata.Name))
                    .Select(p => p.Metadata.Name).ToArray()
                : [];
            // A save that only renewed secrets (a new security stamp) has nothing a reader could use; a version that only
            // moved with a change to the record's parts (a finding added to an inspection) is told by the part's event.
            if (entry.State == EntityState.Modified
                && changed.All(name => entry.Property(name).Metadata.IsConcurrencyToken))
            {
                continue;
            }
            var before = entry.State switch
            {
                EntityState.Modified => Serialize(entry, changed, original: true),
                EntityState.Deleted => Serialize(entry, null, original: true),
                _ => null,
            };
            var key = entry.State == EntityState.Added ? null : KeyOf(entry);
            capture._changes.Add((entry, entry.State, before, changed, key));
        }
        return capture;
    }

    public bool IsEmpty => _changes.Count == 0;

    /// <summary>How many events <see cref="After"/> gives.</summary>
    public int Count => _changes.Count;

    public IEnumerable<AuditDraft> After(DateTime at, int? actorUserId, string actorName) =>
        _changes.Select(c => new AuditDraft(
            at, actorUserId, actorName,
            $"{TypeName(c.Entry.Metadata.ClrType)}.{ActionName(c.State)}",
            TypeName(c.Entry.Metadata.ClrType),
            c.Key ?? KeyOf(c.Entry),
            c.Before,
            c.State switch
            {
                EntityState.Added => SerializeWithParts(c.Entry),
                EntityState.Modified => Serialize(c.Entry, c.Changed, original: false),
                _ => null,
            }));

    // Identity's generic join types read as IdentityUserRole, not IdentityUserRole`1.
    private static string TypeName(Type type) => type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;

    private static string ActionName(EntityState state) => state switch
    {
        EntityState.Added => "created",
        EntityState.Modified => "updated",
        EntityState.Deleted => "deleted",
        _ => state.ToString().ToLowerInvariant(),
    };

    private static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? null : string.Join(',', key.Properties.Select(p => entry.Property(p.Name).CurrentValue));
    }

    /// <summary>
    /// The "after" of a created record, saved by the tracker or written in bulk (an import): its values, with the
    /// parts in its collections nested.
    /// </summary>
    public static string DescribeCreated(Microsoft.EntityFrameworkCore.Metadata.IModel model, object entity)
    {
        var type = model.FindEntityType(entity.GetType())!;
        var values = ValuesOf(type, entity);
        foreach (var navigation in type.GetNavigations().Where(n => n.IsCollection))
        {
            var parts = (navigation.GetGetter().GetClrValueUsingContainingEntity(entity) as System.Collections.IEnumerable)?
                .Cast<object>().Select(part => ValuesOf(navigation.TargetEntityType, part)).ToList();
            if (parts is { Count: > 0 })
            {
                values[navigation.Name] = parts;
            }
        }
        return JsonSerializer.Serialize(values, Json);
    }

    // A generated key the bulk writer did not read back is unknown, not 0, and is left out.
    private static Dictionary<string, object?> ValuesOf(Microsoft.EntityFrameworkCore.Metadata.IEntityType type, object entity) =>
        type.GetProperties().Where(p => !HiddenProperties.Contains(p.Name))
            .Select(p => (p, Value: p.GetGetter().GetClrValueUsingContainingEntity(entity)))
            .Where(v => !(v.p.IsPrimaryKey() && v.p.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd && v.Value is 0 or 0L))
            .ToDictionary(v => v.p.Name, v => v.Value);

    // A record the tracker saved reads the same as one written in bulk (the model has no shadow properties).
    private static string SerializeWithParts(EntityEntry entry) => DescribeCreated(entry.Context.Model, entry.Entity);

    private static string Serialize(EntityEntry entry, string[]? only, bool original) =>
        JsonSerializer.Serialize(Values(entry, only, original), Json);

    private static Dictionary<string, object?> Values(EntityEntry entry, string[]? only, bool original)
    {
        var values = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (HiddenProperties.Contains(name) || (only is not null && !only.Contains(name)))
            {
                continue;
            }
            values[name] = original ? property.OriginalValue : property.CurrentValue;
        }
        return values;
    }
}
