using Duban.Core.Accounts;
using Duban.Core.Common.Workflow;

namespace Duban.Core.Bulletins;

/// <summary>
/// The transition tables of bulletins (the supervision office drafts and publishes, Leadership approves or returns)
/// and of their distribution (the unit's head or liaison signs for it and, when criticised, sends its 整改反馈).
/// Routes, buttons and 我的待办 come from them.
/// </summary>
public static class BulletinWorkflow
{
    public static class Field
    {
        public const string Reason = "reason";
        public const string Text = "text";
        public const string CutOff = "cutoff";
    }

    private static readonly Grant BySupervisor = new(Roles.Supervisor, Relation.Anyone);
    private static readonly Grant ByLeader = new(Roles.Leadership, Relation.Anyone, Awaits: true);

    public static Workflow<Bulletin, BulletinAction> Table { get; } = new(new NoUnitRelations<Bulletin>(),
    [
        new(BulletinAction.Edit, "edit", "修改", b => b.State == BulletinState.Draft || b.State == BulletinState.Returned, [BySupervisor], [])
        {
            HasForm = false,
        },
        new(BulletinAction.Refresh, "refresh", "刷新数据",
            b => (b.State == BulletinState.Draft || b.State == BulletinState.Returned) && b.CorrectsId == null,
            [BySupervisor], [new(Field.CutOff, "新的数据截止时间（不填为现在）", FieldKind.Date)])
        {
            Confirm = "刷新数据将按新的截止时间重写导语、“基本情况”“工作开展较好的单位”“存在的问题”和附件表，这些部分的修改会被覆盖；“下步工作要求”保留。确定刷新吗？",
            Done = "已按新的截止时间刷新数据",
        },
        new(BulletinAction.Submit, "submit", "提交审批", b => b.State == BulletinState.Draft || b.State == BulletinState.Returned,
            [BySupervisor], [])
        {
            Primary = true,
            Done = "已提交审批",
        },
        new(BulletinAction.Approve, "approve", "审批同意", b => b.State == BulletinState.Submitted, [ByLeader], [])
        {
            Primary = true,
            Done = "已审批同意",
            RefusedTo = (actor, bulletin) => actor.UserId is not null && actor.UserId == bulletin.DraftedByUserId,
        },
        new(BulletinAction.Return, "return", "退回修改", b => b.State == BulletinState.Submitted, [ByLeader],
            [new(Field.Reason, "退回理由", Required: true)])
        {
            RefusedTo = (actor, bulletin) => actor.UserId is not null && actor.UserId == bulletin.DraftedByUserId,
        },
        new(BulletinAction.Publish, "publish", "编号发布", b => b.State == BulletinState.Approved,
            [new(Roles.Supervisor, Relation.Anyone, Awaits: true)], [])
        {
            Primary = true,
            Confirm = "发布后通报取得文号，正文、数据、附件表和 Word 文件即固定，不能再修改，并分发到相关单位。确定发布吗？",
            Done = "已编号发布",
        },
        new(BulletinAction.MakeItems, "make-items", "批评问题交办整改",
            b => b.State == BulletinState.Published && !b.ItemsMade && b.CriticisedCount > 0, [BySupervisor], [])
        {
            Confirm = "将为每个被通报批评的单位登记一条整改事项（来源：上级督查，关联本通报）并交办。确定吗？",
            Done = "已将通报批评的问题交办为整改事项",
        },
        new(BulletinAction.Withdraw, "withdraw", "撤回", b => b.State == BulletinState.Published, [BySupervisor],
            [new(Field.Reason, "撤回理由", Required: true)])
        {
            Confirm = "撤回后通报保留并标注“已撤回”，各单位不再需要签收和反馈；已交办的整改事项不受影响，如需撤销请在台账中处理。确定撤回吗？",
        },
    ])
    {
        RefuseRole = action => BulletinErrors.RoleMayNot(action.Name),
        RefuseState = (action, bulletin) => action switch
        {
            BulletinAction.Edit or BulletinAction.Refresh => BulletinErrors.NotEditable(bulletin.State),
            BulletinAction.MakeItems when bulletin.ItemsMade => BulletinErrors.ItemsAlreadyMade(),
            BulletinAction.MakeItems when bulletin.State == BulletinState.Published => BulletinErrors.NothingCriticised(),
            _ => BulletinErrors.NotInState(Table![action].Name, bulletin.State),
        },
        RefuseStale = BulletinErrors.Stale,
    };

    private static readonly Grant ByHead = new(Roles.UnitHead, Relation.OwnTree, Awaits: true);
    private static readonly Grant ByLiaison = new(Roles.Liaison, Relation.OwnUnit, Awaits: true);

    public static Workflow<BulletinRecipient, RecipientAction> Recipients { get; } = new(new UnitRelations<BulletinRecipient>(),
    [
        new(RecipientAction.Acknowledge, "acknowledge", "签收", r => r.AcknowledgedAt == null && !r.Withdrawn, [ByHead, ByLiaison], [])
        {
            Primary = true,
        },
        new(RecipientAction.Feedback, "feedback", "报送整改反馈",
            r => r.FeedbackDueOn != null && r.FeedbackAt == null && r.AcknowledgedAt != null && !r.Withdrawn, [ByHead, ByLiaison],
            [new(Field.Text, "整改反馈（原因分析、整改措施和进展）", Required: true)])
        {
            Primary = true,
            Done = "已报送整改反馈",
        },
    ])
    {
        RefuseRole = action => BulletinErrors.RoleMayNot(action.Name),
        RefuseState = (action, recipient) => recipient.Withdrawn ? BulletinErrors.Withdrawn()
            : action == RecipientAction.Acknowledge ? BulletinErrors.AlreadyAcknowledged()
            : recipient.AcknowledgedAt is null && recipient.FeedbackAsked ? BulletinErrors.AcknowledgeFirst()
            : BulletinErrors.FeedbackNotAsked(),
        RefuseStale = BulletinErrors.Stale,
    };
}
