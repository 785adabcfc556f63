using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Duban.Core.Audit;

namespace Duban.Tests.Infrastructure;

/// <summary>
/// The audit chain's hash as the tests understand it, written apart from <see cref="AuditEvent.ComputeHash"/> so a
/// change there cannot pass unnoticed: SHA-256 (lower-case hex) of the UTF-8 fields, one per line, in this order —
/// sequence, time (UTC to the millisecond, ISO 8601 with Z), actor user id, actor name, action, entity type, entity
/// id, before, after, previous hash — with an absent value as an empty line.
/// </summary>
public static class CanonicalAuditHash
{
    public static string Of(AuditEvent e) => Of(e.Sequence, e.At, e.ActorUserId, e.ActorName, e.Action, e.EntityType,
        e.EntityId, e.Before, e.After, e.PreviousHash);

    public static string Of(long sequence, DateTime at, int? actorUserId, string actorName, string action, string entityType,
        string? entityId, string? before, string? after, string previousHash)
    {
        var time = string.Create(CultureInfo.InvariantCulture,
            $"{at.Year:D4}-{at.Month:D2}-{at.Day:D2}T{at.Hour:D2}:{at.Minute:D2}:{at.Second:D2}.{at.Millisecond:D3}Z");
        var lines = new StringBuilder()
            .Append(sequence.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(time).Append('\n')
            .Append(actorUserId?.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(actorName).Append('\n')
            .Append(action).Append('\n')
            .Append(entityType).Append('\n')
            .Append(entityId).Append('\n')
            .Append(before).Append('\n')
            .Append(after).Append('\n')
            .Append(previousHash);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(lines.ToString()));
        return string.Concat(digest.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }
}
