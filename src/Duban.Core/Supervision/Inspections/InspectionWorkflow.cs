using Duban.Core.Accounts;
using Duban.Core.Common.Workflow;
using Duban.Core.Ledger;

namespace Duban.Core.Supervision.Inspections;

public enum InspectionAction
{
    Start,
    AddFinding,
    CompleteFindings,
    Publish,
}

public enum FindingAction
{
    Answer,
}

/// <summary>
/// The transition tables of inspections (the supervision office's steps) and of their findings (the unit's answer to
/// an announced inspection). Routes, buttons and 我的待办 come from them.
/// </summary>
public static class InspectionWorkflow
{
    public static class Field
    {
        public const string UnitId = "unitId";
        public const string Problem = "problem";
        public const string CategoryIds = "categoryIds";
        public const string Severity = "severity";
        public const string DueOn = "dueOn";
        public const string File = "file";
        public const string Text = "text";
    }

    private static readonly Grant BySupervisor = new(Roles.Supervisor, Relation.Anyone);

    public static IReadOnlyList<FieldChoice> Severities { get; } =
        [.. Enum.GetValues<FindingSeverity>().Select(s => new FieldChoice(s.ToString(), InspectionTerms.Name(s)))];

    public static Workflow<Inspection, InspectionAction> Table { get; } = new(new NoUnitRelations<Inspection>(),
    [
        new(InspectionAction.Start, "start", "开始督查", i => i.State == InspectionState.Planned, [BySupervisor], []) { Primary = true },
        new(InspectionAction.AddFinding, "findings", "登记发现的问题",
            i => (i.State == InspectionState.UnderWay || i.State == InspectionState.FindingsRecorded) && i.Kind != InspectionKind.Revisit,
            [BySupervisor],
            [
                new(Field.UnitId, "问题所在单位", FieldKind.Unit, Required: true),
                new(Field.Problem, "发现的问题", Required: true),
                new(Field.CategoryIds, "问题类别", FieldKind.Choices),
                new(Field.Severity, "严重程度", FieldKind.Choice) { Choices = Severities, Hint = "不选择时为“一般”。" },
                new(Field.DueOn, "建议整改期限", FieldKind.Date),
                new(Field.File, "照片或材料", FieldKind.File) { Accept = EvidenceStore.Accept, Hint = $"可选；只接受 {EvidenceStore.AllowedList} 文件。" },
            ])
        { Done = "已登记发现的问题" },
        new(InspectionAction.CompleteFindings, "complete", "完成督查", i => i.State == InspectionState.UnderWay, [BySupervisor], [])
        {
            Primary = true,
            Done = "已完成督查，待发布结果",
        },
        new(InspectionAction.Publish, "publish", "发布督查结果", i => i.State == InspectionState.FindingsRecorded && i.PublishedAt == null,
            [BySupervisor], [])
        {
            Primary = true,
            Confirm = "发布后，每个发现的问题成为被督查单位的整改事项（已交办）；暗访的内容对被督查单位公开。确定发布吗？",
            Done = "已发布督查结果，发现的问题已交办为整改事项",
        },
    ])
    {
        RefuseRole = action => InspectionErrors.Forbidden(action.Name),
        RefuseState = (action, inspection) => inspection.PublishedAt is not null
            ? InspectionErrors.AlreadyPublished(inspection.Code)
            : InspectionErrors.StateRefuses(Table![action].Name, InspectionTerms.Name(inspection.State)),
    };

    public static Workflow<InspectionFinding, FindingAction> Findings { get; } = new(new UnitRelations<InspectionFinding>(),
    [
        new(FindingAction.Answer, "answer", "说明或申辩",
            f => f.Answer == null && f.Inspection!.Kind == InspectionKind.Announced && f.Inspection.PublishedAt == null,
            [new(Roles.UnitHead, Relation.OwnTree, Awaits: true), new(Roles.Liaison, Relation.OwnUnit, Awaits: true)],
            [new(Field.Text, "说明或申辩", Required: true)])
        { Done = "已提交说明" },
    ])
    {
        RefuseRole = _ => InspectionErrors.MayNotAnswer(),
        RefuseState = (_, finding) => finding.Answer is not null ? InspectionErrors.AlreadyAnswered()
            : finding.Inspection?.Kind != InspectionKind.Announced ? InspectionErrors.AnswerOnlyAnnounced()
            : InspectionErrors.AnswerAfterPublishing(),
    };
}
