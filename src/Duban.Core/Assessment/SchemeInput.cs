using Duban.Core.Common;

namespace Duban.Core.Assessment;

/// <summary>One indicator as typed in the scheme editor or sent to the API: every value as text, read here in one place.</summary>
public sealed record IndicatorInput(string? Code, string? Name, string? Kind, bool Enabled, string? Event, string? PointsEach, string? Rate,
    string? Bands, string? Weight, string? Cap, string? Floor, string? VetoText);

/// <summary>
/// Reads a scheme from what people typed: numbers with a Chinese message naming the indicator and the value that does
/// not parse, bands written as <c>0:-5, 60:0, 80:3, 95:5</c> (from which percentage, how many points), kinds, events
/// and rates by their names. The scheme itself then checks caps against floors and the rest.
/// </summary>
public static class SchemeInput
{
    public const int MaxIndicators = 40;

    public static ScoringScheme Read(string? name, string? baseScore, IReadOnlyList<IndicatorInput> indicators)
    {
        var schemeName = Check.Text(name, "方案名称", 100);
        var score = AssessmentInput.Parse(baseScore, "基础分", "base") ?? throw new DubanException(ErrorKind.Validation, "请填写基础分。", "base");
        if (score <= 0)
        {
            throw new DubanException(ErrorKind.Validation, "基础分必须大于 0。", "base");
        }
        if (indicators.Count == 0)
        {
            throw AssessmentErrors.BadIndicators("方案至少要有一个指标。");
        }
        if (indicators.Count > MaxIndicators)
        {
            throw AssessmentErrors.BadIndicators($"方案最多 {MaxIndicators} 个指标。");
        }
        return new ScoringScheme(schemeName, 1, score, [.. indicators.Select((input, index) => Indicator(input, index + 1))]);
    }

    private static Indicator Indicator(IndicatorInput input, int position)
    {
        var label = $"第 {position} 个指标";
        var code = Check.Text(input.Code, $"{label}的代码", 50);
        if (!code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw AssessmentErrors.BadIndicators($"{label}的代码“{code}”只能包含英文字母、数字和连字符。");
        }
        var name = Check.Text(input.Name, $"{label}的名称", 100);
        var about = $"指标“{name}”";
        var kind = Enum<IndicatorKind>(input.Kind, $"{about}的计分方式") ?? throw AssessmentErrors.BadIndicators($"请选择{about}的计分方式。");
        return new Indicator(code, name, kind, input.Enabled,
            Event: Enum<ScoreEventKind>(input.Event, $"{about}的计分事件"),
            PointsEach: Number(input.PointsEach, $"{about}的每项分值") ?? 0m,
            Rate: Enum<ScoreRateKind>(input.Rate, $"{about}的比率"),
            Bands: Bands(input.Bands, about),
            Weight: Number(input.Weight, $"{about}的权重") ?? 1m,
            Cap: Number(input.Cap, $"{about}的上限"),
            Floor: Number(input.Floor, $"{about}的下限"),
            VetoText: Check.OptionalText(input.VetoText, $"{about}的否决后果", 100));
    }

    private static decimal? Number(string? text, string label) => AssessmentInput.Parse(text, label, "indicators");

    private static T? Enum<T>(string? text, string label) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : System.Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !int.TryParse(text, out _)
                ? value
                : throw AssessmentErrors.BadIndicators($"{label}“{text.Trim()}”不是可选的值。");

    private static List<RateBand>? Bands(string? text, string about)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var bands = new List<RateBand>();
        foreach (var part in text.Split([',', '，', ';', '；', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pieces = part.Replace('：', ':').Split(':', StringSplitOptions.TrimEntries);
            if (pieces.Length != 2)
            {
                throw AssessmentErrors.BadIndicators($"{about}的分档“{part}”格式不正确，请写成“起点百分比:分值”，如 80:3。");
            }
            var from = AssessmentInput.Parse(pieces[0], $"{about}的分档起点", "indicators", bounded: false) ?? 0m;
            if (from is < 0m or > 100m)
            {
                throw AssessmentErrors.BadIndicators($"{about}的分档起点必须在 0 到 100 之间。");
            }
            bands.Add(new RateBand(from, Number(pieces[1], $"{about}的分档分值") ?? 0m));
        }
        if (bands.GroupBy(b => b.FromPercent).Any(g => g.Count() > 1))
        {
            throw AssessmentErrors.BadIndicators($"{about}的分档起点重复。");
        }
        return [.. bands.OrderBy(b => b.FromPercent)];
    }

    /// <summary>Bands as the editor writes them.</summary>
    public static string BandsText(IReadOnlyList<RateBand>? bands) =>
        bands is null ? string.Empty : string.Join(", ", bands.Select(b => $"{Points.Number(b.FromPercent)}:{Points.Number(b.Points)}"));

    public static IndicatorInput From(Indicator i) => new(i.Code, i.Name, i.Kind.ToString(), i.Enabled, i.Event?.ToString(),
        Points.Number(i.PointsEach), i.Rate?.ToString(), BandsText(i.Bands), Points.Number(i.Weight),
        i.Cap is { } cap ? Points.Number(cap) : null, i.Floor is { } floor ? Points.Number(floor) : null, i.VetoText);
}
