using Duban.Core.Accounts;
using Duban.Core.Common.Workflow;

namespace Duban.Core.Assessment;

/// <summary>
/// The transition tables of the assessment: Leadership publishes a run; a Supervisor proposes an adjustment on a
/// result before publication and a unit head appeals a line after it; Leadership decides adjustments (not the
/// proposer), Supervisors decide appeals. Routes, buttons and 我的待办 come from them.
/// </summary>
public static class AssessmentWorkflow
{
    public static class Field
    {
        public const string Points = "points";
        public const string Reason = "reason";
        public const string File = "file";
        public const string Indicator = "indicator";
    }

    private const string FileHint = "支持 PDF、Word、Excel、图片、OFD，最大 20 MB。";

    public static Workflow<AssessmentRun, RunAction> Runs { get; } = new(new NoUnitRelations<AssessmentRun>(),
    [
        new(RunAction.Publish, "publish", "发布", r => r.State == RunState.Computed, [new(Roles.Leadership, Relation.Anyone, Awaits: true)], [])
        {
            Primary = true,
            Confirm = "发布后排名和等次即固定，各单位可以查看，并在申诉期内对本单位的结果提出申诉。确定发布吗？",
            Done = "已发布考核结果",
        },
        new(RunAction.Discard, "discard", "作废", r => r.State == RunState.Computed, [new(Roles.Supervisor, Relation.Anyone)], [])
        {
            Confirm = "作废后这份考核结果保留备查，但不能再调整或发布。确定作废吗？",
            Done = "已作废",
        },
    ])
    {
        RefuseRole = action => AssessmentErrors.RoleMayNot(action.Name),
        RefuseState = (action, run) => AssessmentErrors.Published(),
        RefuseStale = AssessmentErrors.Stale,
    };

    public static Workflow<AssessmentResult, ResultAction> Results { get; } = new(new UnitRelations<AssessmentResult>(),
    [
        new(ResultAction.Adjust, "adjust", "调整分值", r => !r.Published, [new(Roles.Supervisor, Relation.Anyone)],
        [
            new(Field.Points, "调整分值（加分为正，减分为负，如 2 或 -1.5）", Required: true),
            new(Field.Reason, "调整理由", Required: true),
            new(Field.File, "依据文件", FieldKind.File, Required: true) { Hint = FileHint },
        ])
        {
            Done = "已提交分值调整，待领导审批",
        },
        new(ResultAction.Appeal, "appeal", "申诉", r => r.Published, [new(Roles.UnitHead, Relation.OwnUnit)],
        [
            new(Field.Indicator, "申诉的指标", FieldKind.Choice, Required: true),
            new(Field.Reason, "申诉理由", Required: true),
            new(Field.File, "证明材料（可选）", FieldKind.File) { Hint = FileHint },
        ])
        {
            Done = "已提交申诉，待督查室处理",
        },
    ])
    {
        RefuseRole = action => action.Action == ResultAction.Appeal ? AssessmentErrors.NotOwnUnit() : AssessmentErrors.RoleMayNot(action.Name),
        RefuseState = (action, result) => action == ResultAction.Adjust ? AssessmentErrors.Published() : AssessmentErrors.NotPublished(),
        RefuseStale = AssessmentErrors.Stale,
    };

    public static Workflow<AssessmentAdjustment, AdjustmentAction> Adjustments { get; } = new(new UnitRelations<AssessmentAdjustment>(),
    [
        new(AdjustmentAction.Approve, "approve", "同意调整", a => a.State == ReviewState.Pending,
            [new(Roles.Leadership, Relation.Anyone, Awaits: true)], [new(Field.Reason, "审批意见（可选）")])
        {
            Primary = true,
            Done = "已同意调整",
            RefusedTo = (actor, adjustment) => actor.UserId is not null && actor.UserId == adjustment.ProposedByUserId,
        },
        new(AdjustmentAction.Reject, "reject", "不同意", a => a.State == ReviewState.Pending,
            [new(Roles.Leadership, Relation.Anyone, Awaits: true)], [new(Field.Reason, "不同意的理由", Required: true)])
        {
            RefusedTo = (actor, adjustment) => actor.UserId is not null && actor.UserId == adjustment.ProposedByUserId,
        },
    ])
    {
        RefuseRole = action => AssessmentErrors.RoleMayNot(action.Name),
        RefuseState = (action, adjustment) => AssessmentErrors.NotInState(Adjustments![action].Name),
        RefuseStale = AssessmentErrors.Stale,
    };

    public static Workflow<AssessmentAppeal, AppealAction> Appeals { get; } = new(new UnitRelations<AssessmentAppeal>(),
    [
        new(AppealAction.Uphold, "uphold", "申诉成立", a => a.State == ReviewState.Pending, [new(Roles.Supervisor, Relation.Anyone, Awaits: true)],
        [
            new(Field.Points, "该指标改为（分）", Required: true),
            new(Field.Reason, "处理意见", Required: true),
        ])
        {
            Primary = true,
            Confirm = "申诉成立后，该指标的分值按填写的改正，总分、排名和等次随之重新计算。确定吗？",
            Done = "申诉成立，已重新计算",
        },
        new(AppealAction.Reject, "reject", "申诉不成立", a => a.State == ReviewState.Pending, [new(Roles.Supervisor, Relation.Anyone, Awaits: true)],
            [new(Field.Reason, "不成立的理由", Required: true)]),
    ])
    {
        RefuseRole = action => AssessmentErrors.RoleMayNot(action.Name),
        RefuseState = (action, appeal) => AssessmentErrors.NotInState(Appeals![action].Name),
        RefuseStale = AssessmentErrors.Stale,
    };
}
