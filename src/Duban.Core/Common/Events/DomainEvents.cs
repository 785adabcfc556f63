using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Duban.Core.Common.Events;

/// <summary>
/// The events of one scope's saves: read from each save's changes, then handed to the registered handlers once the
/// transaction has committed (the save path calls both).
/// </summary>
public sealed class DomainEvents(IServiceProvider services, IEnumerable<IChangeEventSource> sources, ILogger<DomainEvents> logger)
{
    private static readonly ConcurrentDictionary<Type, Func<DomainEvents, IDomainEvent, CancellationToken, Task>> Publishers = new();

    private readonly IChangeEventSource[] _sources = [.. sources];

    internal void Read(ChangeSet changes, List<IDomainEvent> into)
    {
        foreach (var source in _sources)
        {
            if (source.From(changes) is { } raised)
            {
                into.Add(raised);
            }
        }
    }

    internal async Task PublishAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
    {
        foreach (var domainEvent in events)
        {
            var publish = Publishers.GetOrAdd(domainEvent.GetType(), type =>
                typeof(DomainEvents).GetMethod(nameof(PublishOneAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                    .MakeGenericMethod(type)
                    .CreateDelegate<Func<DomainEvents, IDomainEvent, CancellationToken, Task>>());
            await publish(this, domainEvent, cancellationToken);
        }
    }

    private async Task PublishOneAsync<TEvent>(IDomainEvent domainEvent, CancellationToken cancellationToken) where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
        {
            try
            {
                await handler.HandleAsync((TEvent)domainEvent, cancellationToken);
            }
            catch (Exception e)
            {
                // The change has committed; one handler's failure must neither undo it nor keep the others from hearing.
                logger.LogError(e, "Handling {Event} in {Handler} failed", typeof(TEvent).Name, handler.GetType().Name);
            }
        }
    }
}

/// <summary>Reads one kind of <see cref="IChangeEvent{TSelf}"/> from a save's changes.</summary>
public interface IChangeEventSource
{
    IDomainEvent? From(ChangeSet changes);
}

internal sealed class ChangeEventSource<TEvent> : IChangeEventSource where TEvent : class, IChangeEvent<TEvent>
{
    public IDomainEvent? From(ChangeSet changes) => TEvent.From(changes);
}

public static class DomainEventServices
{
    /// <summary>
    /// Subscribes a handler to an event: the one line a module adds. The handler is resolved from the saving scope
    /// each time (so a handler registered as a singleton stays one). For an event read from changes, saves start
    /// reading it.
    /// </summary>
    public static IServiceCollection AddDomainEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IDomainEvent
        where THandler : class, IDomainEventHandler<TEvent>
    {
        services.TryAddTransient<THandler>();
        services.AddTransient<IDomainEventHandler<TEvent>>(sp => sp.GetRequiredService<THandler>());
        if (typeof(TEvent).GetInterfaces().Contains(typeof(IChangeEvent<>).MakeGenericType(typeof(TEvent))))
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IChangeEventSource),
                typeof(ChangeEventSource<>).MakeGenericType(typeof(TEvent))));
        }
        return services;
    }
}
