using System.Globalization;

namespace Duban.Core.Bulletins;

/// <summary>The bulletin settings (configuration section "Bulletins"): each office writes its own organ and number.</summary>
public sealed class BulletinOptions
{
    public const string Section = "Bulletins";

    /// <summary>The number's prefix (机关代字): 区政办作风通〔2026〕3号.</summary>
    public string NumberPrefix { get; set; } = "区政办作风通";

    /// <summary>The issuing organ's mark printed in red at the head (发文机关标志).</summary>
    public string IssuerMark { get; set; } = "作风建设年活动领导小组办公室";

    /// <summary>The signature under the text (发文机关署名) and the printing organ of the 版记.</summary>
    public string IssuingOrgan { get; set; } = "区作风建设年活动领导小组办公室";

    /// <summary>A unit is praised from this on-time rate (percent) up, with nothing to criticise.</summary>
    public int PraiseOnTimePercent { get; set; } = 90;

    /// <summary>Criticised units send their 整改反馈 within this many working days of the cut-off.</summary>
    public int FeedbackWorkingDays { get; set; } = 10;

    /// <summary>
    /// The standard text of 四、下步工作要求, one paragraph each; {0} is the feedback deadline (2026年12月11日). Empty:
    /// <see cref="StandardRequirements"/> (configuration adds to a list, so the defaults are not its initial value).
    /// </summary>
    public List<string> Requirements { get; set; } = [];

    public static IReadOnlyList<string> StandardRequirements { get; } =
    [
        "（一）压实整改责任。各单位主要负责人要切实履行第一责任人职责，对照问题清单逐项研究整改措施，做到问题不查清不放过、整改不到位不放过。",
        "（二）加快问题整改。被通报的单位要深入分析原因，逐项制定整改措施，于{0}前将整改情况反馈领导小组办公室。",
        "（三）强化督查问效。领导小组办公室将持续跟踪问题整改情况，对整改不力、敷衍应付的单位进行再督办，整改情况纳入年度考核。",
    ];

    public IReadOnlyList<string> RequirementsText => Requirements.Count > 0 ? Requirements : StandardRequirements;

    /// <summary>Render the PDF while publishing (when LibreOffice is installed); otherwise on its first download.</summary>
    public bool PdfOnPublish { get; set; } = true;

    public string Number(int year, int number) => string.Create(CultureInfo.InvariantCulture, $"{NumberPrefix}〔{year}〕{number}号");
}
