using Duban.Core.Common.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Data;

/// <summary>The one path every workflow action takes, whatever the record.</summary>
public static class WorkflowPath
{
    /// <summary>
    /// Takes an action on a record the caller has loaded within the actor's scope (so one outside it was already a
    /// 404): the role and relation, then the state, then the version the actor saw, then the record's own method,
    /// then one save, which appends the audit events and announces the domain events once it commits.
    /// </summary>
    public static async Task<TRecord> ActAsync<TRecord, TAction>(this DubanDb db, Workflow<TRecord, TAction> table, TRecord record,
        TAction action, int? expectedVersion, Func<TRecord, Task> change, CancellationToken cancellationToken = default)
        where TRecord : class
        where TAction : struct, Enum
    {
        if (!table.RoleMay(action, db.Actor, record))
        {
            throw table.RefuseRole(table[action]);
        }
        if (!table.IsLegal(action, record))
        {
            throw table.RefuseState(action, record);
        }
        if (expectedVersion is not null && record is IVersioned versioned && versioned.Version != expectedVersion)
        {
            throw table.RefuseStale();
        }
        await change(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw table.RefuseStale();
        }
        return record;
    }
}
