using Duban.Core.Accounts;
using Duban.Core.Common.Workflow;
using Duban.Core.Ledger;

namespace Duban.Core.Supervision.Slips;

/// <summary>
/// A slip's transition table: the unit's head (over the own tree) or liaison (the own unit) signs for it, then
/// replies; each once, and both wait for them on 我的待办.
/// </summary>
public static class UrgeSlipWorkflow
{
    /// <summary>The names of what actions ask for, the same in the API's JSON and the page's forms.</summary>
    public static class Field
    {
        public const string Text = "text";
        public const string File = "file";
    }

    private static readonly Grant ByHead = new(Roles.UnitHead, Relation.OwnTree, Awaits: true);
    private static readonly Grant ByLiaison = new(Roles.Liaison, Relation.OwnUnit, Awaits: true);

    public static Workflow<UrgeSlip, SlipAction> Table { get; } = new(new UnitRelations<UrgeSlip>(),
    [
        new(SlipAction.Acknowledge, "acknowledge", "签收", s => s.AcknowledgedAt == null, [ByHead, ByLiaison], []) { Primary = true },
        new(SlipAction.Reply, "reply", "反馈", s => s.AcknowledgedAt != null && s.RepliedAt == null, [ByHead, ByLiaison],
        [
            new(Field.Text, "反馈内容（整改进展、存在困难及下一步措施）", Required: true),
            new(Field.File, "附件（可选）", FieldKind.File) { Accept = EvidenceStore.Accept, Hint = $"只接受 {EvidenceStore.AllowedList} 文件。" },
        ]) { Primary = true },
    ])
    {
        RefuseRole = action => SlipErrors.RoleMayNot(action.Name),
        RefuseState = (action, slip) => action switch
        {
            SlipAction.Acknowledge => SlipErrors.AlreadyAcknowledged(),
            SlipAction.Reply when slip.AcknowledgedAt is null => SlipErrors.NotAcknowledged(),
            SlipAction.Reply => SlipErrors.AlreadyReplied(),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        },
        RefuseStale = SlipErrors.Stale,
    };
}
