using Duban.Core.Assessment;
using Duban.Core.Common;

namespace Duban.Tests.Domain.Assessment;

/// <summary>Schemes read from what people type: every value that does not parse is named in Chinese; a read scheme round-trips.</summary>
public sealed class SchemeInputTests
{
    private static IndicatorInput Rate(string? weight = "1", string? bands = "0:-5, 60:0, 80：3；95:5", string? cap = null, string? floor = null) =>
        new("on-time-rate", "按期完成率", "Rate", true, null, null, "OnTimeRate", bands, weight, cap, floor, null);

    [Fact]
    public void Bands_weights_caps_and_floors_are_read_with_chinese_punctuation_and_minus_signs()
    {
        var scheme = SchemeInput.Read("方案", "100", [Rate(weight: "１.5".Replace('１', '1'), cap: "8", floor: "−5")]);
        var rate = scheme.Indicators.Single();

        Assert.Equal([new RateBand(0, -5), new RateBand(60, 0), new RateBand(80, 3), new RateBand(95, 5)], rate.Bands);
        Assert.Equal((1.5m, 8m, -5m), (rate.Weight, rate.Cap, rate.Floor));
        Assert.Equal("0:-5, 60:0, 80:3, 95:5", SchemeInput.BandsText(rate.Bands));
    }

    [Theory]
    [InlineData("一半", null, null, null, "指标“按期完成率”的权重必须是数字")]
    [InlineData("1", "0-5", null, null, "分档“0-5”格式不正确")]
    [InlineData("1", "120:1", null, null, "分档起点必须在 0 到 100 之间")]
    [InlineData("1", "0:1, 0:2", null, null, "分档起点重复")]
    [InlineData("1", null, null, null, "请选择比率并填写分档")]
    [InlineData("1", "0:1", "-5", "0", "上限（-5）不能低于下限（0）")]
    [InlineData("1000", "0:1", null, null, "必须在 -100 到 100 分之间")]
    public void What_does_not_parse_or_contradicts_itself_is_refused_in_chinese(string weight, string? bands, string? cap, string? floor, string words)
    {
        var refused = Assert.Throws<DubanException>(() => SchemeInput.Read("方案", "100", [Rate(weight, bands, cap, floor)]));
        Assert.Contains(words, refused.Message);
    }

    [Fact]
    public void Kinds_events_codes_and_the_base_are_checked()
    {
        IndicatorInput PerEvent(string code, string? kind, string? e) => new(code, "按期完成", kind, true, e, "1", null, null, "1", null, null, null);
        Assert.Contains("不是可选的值", Assert.Throws<DubanException>(() => SchemeInput.Read("方案", "100", [PerEvent("a", "Magic", null)])).Message);
        Assert.Contains("不是可选的值", Assert.Throws<DubanException>(() => SchemeInput.Read("方案", "100", [PerEvent("a", "PerEvent", "99")])).Message);
        Assert.Contains("请选择计分的事件", Assert.Throws<DubanException>(() => SchemeInput.Read("方案", "100", [PerEvent("a", "PerEvent", null)])).Message);
        Assert.Contains("只能包含英文字母", Assert.Throws<DubanException>(() => SchemeInput.Read("方案", "100", [PerEvent("按期", "PerEvent", "ClosedOnTime")])).Message);
        Assert.Contains("重复", Assert.Throws<DubanException>(() => SchemeInput.Read("方案", "100",
            [PerEvent("a", "PerEvent", "ClosedOnTime"), PerEvent("a", "PerEvent", "ClosedLate")])).Message);
        Assert.Contains("基础分必须是数字", Assert.Throws<DubanException>(() => SchemeInput.Read("方案", "一百", [PerEvent("a", "PerEvent", "ClosedOnTime")])).Message);
        Assert.Contains("基础分必须大于 0", Assert.Throws<DubanException>(() => SchemeInput.Read("方案", "0", [PerEvent("a", "PerEvent", "ClosedOnTime")])).Message);
    }

    [Fact]
    public void The_default_scheme_reads_back_from_its_own_form_unchanged()
    {
        var again = SchemeInput.Read(ScoringScheme.Default.Name, "100", [.. ScoringScheme.Default.Indicators.Select(SchemeInput.From)]);
        Assert.Equal(ScoringScheme.Default.Indicators.Select(i => SchemeJson.Write(i)), again.Indicators.Select(i => SchemeJson.Write(i)));
        Assert.Contains(again.Indicators, i => i.Code == "learning" && !i.Enabled);
        Assert.Contains(again.Indicators, i => i.Code == "signals" && !i.Enabled);
    }
}
