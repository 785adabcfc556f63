namespace Duban.Core.Assessment;

/// <summary>The assessment settings (configuration section "Assessment"): grade thresholds, the 优秀 quota, the appeal window.</summary>
public sealed class AssessmentOptions
{
    public const string Section = "Assessment";

    public decimal ExcellentFrom { get; set; } = 95m;

    public decimal GoodFrom { get; set; } = 85m;

    public decimal FairFrom { get; set; } = 70m;

    /// <summary>At most this share of the units (percent, rounded down) is graded 优秀.</summary>
    public int ExcellentQuotaPercent { get; set; } = 20;

    /// <summary>A unit head may appeal a line within this many working days after publication.</summary>
    public int AppealWorkingDays { get; set; } = 5;

    public Grading Grading => new(ExcellentFrom, GoodFrom, FairFrom, ExcellentQuotaPercent);
}
