using System.Linq.Expressions;
using Duban.Core.Accounts;
using Duban.Core.Common.Scope;
using Duban.Core.Audit;
using Duban.Core.Catalog;
using Duban.Core.Common.Events;
using Duban.Core.Ledger;
using Duban.Core.Organization;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Data;

/// <summary>
/// The one database context. Every save goes through SaveChangesAsync, where <see cref="AuditInterceptor"/> appends
/// the audit events of the change in the same transaction; reads of units, people and every unit-scoped record
/// (<see cref="IUnitScoped{TSelf}"/>) are filtered to the current actor's data scope.
/// </summary>
public abstract partial class DubanDb : IdentityDbContext<AppUser, AppRole, int>
{
    // Until a lease binds an actor, a context acts for nobody and sees nothing.
    private static readonly IActorAccessor NobodyYet = new Nobody();

    private IActorAccessor _actors = NobodyYet;
    private TimeProvider _clock = TimeProvider.System;
    private long? _lastChangeSeen;

    // Contexts are pooled, so they take only options; the request's actor and the clock come with each lease.
    protected DubanDb(DbContextOptions options) : base(options)
    {
    }

    /// <summary>
    /// Hands a (pooled) context to one request or command: who acts, which clock tells the time, and who hears of
    /// committed saves.
    /// </summary>
    public DubanDb Bind(IActorAccessor actors, TimeProvider clock, DomainEvents events)
    {
        _actors = actors;
        _clock = clock;
        Events = events;
        _lastChangeSeen = null;
        Notes.Clear();
        Saving = null;
        Uncommitted.Clear();
        return this;
    }

    // The save path's state for this lease (see AuditInterceptor and CommitAnnouncer).
    internal TimeProvider Clock => _clock;
    internal DomainEvents? Events { get; private set; }
    internal List<AuditDraft> Notes { get; } = [];
    internal AuditedSave? Saving { get; set; }
    internal bool AppendingAudit { get; set; }

    /// <summary>The events of saves inside the open transaction, announced when it commits.</summary>
    internal List<IDomainEvent> Uncommitted { get; } = [];

    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<CatalogEntry> CatalogEntries => Set<CatalogEntry>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<SignedOutSession> SignedOutSessions => Set<SignedOutSession>();
    public DbSet<RectificationItem> Items => Set<RectificationItem>();
    public DbSet<ItemEvent> ItemEvents => Set<ItemEvent>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<Spreadsheets.ColumnMapping> ColumnMappings => Set<Spreadsheets.ColumnMapping>();

    public Actor Actor => _actors.Actor;

    // Read by the query filters at query time; EF turns them into parameters.
    private DataScope ScopeKind => _actors.Actor.Scope;
    private string ScopePath => _actors.Actor.UnitPath ?? "/none/";
    private int ScopeUnitId => _actors.Actor.UnitId ?? -1;
    private int ScopePersonId => _actors.Actor.PersonId ?? -1;

