namespace Duban.Core.Common.Workflow;

/// <summary>A record whose every save raises its version, so a change made from an older copy can be refused.</summary>
public interface IVersioned
{
    int Version { get; }
}
