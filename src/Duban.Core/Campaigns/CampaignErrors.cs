using Duban.Core.Common;

namespace Duban.Core.Campaigns;

/// <summary>What the campaigns feature refuses, in the words users see.</summary>
public static class CampaignErrors
{
    public const string PrefixForm = "事项编号前缀应为 1 至 10 个大写字母或数字，如 ZG。";
    public const string EndsBeforeStart = "活动结束日期不能早于开始日期。";
    public const string CodeFormText = "活动代码只能由大写字母、数字和连字符组成，如 ZFJS-2027。";
    public const string YearRange = "活动年度应在 2000 年至 2100 年之间。";

    public static DubanException Forbidden(string actionName) => new(ErrorKind.Forbidden, $"没有权限：{actionName}。");

    public static DubanException NotFound(int id) => new(ErrorKind.NotFound, $"活动（编号 {id}）不存在。");

    public static DubanException CodeNotFound(string code) => new(ErrorKind.NotFound, $"活动“{code}”不存在。");

    public static DubanException CodeTaken(string code) => new(ErrorKind.Conflict, $"活动代码“{code}”已被使用。");

    public static DubanException Closed(string name) =>
        new(ErrorKind.Conflict, $"活动“{name}”已结束，只能查阅：不能再登记、修改或导入其中的事项。");

    public static DubanException CodeFixed() => new(ErrorKind.Validation, "活动代码创建后不能修改。", "code");

    public static DubanException CampaignRequired() => new(ErrorKind.Validation, "请选择活动。", "campaignId");

    public static DubanException YearRequired() => new(ErrorKind.Validation, "请填写活动年度。", "year");

    public static DubanException PrefixFixed() => new(ErrorKind.Validation, "活动已有整改事项，事项编号前缀不能再改。", "itemPrefix");

    public static DubanException YearFixed() => new(ErrorKind.Validation, "活动已有整改事项，年度不能再改（事项编号含年度）。", "year");

    public static DubanException NoneOpen() => new(ErrorKind.Validation, "没有进行中的活动：请先创建活动，再登记整改事项。");
}
