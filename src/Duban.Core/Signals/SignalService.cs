using Duban.Core.Common.Scope;
using Duban.Core.Common.Workflow;
using Duban.Core.Data;

namespace Duban.Core.Signals;

/// <summary>The actions on flags by the transition table <see cref="SignalWorkflow"/>: the one path the API and the pages share.</summary>
public sealed class SignalService(DubanDb db, TimeProvider clock, SignalBoardCache boards)
{
    private FlagActor By => new(db.Actor.UserId, db.Actor.DisplayName);

    public async Task<SignalFlag> ActAsync(int id, SignalAction action, ActionInput input, CancellationToken cancellationToken = default)
    {
        var flag = await db.Set<SignalFlag>().FindInScopeAsync(id, SignalErrors.NotFound, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.ActAsync(SignalWorkflow.Table, flag, action, input.Version, f =>
        {
            switch (action)
            {
                case SignalAction.Explain:
                    f.Explain(input.Text(SignalWorkflow.Field.Text), By, now);
                    break;
                case SignalAction.Accept or SignalAction.Dismiss:
                    f.Decide(action == SignalAction.Accept, input.Text(SignalWorkflow.Field.Reason), By, now);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(action), action, null);
            }
            return Task.CompletedTask;
        }, cancellationToken);
        // A decision moves a flag between the board's counts (undismissed) and the dismissed.
        boards.Clear();
        return flag;
    }
}
