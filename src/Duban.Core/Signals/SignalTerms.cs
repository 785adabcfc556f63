namespace Duban.Core.Signals;

/// <summary>The eight ailments (八种病相) the speech names, as signals the data can show.</summary>
public enum SignalKind
{
    /// <summary>打白条: promises not kept.</summary>
    BrokenPromise = 0,

    /// <summary>虚假空: work copied between units.</summary>
    CopiedWork = 1,

    /// <summary>走秀场: closures bunched before deadlines.</summary>
    ShowClosure = 2,

    /// <summary>中梗阻: stuck in one state.</summary>
    Stuck = 3,

    /// <summary>推拖绕: passed between units.</summary>
    PassedBuck = 4,

    /// <summary>灯下黑: blind to one's own faults.</summary>
    BlindSpot = 5,

    /// <summary>慵懒散: no progress reported.</summary>
    Idle = 6,

    /// <summary>守摊子: only generic measures.</summary>
    NoAmbition = 7,
}

public static class SignalTerms
{
    public static string Name(SignalKind kind) => kind switch
    {
        SignalKind.BrokenPromise => "打白条",
        SignalKind.CopiedWork => "虚假空",
        SignalKind.ShowClosure => "走秀场",
        SignalKind.Stuck => "中梗阻",
        SignalKind.PassedBuck => "推拖绕",
        SignalKind.BlindSpot => "灯下黑",
        SignalKind.Idle => "慵懒散",
        _ => "守摊子",
    };

    public static string Name(SignalState state) => state switch
    {
        SignalState.Open => "待说明",
        SignalState.Explained => "已说明",
        SignalState.Accepted => "已认定",
        _ => "已排除",
    };

    /// <summary>A kind as people write it: its Chinese name (打白条), its English name or its number; null when it is none of these.</summary>
    public static SignalKind? ParseKind(string? text) => Parse<SignalKind>(text, Name);

    public static SignalState? ParseState(string? text) => Parse<SignalState>(text, Name);

    /// <summary>
    /// A time to compute as of, as people write it: a date means the end of that day, a time without an offset is
    /// China time; null when empty. Years 2000–2099 only.
    /// </summary>
    public static DateTime? ParseAsOf(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        DateTime utc;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", culture, System.Globalization.DateTimeStyles.None, out var day))
        {
            utc = day.Year is >= 2000 and <= 2099 ? Common.ChinaTime.StartOfDayUtc(day.AddDays(1)).AddSeconds(-1) : throw SignalErrors.AsOfOutOfRange();
        }
        else if (System.Text.RegularExpressions.Regex.IsMatch(value, @"(Z|[+-]\d\d(:?\d\d)?)$"))
        {
            // With an offset it is that instant, or nothing: never the server's own time zone.
            utc = DateTimeOffset.TryParse(value, culture, System.Globalization.DateTimeStyles.None, out var at) ? at.UtcDateTime : throw SignalErrors.BadAsOf(value);
        }
        else if (DateTime.TryParse(value, culture, System.Globalization.DateTimeStyles.None, out var local) && local.Kind == DateTimeKind.Unspecified
                 && local.Year is >= 2000 and <= 2099)
        {
            utc = DateTime.SpecifyKind(local - Common.ChinaTime.Offset, DateTimeKind.Utc);
        }
        else
        {
            throw SignalErrors.BadAsOf(value);
        }
        return utc.Year is >= 2000 and <= 2099 ? utc : throw SignalErrors.AsOfOutOfRange();
    }

    private static T? Parse<T>(string? text, Func<T, string> name) where T : struct, Enum
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (name(candidate) == value || string.Equals(candidate.ToString(), value, StringComparison.OrdinalIgnoreCase)
                || Convert.ToInt32(candidate, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture) == value)
            {
                return candidate;
            }
        }
        return null;
    }
}

/// <summary>One piece of what a flag rests on: a dated step with its actor, or a text (with the unit whose item holds it), or a file.</summary>
public sealed record SignalEvidence(string What, DateTime? At = null, string? Actor = null, string? Text = null, int? ItemId = null, int? UnitId = null);

/// <summary>A flag as a detector raises it: on a unit, or on one of its items, with its strength and evidence.</summary>
public sealed record SignalFinding(SignalKind Kind, int UnitId, int? ItemId, string? ItemCode, decimal Strength, IReadOnlyList<SignalEvidence> Evidence)
{
    /// <summary>
    /// What tells this occurrence from another of the same kind on the same unit or item: the other item of a copied
    /// pair, the period of a unit's share, when a stuck state or a silence began. Once that changes, it is another flag.
    /// </summary>
    public string? Episode { get; init; }

    /// <summary>
    /// The flag's identity across computations: an item's flag is the item's (it stays with the unit it was raised
    /// on when the item moves), a unit's flag the unit's.
    /// </summary>
    public string Key => ItemId is { } item ? $"{(int)Kind}:i{item}:{Episode}" : $"{(int)Kind}:u{UnitId}:{Episode}";
}
