using System.Globalization;
using System.Text.RegularExpressions;
using Duban.Core.Documents;
using Duban.Core.Ledger;

namespace Duban.Core.Spreadsheets;

/// <summary>What a deadline cell says: a date, 立行立改, 长期坚持, or an error telling how to write it.</summary>
public sealed record DeadlineValue(DeadlineKind Kind, DateOnly? Date, string? Error)
{
    public static DeadlineValue On(DateOnly date) => new(DeadlineKind.Date, date, null);
    public static DeadlineValue Fail(string error) => new(DeadlineKind.Date, null, error);
    public bool IsValid => Error is null;
}

/// <summary>
/// Reads dates and deadlines in the forms ledgers use: 2026-06-30, 2026/6/30, 2026.7.15, 2026年6月30日, Excel serial
/// numbers, 6月底前, 年底前 (the campaign's year), 第三季度 (its last day), 上半年, 2026年11月 (the month's last day),
/// and the words 立行立改 / 即知即改 / 长期坚持. A vague date (7月中旬) is an error that says how to write it.
/// </summary>
public static partial class DeadlineText
{
    private const string HowToWrite = "请写成具体日期（如 2026-06-30、2026年6月30日）、“6月底前”“年底前”“第三季度”，或“立行立改”“长期坚持”。";

    public static DeadlineValue Parse(string? text, int campaignYear)
    {
        var value = (text ?? string.Empty).Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
        if (value.Length == 0)
        {
            return DeadlineValue.Fail("整改时限为空。" + HowToWrite);
        }
        if (value.Contains("立行立改", StringComparison.Ordinal) || value.Contains("即知即改", StringComparison.Ordinal))
        {
            return new DeadlineValue(DeadlineKind.Immediate, null, null);
        }
        if (value.Contains("长期坚持", StringComparison.Ordinal) || value.Contains("长期", StringComparison.Ordinal))
        {
            return new DeadlineValue(DeadlineKind.Ongoing, null, null);
        }
        return ParseDate(value, campaignYear) is { } date ? date : DeadlineValue.Fail($"无法识别的时限“{text}”。" + HowToWrite);
    }

    /// <summary>A date cell (发现日期): the same date forms, without the deadline words.</summary>
    public static DeadlineValue ParseDateOnly(string? text, int campaignYear)
    {
        var value = (text ?? string.Empty).Trim();
        return ParseDate(value, campaignYear) ?? DeadlineValue.Fail($"无法识别的日期“{text}”。请写成具体日期，如 2026-06-30。");
    }

    private static DeadlineValue? ParseDate(string value, int year)
    {
        value = Before().Replace(value, string.Empty);
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
        {
            return DeadlineValue.On(SheetReader.DateOfSerial(serial));
        }
        if (FullDate().Match(value) is { Success: true } full)
        {
            return Exact(Int(full, "y"), Int(full, "m"), Int(full, "d"), value);
        }
        if (MonthEnd().Match(value) is { Success: true } monthEnd)
        {
            var y = monthEnd.Groups["y"].Success ? Int(monthEnd, "y") : year;
            return LastDayOf(y, Int(monthEnd, "m"), value);
        }
        if (value is "年底" or "年末" or "本年底" or "今年底")
        {
            return DeadlineValue.On(new DateOnly(year, 12, 31));
        }
        if (Quarter().Match(value) is { Success: true } quarter)
        {
            var y = quarter.Groups["y"].Success ? Int(quarter, "y") : year;
            var q = "一二三四".IndexOf(quarter.Groups["q"].Value, StringComparison.Ordinal) + 1;
            if (q == 0)
            {
                q = int.Parse(quarter.Groups["q"].Value, CultureInfo.InvariantCulture);
            }
            return LastDayOf(y, q * 3, value);
        }
        if (value is "上半年" or "上半年底")
        {
            return DeadlineValue.On(new DateOnly(year, 6, 30));
        }
        if (value is "下半年")
        {
            return DeadlineValue.On(new DateOnly(year, 12, 31));
        }
        if (Vague().IsMatch(value))
        {
            return DeadlineValue.Fail($"“{value}”不是确定的日期。" + HowToWrite);
        }
        return null;
    }

    private static DeadlineValue Exact(int year, int month, int day, string text)
    {
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), Math.Clamp(month, 1, 12)))
        {
            return DeadlineValue.Fail($"日期“{text}”不存在（{year}年{month}月没有{day}日）。");
        }
        return DeadlineValue.On(new DateOnly(year, month, day));
    }

    private static DeadlineValue LastDayOf(int year, int month, string text) =>
        month is < 1 or > 12
            ? DeadlineValue.Fail($"日期“{text}”中的月份不存在。")
            : DeadlineValue.On(new DateOnly(year, month, DateTime.DaysInMonth(year, month)));

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(之前|以前|前)$")]
    private static partial Regex Before();

    [GeneratedRegex(@"^(?<y>\d{4})[-/.年](?<m>\d{1,2})[-/.月](?<d>\d{1,2})日?$")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"^((?<y>\d{4})年)?(?<m>\d{1,2})月(底|末)?$")]
    private static partial Regex MonthEnd();

    [GeneratedRegex(@"^((?<y>\d{4})年)?第?(?<q>[一二三四1-4])季度(末|底)?$")]
    private static partial Regex Quarter();

    [GeneratedRegex(@"(上旬|中旬|下旬|左右|月初|月中|近期|尽快|适时)")]
    private static partial Regex Vague();
}
