using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Duban.Core.Audit;

/// <summary>
/// One entry of the append-only audit log. Each entry's <see cref="Hash"/> covers its own fields and the previous
/// entry's hash, so altering or removing any row breaks every hash after it.
/// </summary>
public sealed class AuditEvent
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public long Sequence { get; private set; }
    public DateTime At { get; private set; }
    public int? ActorUserId { get; private set; }
    public string ActorName { get; private set; } = string.Empty;
    public string Action { get; private set; } = string.Empty;
    public string EntityType { get; private set; } = string.Empty;
    public string? EntityId { get; private set; }
    public string? Before { get; private set; }
    public string? After { get; private set; }
    public string PreviousHash { get; private set; } = GenesisHash;
    public string Hash { get; private set; } = string.Empty;

    private AuditEvent()
    {
    }

    internal AuditEvent(AuditDraft draft, long sequence, string previousHash)
    {
        Sequence = sequence;
        // Stored at millisecond precision so every database gives back exactly what was hashed.
        At = new DateTime(draft.At.Ticks - draft.At.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        ActorUserId = draft.ActorUserId;
        ActorName = Truncate(draft.ActorName, 100);
        Action = draft.Action;
        EntityType = draft.EntityType;
        EntityId = draft.EntityId;
        Before = draft.Before;
        After = draft.After;
        PreviousHash = previousHash;
        Hash = ComputeHash();
    }

    public string ComputeHash()
    {
        var canonical = string.Join('\n',
            Sequence.ToString(CultureInfo.InvariantCulture),
            At.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ActorUserId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            ActorName, Action, EntityType, EntityId ?? string.Empty, Before ?? string.Empty, After ?? string.Empty,
            PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}

/// <summary>An audit event before it takes its place in the chain.</summary>
public sealed record AuditDraft(
    DateTime At,
    int? ActorUserId,
    string ActorName,
    string Action,
    string EntityType,
    string? EntityId,
    string? Before,
    string? After);