    /// <summary>Adds an event that is not a row change (a login, a download) to the next save.</summary>
    public void Note(string action, string entityType, string? entityId, string? details = null, string? actorName = null)
    {
        var actor = _actors.Actor;
        Notes.Add(new AuditDraft(_clock.GetUtcNow().UtcDateTime, actor.UserId, actorName ?? actor.Name,
            action, entityType, entityId, null, details));
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DubanDb).Assembly);

        builder.Entity<Unit>().HasQueryFilter(u =>
            ScopeKind == DataScope.All
            || (ScopeKind == DataScope.UnitAndBelow && u.Path.StartsWith(ScopePath))
            || ((ScopeKind == DataScope.Unit || ScopeKind == DataScope.Self) && u.Id == ScopeUnitId));
        builder.Entity<Person>().HasQueryFilter(p =>
            ScopeKind == DataScope.All
            || (ScopeKind == DataScope.UnitAndBelow && p.Unit!.Path.StartsWith(ScopePath))
            || (ScopeKind == DataScope.Unit && p.UnitId == ScopeUnitId)
            || (ScopeKind == DataScope.Self && p.Id == ScopePersonId));
        foreach (var type in UnitScopedTypes(builder.Model))
        {
            ScopeFilterMethod.MakeGenericMethod(type).Invoke(this, [builder]);
        }
    }

    /// <summary>The entity types that belong to a unit (<see cref="IUnitScoped{TSelf}"/>), each filtered by one rule.</summary>
    public static IEnumerable<Type> UnitScopedTypes(Microsoft.EntityFrameworkCore.Metadata.IReadOnlyModel model) =>
        model.GetEntityTypes().Select(e => e.ClrType)
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IUnitScoped<>)));

    /// <summary>
    /// After a unit moved in the tree: every record of the unit, in every unit-scoped set, takes its new path. The
    /// copies are derived data, so they are rewritten in place; the move itself is the audited change.
    /// </summary>
    public async Task MoveUnitPathAsync(int unitId, string path, CancellationToken cancellationToken = default)
    {
        foreach (var type in UnitScopedTypes(Model))
        {
            await (Task)MovePathMethod.MakeGenericMethod(type).Invoke(this, [unitId, path, cancellationToken])!;
        }
    }

    private Task<int> MovePathAsync<T>(int unitId, string path, CancellationToken cancellationToken) where T : class, IUnitScoped<T> =>
        Set<T>().IgnoreQueryFilters().Where(r => r.UnitId == unitId)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.UnitPath, path), cancellationToken);

    private static readonly System.Reflection.MethodInfo MovePathMethod =
        typeof(DubanDb).GetMethod(nameof(MovePathAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;

    private static readonly System.Reflection.MethodInfo ScopeFilterMethod =
        typeof(DubanDb).GetMethod(nameof(ApplyScopeFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;

    // Records carry their unit's path, so "unit and below" needs no join; a member sees the records naming them.
    private void ApplyScopeFilter<T>(ModelBuilder builder) where T : class, IUnitScoped<T>
    {
        Expression<Func<T, bool>> all = r => ScopeKind == DataScope.All;
        Expression<Func<T, bool>> byUnit = r =>
            (ScopeKind == DataScope.UnitAndBelow && r.UnitPath.StartsWith(ScopePath))
            || (ScopeKind == DataScope.Unit && r.UnitId == ScopeUnitId);
        Expression<Func<bool>> self = () => ScopeKind == DataScope.Self;
        Expression<Func<int>> person = () => ScopePersonId;
        var record = all.Parameters[0];
        var named = Common.Expressions.Apply(T.Names, record, person.Body);
        Expression narrow = Expression.OrElse(Common.Expressions.Apply(byUnit, record), Expression.AndAlso(self.Body, named));
        if (T.Unsealed.Body is not ConstantExpression { Value: true })
        {
            narrow = Expression.AndAlso(Common.Expressions.Apply(T.Unsealed, record), narrow);
        }
        builder.Entity<T>().HasQueryFilter(Expression.Lambda<Func<T, bool>>(Expression.OrElse(all.Body, narrow), record));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every stored instant is UTC; SQLite would otherwise hand them back as "unspecified".
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    // Saving reads and locks the chain, which is asynchronous work: a synchronous save would block on it.
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new InvalidOperationException("DubanDb saves only asynchronously: use SaveChangesAsync.");

    /// <summary>
    /// Makes appends to the chain one at a time across connections and processes, so no two events share a
    /// predecessor. Called inside the transaction of the save.
    /// </summary>
    internal abstract Task LockAuditChainAsync(CancellationToken cancellationToken);

    /// <summary>Readies the connection for writing many rows in one transaction (an import); undone by <see cref="FinishBulkWriteAsync"/>.</summary>
    public abstract Task PrepareForBulkWriteAsync(CancellationToken cancellationToken);

    public abstract Task FinishBulkWriteAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Appends events for rows written without the change tracker (<see cref="BulkInsert{T}"/>), inside the caller's
    /// transaction, through the same chain as every save.
    /// </summary>
    internal async Task AppendAuditAsync(IReadOnlyList<AuditDraft> drafts, BulkInsert<AuditEvent> writer, CancellationToken cancellationToken)
    {
        await LockAuditChainAsync(cancellationToken);
        var (sequence, previous) = await AuditChain.EndAsync(this, cancellationToken);
        foreach (var draft in drafts)
        {
            var auditEvent = new AuditEvent(draft, ++sequence, previous);
            await writer.InsertAsync(auditEvent, cancellationToken);
            previous = auditEvent.Hash;
        }
    }

    /// <summary>
    /// The sequence of the last audit event: it grows with every audited save, in commit order, so it tells whether
    /// anything was written since a number was read, by this process or any other.
    /// </summary>
    public async Task<long> LastChangeAsync(CancellationToken cancellationToken = default) =>
        await AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => e.Sequence)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The last change as this request first saw it: read along with the request's authentication (so it costs no
    /// query of its own), else read now. For deciding whether in-memory counts are current, not for the chain.
    /// </summary>
    public async Task<long> LastChangeSeenAsync(CancellationToken cancellationToken = default) =>
        _lastChangeSeen ??= await LastChangeAsync(cancellationToken);

    /// <summary>Remembers the last change a query of this request read with its own answer.</summary>
    public void SawLastChange(long? sequence) => _lastChangeSeen = sequence ?? 0;

    private sealed class Nobody : IActorAccessor
    {
        public Actor Actor => Actor.Anonymous;
    }
}
