using System.Text.RegularExpressions;
using Duban.Core.Common;

namespace Duban.Core.Campaigns;

/// <summary>
/// A campaign year (e.g. 2026年转变作风改善发展环境建设年); every later record carries one. Supervisors open next
/// year's and close the past one: a closed campaign is kept for reading and reports, and refuses any change to its
/// items.
/// </summary>
public sealed partial class Campaign
{
    public const int CodeMaxLength = 30;
    public const int NameMaxLength = 100;
    public const string DefaultItemPrefix = "ZG";

    public int Id { get; private set; }
    public string Code { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    public int Year { get; private set; }

    /// <summary>How its items' codes begin: ZG gives ZG-2026-0001.</summary>
    public string ItemPrefix { get; private set; } = DefaultItemPrefix;
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public DateTime? ClosedAt { get; private set; }

    public bool IsClosed => ClosedAt is not null;

    private Campaign()
    {
    }

    public Campaign(string code, string name, int year, DateOnly startsOn, DateOnly endsOn, string? itemPrefix = null)
    {
        Code = CheckedCode(code);
        Apply(name, year, startsOn, endsOn, itemPrefix);
    }

    /// <summary>The campaign of a year with its usual dates (1 January to 31 December) where none are given.</summary>
    public static Campaign Create(string? code, string? name, int? year, DateOnly? startsOn, DateOnly? endsOn, string? itemPrefix)
    {
        var theYear = year ?? throw CampaignErrors.YearRequired();
        CheckYear(theYear);
        return new Campaign(code ?? string.Empty, name ?? string.Empty, theYear, startsOn ?? new DateOnly(theYear, 1, 1),
            endsOn ?? new DateOnly(theYear, 12, 31), itemPrefix);
    }

    /// <summary>Changes what may change while it runs; the code is its name in files and commands and stays.</summary>
    public void Edit(string? name, int? year, DateOnly? startsOn, DateOnly? endsOn, string? itemPrefix, bool hasItems)
    {
        RequireOpen();
        if (hasItems && itemPrefix is not null && !itemPrefix.Trim().Equals(ItemPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw CampaignErrors.PrefixFixed();
        }
        if (hasItems && year is not null && year != Year)
        {
            throw CampaignErrors.YearFixed();
        }
        var before = (Name, Year, ItemPrefix, StartsOn, EndsOn);
        Apply(name ?? Name, year ?? Year, startsOn ?? StartsOn, endsOn ?? EndsOn, itemPrefix ?? ItemPrefix);
        if ((Name, Year, ItemPrefix, StartsOn, EndsOn) == before)
        {
            throw CommonErrors.NothingChanged();
        }
    }

    public void Close(DateTime at)
    {
        RequireOpen();
        ClosedAt = at;
    }

    /// <summary>Refuses a change to the campaign or its items once it is closed.</summary>
    public void RequireOpen()
    {
        if (IsClosed)
        {
            throw CampaignErrors.Closed(Name);
        }
    }

    /// <summary>An item's code in this campaign.</summary>
    public string ItemCode(int number) => $"{ItemPrefix}-{Year}-{number:0000}";

    private void Apply(string name, int year, DateOnly startsOn, DateOnly endsOn, string? itemPrefix)
    {
        CheckYear(year);
        var prefix = string.IsNullOrWhiteSpace(itemPrefix) ? DefaultItemPrefix : itemPrefix.Trim().ToUpperInvariant();
        Check.That(Prefix().IsMatch(prefix), CampaignErrors.PrefixForm);
        Check.That(endsOn >= startsOn, CampaignErrors.EndsBeforeStart);
        Name = Check.Text(name, "活动名称", NameMaxLength);
        Year = year;
        ItemPrefix = prefix;
        StartsOn = startsOn;
        EndsOn = endsOn;
    }

    private static string CheckedCode(string code)
    {
        var text = Check.Text(code, "活动代码", CodeMaxLength).ToUpperInvariant();
        Check.That(CodeForm().IsMatch(text), CampaignErrors.CodeFormText);
        return text;
    }

    private static void CheckYear(int year) => Check.That(year is >= 2000 and <= 2100, CampaignErrors.YearRange);

    [GeneratedRegex("^[A-Z0-9]{1,10}$")]
    private static partial Regex Prefix();

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]*$")]
    private static partial Regex CodeForm();
}
