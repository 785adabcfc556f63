using Duban.Core.Common;

namespace Duban.Core.Campaigns;

/// <summary>What the campaigns feature refuses, in the words users see.</summary>
public static class CampaignErrors
{
    public static DubanException NotFound(int id) => new(ErrorKind.NotFound, $"活动（编号 {id}）不存在。");

    public static DubanException CodeNotFound(string code) => new(ErrorKind.NotFound, $"活动“{code}”不存在。");

    public static DubanException CodeTaken(string code) => new(ErrorKind.Conflict, $"活动代码“{code}”已被使用。");

    public static DubanException Closed(string name) =>
        new(ErrorKind.Validation, $"活动“{name}”已结束，只能查阅：不能再登记、修改或导入其中的事项。");

    public static DubanException YearRequired() => new(ErrorKind.Validation, "请填写活动年度。", "year");

    public static DubanException PrefixFixed() => new(ErrorKind.Validation, "活动已有整改事项，事项编号前缀不能再改。", "itemPrefix");

    public static DubanException YearFixed() => new(ErrorKind.Validation, "活动已有整改事项，年度不能再改（事项编号含年度）。", "year");

    public static DubanException NoneOpen() => new(ErrorKind.Validation, "没有进行中的活动：请先创建活动，再登记整改事项。");
}
