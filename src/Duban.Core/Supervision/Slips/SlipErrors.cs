using Duban.Core.Common;

namespace Duban.Core.Supervision.Slips;

/// <summary>Every refusal of urge slips, in the words users see.</summary>
public static class SlipErrors
{
    public static DubanException NotFound(int id) => new(ErrorKind.NotFound, $"督办单（编号 {id}）不存在。");

    public static DubanException ItemNotFound(int id) => new(ErrorKind.Validation, $"整改事项（编号 {id}）不存在。", "itemIds");

    public static DubanException ItemsRequired() => new(ErrorKind.Validation, "请至少选择一个整改事项。", "itemIds");

    public static DubanException TooManyItems(int max) => new(ErrorKind.Validation, $"一张督办单最多列 {max} 个事项。", "itemIds");

    public static DubanException OneUnit(IEnumerable<string> units) =>
        new(ErrorKind.Validation, $"督办单各单位一单：所选事项分属{string.Join("、", units)}，请按单位分别下单。", "itemIds");

    public static DubanException OneCampaign() => new(ErrorKind.Validation, "所选事项属于不同的活动，请按活动分别下单。", "itemIds");

    public static DubanException DoesNotQualify(string code) =>
        new(ErrorKind.Validation, $"事项 {code} 不符合下督办单的条件：只有交办或整改中、限期整改且已逾期或临近期限的事项可以督办。", "itemIds");

    public static DubanException ReplyDueRequired() => new(ErrorKind.Validation, "请填写反馈期限。", "replyDueOn");

    public static DubanException ReplyDueInPast(DateOnly today) =>
        new(ErrorKind.Validation, $"反馈期限不能早于今天（{today:yyyy-MM-dd}）。", "replyDueOn");

    public static DubanException RoleMayNot(string actionName) => new(ErrorKind.Forbidden, $"您的角色无权{actionName}该督办单。");

    public static DubanException AlreadyAcknowledged() => new(ErrorKind.Conflict, "该督办单已签收，不能重复签收。");

    public static DubanException NotAcknowledged() => new(ErrorKind.Conflict, "请先签收督办单，再反馈。");

    public static DubanException AlreadyReplied() => new(ErrorKind.Conflict, "该督办单已反馈，不能重复反馈。");

    public static DubanException Stale() => new(ErrorKind.Conflict, "该督办单已被他人办理，请刷新后查看。");

    public static DubanException NoReplyFile() => new(ErrorKind.NotFound, "该督办单的反馈没有附件。");
}
