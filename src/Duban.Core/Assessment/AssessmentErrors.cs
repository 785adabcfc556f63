using Duban.Core.Common;

namespace Duban.Core.Assessment;

/// <summary>Every refusal about assessment, in the words users see.</summary>
public static class AssessmentErrors
{
    public static DubanException RunNotFound(int id) => new(ErrorKind.NotFound, $"考核结果（编号 {id}）不存在。");

    public static DubanException ResultNotFound(int id) => new(ErrorKind.NotFound, $"单位考核结果（编号 {id}）不存在。");

    public static DubanException SchemeNotFound(int id) => new(ErrorKind.NotFound, $"考核方案（编号 {id}）不存在。");

    public static DubanException AdjustmentNotFound(int id) => new(ErrorKind.NotFound, $"分值调整（编号 {id}）不存在。");

    public static DubanException AppealNotFound(int id) => new(ErrorKind.NotFound, $"申诉（编号 {id}）不存在。");

    public static DubanException CampaignRequired() => new(ErrorKind.Validation, "请选择活动。", "campaign");

    public static DubanException CampaignNotFound(int id) => new(ErrorKind.Validation, $"活动（编号 {id}）不存在。", "campaign");

    public static DubanException PeriodRequired() => new(ErrorKind.Validation, "请填写考核期间的开始和结束日期。", "from");

    public static DubanException EndBeforeStart() => new(ErrorKind.Validation, "考核期间的结束日期不能早于开始日期。", "to");

    public static DubanException PeriodTooLong() => new(ErrorKind.Validation, "考核期间不能超过一年。", "to");

    public static DubanException CutOffInFuture() => new(ErrorKind.Validation, "数据截止时间不能晚于现在。", "cutoff");

    public static DubanException BadCutOff() => new(ErrorKind.Validation, "数据截止时间格式不正确，请填写如 2026-11-30T18:00 的时间。", "cutoff");

    public static DubanException CutOffBeforeStart() => new(ErrorKind.Validation, "数据截止时间不能早于考核期间的开始日期。", "cutoff");

    public static DubanException NoUnits() => new(ErrorKind.Validation, "没有可考核的单位（除最上级单位外的在用单位）。");

    public static DubanException NotANumber(string label, string field) =>
        new(ErrorKind.Validation, $"{label}必须是数字（如 2、-0.5），请检查后重新填写。", field);

    public static DubanException PointsOutOfRange(string label, string field) =>
        new(ErrorKind.Validation, $"{label}必须在 -100 到 100 分之间。", field);

    public static DubanException ZeroAdjustment() => new(ErrorKind.Validation, "调整分值不能为 0。", "points");

    public static DubanException FileRequired(string what) => new(ErrorKind.Validation, $"请上传{what}的依据文件。", "file");

    public static DubanException Published() =>
        new(ErrorKind.Conflict, "考核结果已发布，不能再修改；如有异议，请由单位负责人在申诉期内提出申诉。");

    public static DubanException PendingAdjustments(int count) =>
        new(ErrorKind.Conflict, $"还有 {count} 项分值调整待领导审批，审批后才能发布。");

    public static DubanException NotPublished() => new(ErrorKind.Conflict, "考核结果尚未发布，发布后才能申诉。");

    public static DubanException AppealWindowClosed(DateOnly due) =>
        new(ErrorKind.Conflict, $"申诉期已于 {due:yyyy-MM-dd} 结束，不能再申诉。");

    public static DubanException NotOwnUnit() => new(ErrorKind.Forbidden, "只能对本单位的考核结果提出申诉。");

    public static DubanException LineUnknown(string indicator) => new(ErrorKind.Validation, $"考核结果中没有指标“{indicator}”。", "indicator");

    public static DubanException LineRequired() => new(ErrorKind.Validation, "请选择申诉的指标。", "indicator");

    public static DubanException AppealPending() => new(ErrorKind.Conflict, "该指标已有待处理的申诉，请等待处理结果。");

    public static DubanException OwnProposal() => new(ErrorKind.Forbidden, "不能审批自己提出的分值调整（四眼原则）。");

    public static DubanException RoleMayNot(string action) => new(ErrorKind.Forbidden, $"您没有“{action}”的权限。");

    public static DubanException NotInState(string action) => new(ErrorKind.Conflict, $"当前状态不能{action}。");

    public static DubanException Stale() => new(ErrorKind.Conflict, "该记录已被他人修改，请刷新后重试。");

    public static DubanException PeriodPublished(string title) =>
        new(ErrorKind.Conflict, $"同一活动同一期间的考核结果“{title}”已经发布，不能再发布一份。");

    public static DubanException VetoPoints() =>
        new(ErrorKind.Validation, "一票否决项不计分，申诉成立时分值填 0，否决随之取消。", AssessmentWorkflow.Field.Points);

    public static DubanException SchemeSavedMeanwhile() =>
        new(ErrorKind.Conflict, "该方案刚被他人保存了新版本，请刷新后在最新版本上修改。");

    public static DubanException NotPublishedYet() => new(ErrorKind.Conflict, "考核结果尚未发布，发布后才能下载结果通报。");

    public static DubanException NoScheme() => new(ErrorKind.Validation, "还没有考核方案，请先建立考核方案。", "scheme");

    public static DubanException BadIndicators(string detail) => new(ErrorKind.Validation, detail, "indicators");
}
