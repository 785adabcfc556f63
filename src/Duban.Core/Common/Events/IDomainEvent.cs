namespace Duban.Core.Common.Events;

/// <summary>
/// A fact about data that has committed, for the parts of the system that act on it (a cache, a count, a
/// notification). Handlers hear of it only once the change is in the database.
/// </summary>
public interface IDomainEvent;

/// <summary>
/// Acts on one kind of event after the commit. A module subscribes with
/// <see cref="DomainEventServices.AddDomainEventHandler{TEvent, THandler}"/>; a failing handler is logged, since the
/// change it reacts to has committed all the same.
/// </summary>
public interface IDomainEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}
