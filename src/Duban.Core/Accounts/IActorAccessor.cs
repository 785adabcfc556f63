namespace Duban.Core.Accounts;

/// <summary>Gives the data layer the current actor, so scope filters and audit stamps need no parameters.</summary>
public interface IActorAccessor
{
    Actor Actor { get; }
}

/// <summary>The accessor for the command line and start-up work: everything is done as the system.</summary>
public sealed class SystemActorAccessor(string name = "system") : IActorAccessor
{
    public Actor Actor { get; } = Actor.System(name);
}

/// <summary>A settable accessor: the web host fills it once per request after authentication.</summary>
public sealed class ScopedActorAccessor : IActorAccessor
{
    public Actor Actor { get; set; } = Actor.Anonymous;
}
