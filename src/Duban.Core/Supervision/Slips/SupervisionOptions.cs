using System.Globalization;

namespace Duban.Core.Supervision.Slips;

/// <summary>The supervision office's settings (configuration section "Supervision"): places differ, so these are not code.</summary>
public sealed class SupervisionOptions
{
    public const string Section = "Supervision";

    /// <summary>How a slip's number is written: {0} the year, {1} the number of the year.</summary>
    public string SlipNumberFormat { get; set; } = "督〔{0}〕{1}号";

    /// <summary>The office that issues slips, printed at the head of each.</summary>
    public string OfficeName { get; set; } = "作风建设年活动领导小组办公室";

    /// <summary>An item overdue by more than this many working days gets a red slip (no central rule fixes it).</summary>
    public int RedAfterDays { get; set; } = 15;

    public string SlipNumber(int year, int number) => string.Format(CultureInfo.InvariantCulture, SlipNumberFormat, year, number);
}
