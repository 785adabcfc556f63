using Duban.Core.Common;

namespace Duban.Core.Supervision.Draws;

/// <summary>What random draws and their 回头看 checks refuse, in the words users see.</summary>
public static class DrawErrors
{
    /// <summary>
    /// The same words for a missing draw and for one the caller may not see: a draw can name covert targets, so a
    /// refusal never confirms that it exists.
    /// </summary>
    public static DubanException NotFound() => new(ErrorKind.NotFound, "随机抽查记录不存在。");

    public static DubanException PopulationRequired() =>
        new(ErrorKind.Validation, "请选择抽取对象：已销号事项（closedItems）或单位（units）。", "population");

    public static DubanException CountRequired() => new(ErrorKind.Validation, "请填写抽取数量。", "count");

    public static DubanException CountOutOfRange(int size) =>
        new(ErrorKind.Validation, $"抽取数量应在 1 至 {size} 之间（回避后总体共 {size} 个）。", "count");

    public static DubanException EmptyPopulation() => new(ErrorKind.Validation, "总体为空：该活动没有可抽取的对象。", "population");

    public static DubanException SeedTooLong(int length) =>
        new(ErrorKind.Validation, $"种子不能超过 {DrawMethod.SeedMaxLength} 个字符（现为 {length} 个）。", "seed");

    public static DubanException SeedLineBreak() => new(ErrorKind.Validation, "种子不能包含换行。", "seed");

    public static DubanException ExcludedNotInPopulation(string key) =>
        new(ErrorKind.Validation, $"回避对象“{key}”不在总体中。", "exclude");

    public static DubanException ReasonRequired() => new(ErrorKind.Validation, "重新抽取必须填写理由。", "reason");

    public static DubanException ReasonWithoutReplaces() =>
        new(ErrorKind.Validation, "只有重新抽取才填写理由：请同时指明被替换的抽取。", "replaces");

    public static DubanException AlreadyReplaced(string code, string replacement) =>
        new(ErrorKind.Conflict, $"抽取 {code} 已被 {replacement} 替换，不能再次替换。");

    public static DubanException ReplacesOtherCampaign(string code) =>
        new(ErrorKind.Validation, $"抽取 {code} 属于其他活动，重新抽取应在同一活动中进行。", "replaces");

    public static DubanException ReplacedNoChecks(string code, string replacement) =>
        new(ErrorKind.Conflict, $"抽取 {code} 已被 {replacement} 替换，不能再登记回头看结果。");

    public static DubanException ChecksOnlyOnItems() =>
        new(ErrorKind.Validation, "只有从已销号事项中抽取的结果才能登记回头看。");

    public static DubanException KeyRequired() => new(ErrorKind.Validation, "请填写要登记的事项编号。", "key");

    public static DubanException KeyNotDrawn() => new(ErrorKind.Validation, "该事项不在本次抽取结果中。", "key");

    public static DubanException PassedRequired() => new(ErrorKind.Validation, "请选择回头看结果：通过或不通过。", "passed");

    public static DubanException AlreadyChecked(string key) =>
        new(ErrorKind.Conflict, $"事项 {key} 已登记回头看结果，不能改写。");

    public static DubanException FailReasonRequired() => new(ErrorKind.Validation, "回头看不通过必须填写理由。", "reason");

    public static DubanException ItemNotClosed(string key, string state) =>
        new(ErrorKind.Conflict, $"事项 {key} 当前状态为“{state}”，不再是已销号，不能登记回头看结果。");

    public static DubanException ItemMissing(string key) => new(ErrorKind.Conflict, $"事项 {key} 已不在该活动中，不能登记回头看结果。");
}
