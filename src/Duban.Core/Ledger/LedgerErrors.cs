using Duban.Core.Common;

namespace Duban.Core.Ledger;

/// <summary>Every refusal of the ledger, with the Chinese sentence that tells the user why.</summary>
public static class LedgerErrors
{
    public static DubanException NotAllowedInState(ItemAction action, ItemState state) =>
        new(ErrorKind.Conflict, $"当前状态为“{LedgerTerms.Name(state)}”，不能{ItemActions.Name(action)}。");

    public static DubanException RoleMayNot(ItemAction action) =>
        new(ErrorKind.Forbidden, $"您的角色无权对该事项{ItemActions.Name(action)}。");

    public static DubanException ReasonRequired(string what) => new(ErrorKind.Validation, $"{what}必须填写理由。", "reason");

    public static DubanException MayNotRegister() => new(ErrorKind.Forbidden, "您的角色无权登记整改事项。");

    public static DubanException OwnSubmission() =>
        new(ErrorKind.Forbidden, "不能审核销号自己提交的事项（四眼原则）：请由其他督查人员审核。");

    public static DubanException EvidenceOrReasonRequired() =>
        new(ErrorKind.Validation, "销号需要至少一份佐证材料，或书面说明无法提供佐证材料的理由。", "noEvidenceReason");

    public static DubanException NotFound(int id) => new(ErrorKind.NotFound, $"整改事项（编号 {id}）不存在。");

    public static DubanException Stale() =>
        new(ErrorKind.Conflict, "该事项已被他人修改，您的修改未保存。请刷新后查看最新内容再修改。");

    public static DubanException ExtensionPending() => new(ErrorKind.Conflict, "已有待审批的延期申请，请等待督查人员审批。");

    public static DubanException NoExtensionPending() => new(ErrorKind.Conflict, "没有待审批的延期申请。");

    public static DubanException ExtensionOnlyForDates() =>
        new(ErrorKind.Validation, "只有限期整改的事项可以申请延期；立行立改和长期坚持的事项不适用。");

    public static DubanException ExtensionMustBeLater(DateOnly current) =>
        new(ErrorKind.Validation, $"延期后的期限必须晚于当前期限 {current:yyyy-MM-dd}。", "dueOn");

    public static DubanException DeadlineIsAPromise() =>
        new(ErrorKind.Forbidden, "事项交办后，整改时限和发现日期只能由督查人员修改；需要更多时间请提出延期申请。", "dueOn");

    public static DubanException FindingsAreTheSupervisors(ItemSource source) =>
        new(ErrorKind.Forbidden, $"该事项来源为“{LedgerTerms.Name(source)}”，问题描述、问题类别和问题来源只能由督查人员修改；本单位可修改整改目标、整改措施和责任人。", "problem");

    public static DubanException SameUnit() => new(ErrorKind.Validation, "转办的目标单位与当前责任单位相同。", "unitId");

    public static DubanException DueDateRequired() => new(ErrorKind.Validation, "限期整改的事项必须填写整改期限。", "dueOn");

    public static DubanException DueBeforeFound() => new(ErrorKind.Validation, "整改期限不能早于发现日期。", "dueOn");

    public static DubanException MeasureRequired() => new(ErrorKind.Validation, "请至少填写一条整改措施。", "measures");

    public static DubanException TooManyMeasures(int max) => new(ErrorKind.Validation, $"整改措施最多 {max} 条。", "measures");

    public static DubanException FileRequired() => new(ErrorKind.Validation, "请选择要上传的文件。", "file");

    public static DubanException ExtensionDateRequired() => new(ErrorKind.Validation, "请填写申请延期到的日期。", "dueOn");

    public static DubanException DecisionRequired() => new(ErrorKind.Validation, "请说明是否批准延期。", "approve");

    public static DubanException TargetUnitRequired() => new(ErrorKind.Validation, "请选择转办的目标单位。", "unitId");

    public static DubanException UnitRequired() => new(ErrorKind.Validation, "请选择责任单位。", "unitId");

    public static DubanException MayNotRegisterFor() => new(ErrorKind.Forbidden, "您的角色无权为该单位登记整改事项。");

    public static DubanException EvidenceNotFound(int id) => new(ErrorKind.NotFound, $"佐证材料（编号 {id}）不存在。");

    public static DubanException UnknownCategory() => new(ErrorKind.Validation, "所选问题类别不存在。", "categoryIds");

    public static DubanException UnknownPerson(string label, int? id) =>
        new(ErrorKind.Validation, $"{label}（人员编号 {id}）不存在或不在您的数据范围内。");

    public static DubanException PersonNotInUnit(string label, string person, string unit) =>
        new(ErrorKind.Validation, $"{label}“{person}”不是责任单位“{unit}”的人员：请选择该单位的人员。", PersonField(label));

    public static DubanException LeaderNotAbove(string person, string unit) =>
        new(ErrorKind.Validation, $"责任领导“{person}”既不是责任单位“{unit}”的人员，也不是其上级单位的人员。", "leaderPersonId");

    public static DubanException PersonInactive(string label, string person) =>
        new(ErrorKind.Validation, $"{label}“{person}”已停用，请选择其他人员。", PersonField(label));

    public static DubanException EvidenceFileRequired() => new(ErrorKind.Validation, "请指明要撤回的佐证材料。", "fileId");

    public static DubanException EvidenceAlreadyWithdrawn(string fileName) =>
        new(ErrorKind.Conflict, $"佐证材料“{fileName}”已撤回。");

    private static string PersonField(string label) => label == "责任领导" ? "leaderPersonId" : "responsiblePersonId";

    public static DubanException FileTypeNotAccepted(string extension, string allowed) =>
        new(ErrorKind.Validation, $"不支持的文件类型“{extension}”：只接受 {allowed} 文件。", "file");

    public static DubanException FileEmpty() => new(ErrorKind.Validation, "文件是空的。", "file");

    public static DubanException FileNotItsType(string problem, string name, string allowed) =>
        new(ErrorKind.Validation, $"文件内容与其类型不符：{problem}（{name}）。只接受真实的 {allowed} 文件。", "file");

    public static DubanException FileTooLarge(long limit) => new(ErrorKind.Validation, $"文件超过 {limit / 1024 / 1024} MB 的上限。", "file");

    public const string BadSource = "问题来源无效。";
    public const string BadDeadlineKind = "整改时限类型无效。";
    public const string BadReportingPeriod = "报告周期无效：请选择每月或每季度。";
    public const string FoundOnOutOfRange = "发现日期应在 2000 年至 2100 年之间。";
    public const string DueOnOutOfRange = "整改期限应在 2000 年至 2100 年之间。";

    public static DubanException BadStanding() => new(ErrorKind.Validation, "standing（截止时的状态）的取值无效：Closed、ClosedOnTime、ClosedLate、Open 或 Overdue。", "standing");
}
