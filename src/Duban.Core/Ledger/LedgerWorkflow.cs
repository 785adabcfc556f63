using Duban.Core.Accounts;
using Duban.Core.Common.Workflow;

namespace Duban.Core.Ledger;

/// <summary>
/// The ledger's transition table, declared once: for each action, the states it is legal in, who may take it, what
/// it asks for, its name and route. The API routes, the page's forms and buttons, "my work" and the tests come from it.
/// </summary>
public static class LedgerWorkflow
{
    private const string Head = Roles.UnitHead;
    private const string Supervisor = Roles.Supervisor;
    private const string Liaison = Roles.Liaison;

    /// <summary>The names of what actions ask for, the same in the API's JSON and the page's forms.</summary>
    public static class Field
    {
        public const string Text = "text";
        public const string Note = "note";
        public const string Reason = "reason";
        public const string NoEvidenceReason = "noEvidenceReason";
        public const string DueOn = "dueOn";
        public const string Approve = "approve";
        public const string UnitId = "unitId";
        public const string Message = "message";
        public const string File = "file";
        public const string ResponsiblePersonId = "responsiblePersonId";
        public const string FileId = "fileId";
    }

    private static readonly Grant BySupervisor = new(Supervisor, Relation.Anyone);
    private static readonly Grant ByHead = new(Head, Relation.OwnTree);
    private static readonly Grant ByLiaison = new(Liaison, Relation.OwnUnit);

    public static Workflow<RectificationItem, ItemAction> Table { get; } = new(new UnitRelations<RectificationItem>(),
    [
        new(ItemAction.Edit, "edit", "编辑",
            i => i.State == ItemState.Draft || i.State == ItemState.Assigned || i.State == ItemState.InProgress,
            [BySupervisor, ByHead, ByLiaison], []) { HasForm = false },
        new(ItemAction.Assign, "assign", "交办", i => i.State == ItemState.Draft,
            [BySupervisor, ByHead with { Awaits = true }], []) { Primary = true },
        new(ItemAction.Start, "start", "开始整改", i => i.State == ItemState.Assigned,
            [ByHead with { Awaits = true }, ByLiaison with { Awaits = true }], []) { Primary = true },
        new(ItemAction.ReportProgress, "progress", "报告进展", i => i.State == ItemState.InProgress,
            [ByHead, ByLiaison, new(null, Relation.Responsible, Awaits: true)],
            [new(Field.Text, "整改进展", Required: true)]),
        new(ItemAction.AddEvidence, "evidence", "上传佐证材料", i => i.State == ItemState.Assigned || i.State == ItemState.InProgress,
            [ByHead, ByLiaison, new(null, Relation.Responsible, Awaits: true)],
            [new(Field.File, "佐证材料", FieldKind.File, Required: true) { Accept = EvidenceStore.Accept, Hint = $"只接受 {EvidenceStore.AllowedList} 文件。" }]),
        new(ItemAction.Submit, "submit", "提交审核", i => i.State == ItemState.InProgress,
            [ByHead with { Awaits = true }, ByLiaison with { Awaits = true }],
            [new(Field.Note, "提交说明（可选）")]) { Primary = true },
        new(ItemAction.Return, "return", "退回", i => i.State == ItemState.Submitted,
            [BySupervisor with { Awaits = true }, ByHead],
            [new(Field.Reason, "退回理由", Required: true)]) { Confirm = "确定退回该事项吗？" },
        new(ItemAction.Close, "close", "审核销号", i => i.State == ItemState.Submitted,
            [BySupervisor with { Awaits = true }],
            [new(Field.NoEvidenceReason, "无佐证材料的理由（没有佐证材料时必填）"), new(Field.Note, "销号意见（可选）")])
        {
            Primary = true,
            Confirm = "确定审核通过并销号吗？",
            Done = "已审核通过并销号",
            RefusedTo = (actor, item) => actor.UserId is not null && actor.UserId == item.SubmittedByUserId,
        },
        new(ItemAction.Reopen, "reopen", "重新打开", i => i.State == ItemState.Closed,
            [BySupervisor], [new(Field.Reason, "重新打开的理由", Required: true)]) { Confirm = "确定重新打开已销号的事项吗？" },
        new(ItemAction.RequestExtension, "extension", "申请延期",
            i => (i.State == ItemState.Assigned || i.State == ItemState.InProgress) && i.DeadlineKind == DeadlineKind.Date
                 && i.PendingExtensionDueOn == null,
            [ByHead, ByLiaison],
            [new(Field.DueOn, "延期至", FieldKind.Date, Required: true), new(Field.Reason, "延期理由", Required: true)]),
        new(ItemAction.DecideExtension, "extension/decide", "审批延期",
            i => i.PendingExtensionDueOn != null && i.State != ItemState.Closed,
            [BySupervisor with { Awaits = true }],
            [new(Field.Approve, "审批结果", FieldKind.Decision, Required: true), new(Field.Reason, "审批意见（不予延期时必填）")]),
        new(ItemAction.Reassign, "reassign", "转办",
            i => i.State == ItemState.Draft || i.State == ItemState.Assigned || i.State == ItemState.InProgress,
            [BySupervisor, ByHead],
            [
                new(Field.UnitId, "转办至", FieldKind.Unit, Required: true),
                new(Field.ResponsiblePersonId, "新单位的责任人", FieldKind.Person)
                {
                    Hint = "不选择时，原责任人一并清除，由新单位指定；责任领导不是新单位或其上级单位的人员时也一并清除。",
                    Of = Field.UnitId,
                },
                new(Field.Reason, "转办理由", Required: true),
            ])
        { Confirm = "确定将该事项转办到“{unitId}”吗？" },
        new(ItemAction.Urge, "urge", "催办", i => i.State == ItemState.Assigned || i.State == ItemState.InProgress,
            [BySupervisor, ByHead], [new(Field.Message, "催办意见（可选）", Placeholder: "请抓紧整改。")]),
        new(ItemAction.WithdrawEvidence, "evidence/withdraw", "撤回", i => i.State == ItemState.Assigned || i.State == ItemState.InProgress,
            [ByHead, ByLiaison, new(null, Relation.Responsible)],
            [new(Field.FileId, "佐证材料", FieldKind.Subject, Required: true)])
        { Confirm = "确定撤回这份佐证材料吗？撤回后仍保留在办理过程中。", Done = "已撤回佐证材料" },
    ])
    {
        RefuseRole = action => LedgerErrors.RoleMayNot(action.Action),
        RefuseState = (action, item) => item.RefusalOf(action),
        RefuseStale = LedgerErrors.Stale,
    };
}
