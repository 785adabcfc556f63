namespace Duban.Core.Signals;

/// <summary>The detectors' thresholds (configuration section "Signals"); the defaults are the issue's.</summary>
public sealed class SignalOptions
{
    public const string Section = "Signals";

    /// <summary>打白条: this many extension requests on one item.</summary>
    public int ExtensionRequests { get; set; } = 2;

    /// <summary>走秀场: a unit with at least this many closures in the days before a deadline or cut-off, being this share of its closures.</summary>
    public int ShowWindowDays { get; set; } = 3;

    public int ShowMinClosures { get; set; } = 5;

    public int ShowSharePercent { get; set; } = 50;

    /// <summary>灯下黑: a self-found share below this while others found at least <see cref="BlindOthersFound"/> problems in the unit.</summary>
    public int BlindSelfSharePercent { get; set; } = 20;

    public int BlindOthersFound { get; set; } = 3;

    /// <summary>灯下黑: a unit that registered nothing in the period is flagged once the period has run this many days.</summary>
    public int BlindQuietDays { get; set; } = 30;

    /// <summary>虚假空: texts at least this long, this similar (Jaccard of character 3-grams, percent), in different units.</summary>
    public int CopiedMinLength { get; set; } = 20;

    public int CopiedSimilarityPercent { get; set; } = 90;

    /// <summary>中梗阻: working days an item may stay assigned (not started) or submitted (not verified).</summary>
    public int StuckAssignedWorkdays { get; set; } = 5;

    public int StuckSubmittedWorkdays { get; set; } = 5;

    /// <summary>推拖绕: this many reassignments, or returns at verification, on one item.</summary>
    public int Reassignments { get; set; } = 2;

    public int Returns { get; set; } = 2;

    /// <summary>慵懒散: days past an ongoing item's reporting period, and days without a report for the others.</summary>
    public int IdleGraceDays { get; set; } = 7;

    public int IdleDays { get; set; } = 30;

    /// <summary>
    /// How long a reader waits for the current computation to be made again after a change: one that took longer
    /// last time is made in the background while readers see the last one (a large ledger's board stays quick).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int WaitMilliseconds { get; set; } = 3000;

    /// <summary>守摊子: measures made only of these phrases (and no number, date or named person) are generic.</summary>
    public List<string> GenericPhrases { get; set; } = [];

    public static IReadOnlyList<string> StandardPhrases { get; } =
        ["加强学习", "提高认识", "提高思想认识", "思想认识", "严格落实", "高度重视", "进一步加强", "切实加强", "认真落实", "强化意识", "加强管理", "狠抓落实", "立行立改", "举一反三"];

    public IReadOnlyList<string> Phrases => GenericPhrases.Count > 0 ? GenericPhrases : StandardPhrases;

    /// <summary>A short fingerprint of the thresholds (not of how long readers wait): computations made under other thresholds are not reused.</summary>
    public string Fingerprint() => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(this)))[..16];
}
