using Duban.Core.Common;

namespace Duban.Core.Supervision.Inspections;

/// <summary>What inspections refuse, in the words users see.</summary>
public static class InspectionErrors
{
    public const string TitleLabel = "督查名称";
    public const string ProblemLabel = "发现的问题";
    public const string AnswerLabel = "说明或申辩";
    public const string CheckItemLabel = "检查内容";

    /// <summary>The same words for a missing inspection and one the caller may not see, so a refusal confirms nothing.</summary>
    public static DubanException NotFound(int id) => new(ErrorKind.NotFound, $"督查（编号 {id}）不存在或不在您的数据范围内。");

    public static DubanException CodeNotFound(string code) => new(ErrorKind.NotFound, $"督查“{code}”不存在或不在您的数据范围内。");

    public static DubanException FindingNotFound(int id) => new(ErrorKind.NotFound, $"督查发现（编号 {id}）不存在或不在您的数据范围内。");

    public static DubanException FileNotFound(int id) => new(ErrorKind.NotFound, $"文件（编号 {id}）不存在或不在您的数据范围内。");

    public static DubanException Forbidden(string actionName) => new(ErrorKind.Forbidden, $"没有权限：{actionName}。");

    public static DubanException KindRequired() =>
        new(ErrorKind.Validation, "请选择督查方式：announced（明查）、covert（暗访）、thematic（专项督查）或 revisit（回头看）。", "kind");

    public static DubanException TargetsRequired() => new(ErrorKind.Validation, "请选择至少一个被督查单位。", "unitIds");

    public static DubanException TooManyTargets(int max) => new(ErrorKind.Validation, $"一次督查最多选择 {max} 个被督查单位。", "unitIds");

    public static DubanException InspectorsRequired() => new(ErrorKind.Validation, "请选择至少一名督查人员。", "inspectorIds");

    public static DubanException TooManyInspectors(int max) => new(ErrorKind.Validation, $"一次督查最多选择 {max} 名督查人员。", "inspectorIds");

    public static DubanException PlannedOnRequired() => new(ErrorKind.Validation, "请填写计划督查日期。", "plannedOn");

    public static DubanException TooManyCheckItems(int max) => new(ErrorKind.Validation, $"检查清单最多 {max} 项。", "checkList");

    public static DubanException UnitUnknown(int id) => new(ErrorKind.Validation, $"单位（编号 {id}）不存在或已停用。", "unitIds");

    public static DubanException InspectorUnknown(int id) => new(ErrorKind.Validation, $"人员（编号 {id}）不存在或已停用。", "inspectorIds");

    public static DubanException Recusal(string person, string unit) =>
        new(ErrorKind.Validation, $"督查人员“{person}”属于被督查单位“{unit}”，应当回避：不能督查本单位。", "inspectorIds");

    public static DubanException UnitNotTargeted(string unit) =>
        new(ErrorKind.Validation, $"“{unit}”不是本次督查的被督查单位，不能为其登记发现的问题。", "unitId");

    public static DubanException FindingUnitRequired() => new(ErrorKind.Validation, "请选择问题所在单位。", "unitId");

    public static DubanException BadSeverity() => new(ErrorKind.Validation, "问题严重程度应为 一般、较重 或 严重。", "severity");

    public static DubanException BadCategories() => new(ErrorKind.Validation, "问题类别应为问题目录中条目的编号。", "categoryIds");

    public static DubanException DueInThePast() => new(ErrorKind.Validation, "建议整改期限不能早于今天。", "dueOn");

    public static DubanException RevisitFindings() =>
        new(ErrorKind.Validation, "回头看的结果在随机抽查的核验中逐项记录，不在此登记。");

    public static DubanException RevisitOfUnits() => new(ErrorKind.Validation, "回头看针对已销号事项：请选择抽取已销号事项的随机抽查。", "drawId");

    public static DubanException RevisitOfReplacedDraw(string code, string replacement) =>
        new(ErrorKind.Conflict, $"随机抽查 {code} 已被 {replacement} 取代，请用新的抽取结果建立回头看。");

    public static DubanException RevisitExists(string code, string inspection) =>
        new(ErrorKind.Conflict, $"随机抽查 {code} 已建立回头看督查 {inspection}。", "drawId");

    public static DubanException DrawRequired() => new(ErrorKind.Validation, "回头看督查需要指明随机抽查（drawId）。", "drawId");

    public static DubanException AlreadyPublished(string code) => new(ErrorKind.Conflict, $"督查 {code} 已发布，不能重复发布或再修改。");

    public static DubanException StateRefuses(string action, string state) => new(ErrorKind.Conflict, $"督查当前为“{state}”，不能{action}。");

    public static DubanException AnswerOnlyAnnounced() =>
        new(ErrorKind.Conflict, "只有明查发现的问题可以在发布前说明或申辩。");

    public static DubanException AnswerAfterPublishing() => new(ErrorKind.Conflict, "督查结果已发布，不能再说明或申辩。");

    public static DubanException AlreadyAnswered() => new(ErrorKind.Conflict, "该问题已经说明或申辩过，不能重复提交。");

    public static DubanException MayNotAnswer() => new(ErrorKind.Forbidden, "没有权限：只有被督查单位的负责人或联络员可以说明或申辩。");
}
