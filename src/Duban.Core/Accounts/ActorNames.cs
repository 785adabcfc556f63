using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Accounts;

/// <summary>Who did something, as people read it: the person's name and unit, not the login name.</summary>
public sealed record ActorName(string Name, string? Unit)
{
    public string Shown => Unit is null ? Name : $"{Name}（{Unit}）";
}

/// <summary>
/// Resolves the accounts a history or the audit log recorded to people's names. What was recorded is never
/// rewritten; the names are read when shown. Work done without an account reads 系统, or 演示数据 for the demo.
/// </summary>
public static class ActorNames
{
    public const string DemoActor = "system:demo";

    public static async Task<Func<int?, string, ActorName>> NamesOfAsync(this DubanDb db, IEnumerable<int?> userIds,
        CancellationToken cancellationToken = default)
    {
        var ids = userIds.OfType<int>().Distinct().ToList();
        var accounts = ids.Count == 0 ? [] : await db.Users.Where(u => ids.Contains(u.Id))
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                // The person may be outside the reader's scope; their name on what they did is not a secret.
                Person = db.People.IgnoreQueryFilters().Where(p => p.Id == u.PersonId).Select(p => new { p.Name, Unit = p.Unit!.Name }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var names = accounts.ToDictionary(a => a.Id, a => a.Person is { } person
            ? new ActorName(person.Name, person.Unit)
            : new ActorName(string.IsNullOrWhiteSpace(a.DisplayName) ? string.Empty : a.DisplayName, null));
        return (userId, recorded) => userId is { } id && names.TryGetValue(id, out var name) && name.Name.Length > 0
            ? name
            : Unattributed(recorded);
    }

    /// <summary>A name recorded without an account: the system's own work, the demo's, or a name kept as written.</summary>
    public static ActorName Unattributed(string recorded) =>
        recorded == DemoActor ? new ActorName("演示数据", null)
        : recorded.StartsWith("system", StringComparison.Ordinal) || recorded.StartsWith("cli:", StringComparison.Ordinal) ? new ActorName("系统", null)
        : new ActorName(recorded, null);
}
