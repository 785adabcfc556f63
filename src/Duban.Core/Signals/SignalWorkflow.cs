using Duban.Core.Accounts;
using Duban.Core.Common.Workflow;

namespace Duban.Core.Signals;

public enum SignalAction
{
    Explain,
    Accept,
    Dismiss,
}

/// <summary>
/// A flag's transition table: the unit's head (over the own tree) or liaison (the own unit) explains a flag the
/// current computation sees (it waits for them on 我的待办); a Supervisor accepts or dismisses an open or explained
/// flag, with a reason either way.
/// </summary>
public static class SignalWorkflow
{
    /// <summary>The names of what actions ask for, the same in the API's JSON and the page's forms.</summary>
    public static class Field
    {
        public const string Text = "text";
        public const string Reason = "reason";
    }

    private static readonly Grant ByHead = new(Roles.UnitHead, Relation.OwnTree, Awaits: true);
    private static readonly Grant ByLiaison = new(Roles.Liaison, Relation.OwnUnit, Awaits: true);
    private static readonly Grant BySupervisor = new(Roles.Supervisor, Relation.Anyone);

    public static Workflow<SignalFlag, SignalAction> Table { get; } = new(new UnitRelations<SignalFlag>(),
    [
        new(SignalAction.Explain, "explain", "说明情况", f => f.State == SignalState.Open && f.Seen, [ByHead, ByLiaison],
            [new(Field.Text, "情况说明（原因、已采取或将采取的措施）", Required: true)])
        {
            Primary = true,
            Done = "已提交情况说明",
        },
        new(SignalAction.Accept, "accept", "认定", f => f.State == SignalState.Open || f.State == SignalState.Explained, [BySupervisor],
            [new(Field.Reason, "认定理由", Required: true)])
        {
            Primary = true,
            Done = "已认定",
        },
        new(SignalAction.Dismiss, "dismiss", "排除", f => f.State == SignalState.Open || f.State == SignalState.Explained, [BySupervisor],
            [new(Field.Reason, "排除理由", Required: true)])
        {
            Confirm = "排除后，只要依据不变，重新计算也不再提示这一病相。确定排除吗？",
            Done = "已排除",
        },
    ])
    {
        RefuseRole = action => SignalErrors.RoleMayNot(action.Name),
        RefuseState = (action, flag) => action switch
        {
            SignalAction.Explain when flag.State == SignalState.Open => SignalErrors.NotSeen(),
            _ => SignalErrors.NotInState(SignalTerms.Name(flag.State)),
        },
        RefuseStale = SignalErrors.Stale,
    };
}
