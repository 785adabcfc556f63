using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Duban.Core.Audit;

/// <summary>
/// Turns tracked changes into audit drafts: the values before are read before saving, the values after (and keys
/// the database generates) after saving.
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

    public static AuditCapture Before(ChangeTracker tracker)
    {
        var capture = new AuditCapture();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is AuditEvent || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            var changed = entry.State == EntityState.Modified
                ? entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)
                                              && !HiddenProperties.Contains(p.Metadata.Name))
                    .Select(p => p.Metadata.Name).ToArray()
                : [];
            // A save that only renewed secrets (a new security stamp) has nothing a reader could use.
            if (entry.State == EntityState.Modified && changed.Length == 0)
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

    public IEnumerable<AuditDraft> After(DateTime at, int? actorUserId, string actorName) =>
        _changes.Select(c => new AuditDraft(
            at, actorUserId, actorName,
            $"{TypeName(c.Entry.Metadata.ClrType)}.{ActionName(c.State)}",
            TypeName(c.Entry.Metadata.ClrType),
            c.Key ?? KeyOf(c.Entry),
            c.Before,
            c.State switch
            {
                EntityState.Added => Serialize(c.Entry, null, original: false),
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

    private static string Serialize(EntityEntry entry, string[]? only, bool original)
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
        return JsonSerializer.Serialize(values, Json);
    }
}
