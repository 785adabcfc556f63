using Duban.Core.Campaigns;
using Duban.Core.Common;
using Duban.Core.Common.Workflow;

namespace Duban.Core.Assessment;

/// <summary>
/// One computation of the assessment: a campaign's period as of a cut-off on one scheme version, with the grading
/// rules it used. Computed, it takes approved adjustments; published by Leadership, it is a frozen ranking that
/// only an upheld appeal changes, within the appeal window that publication opens.
/// </summary>
public sealed class AssessmentRun : IVersioned
{
    public const int TitleMaxLength = Campaign.NameMaxLength + 40;

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public string CampaignName { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;
    public DateOnly FromDate { get; private set; }
    public DateOnly ToDate { get; private set; }
    public DateTime CutOff { get; private set; }
    public int SchemeId { get; private set; }
    public string SchemeName { get; private set; } = string.Empty;
    public int SchemeVersion { get; private set; }

    /// <summary>The scheme as it was used (base and indicators), so the breakdown shows the rules beside the points.</summary>
    public string SchemeJson { get; private set; } = "[]";
    public decimal ExcellentFrom { get; private set; }
    public decimal GoodFrom { get; private set; }
    public decimal FairFrom { get; private set; }
    public int ExcellentQuotaPercent { get; private set; }

    /// <summary>Nothing happened in the period: every unit has its base score, and the pages say so.</summary>
    public bool NoData { get; private set; }
    public int UnitCount { get; private set; }
    public RunState State { get; private set; }
    public int? ComputedByUserId { get; private set; }
    public string ComputedBy { get; private set; } = string.Empty;
    public DateTime ComputedAt { get; private set; }
    public int? PublishedByUserId { get; private set; }
    public string? PublishedBy { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public DateOnly? AppealDueOn { get; private set; }
    public int Version { get; private set; }

    private readonly List<AssessmentResult> _results = [];

    /// <summary>The units' results, created with the run (and then read through their own set, which is unit-scoped).</summary>
    public IReadOnlyList<AssessmentResult> Results => _results;

    private AssessmentRun()
    {
    }

    internal static AssessmentRun Create(int campaignId, string campaignName, DateOnly from, DateOnly to, DateTime cutOff,
        AssessmentScheme scheme, Grading grading, bool noData, int unitCount, int? byUserId, string by, DateTime at) => new()
    {
        CampaignId = campaignId,
        CampaignName = campaignName,
        Title = Check.Text($"{campaignName} {PeriodName(from, to)}考核", "考核名称", TitleMaxLength),
        FromDate = from,
        ToDate = to,
        CutOff = cutOff,
        SchemeId = scheme.Id,
        SchemeName = scheme.Name,
        SchemeVersion = scheme.Version,
        SchemeJson = global::Duban.Core.Assessment.SchemeJson.Write(new FrozenScheme(scheme.BaseScore, scheme.ToScheme().Indicators)),
        ExcellentFrom = grading.ExcellentFrom,
        GoodFrom = grading.GoodFrom,
        FairFrom = grading.FairFrom,
        ExcellentQuotaPercent = grading.ExcellentQuotaPercent,
        NoData = noData,
        UnitCount = unitCount,
        State = RunState.Computed,
        ComputedByUserId = byUserId,
        ComputedBy = by,
        ComputedAt = at,
        Version = 1,
    };

    internal void Add(IEnumerable<AssessmentResult> results) => _results.AddRange(results);

    public Grading Grading => new(ExcellentFrom, GoodFrom, FairFrom, ExcellentQuotaPercent);

    public FrozenScheme Scheme => global::Duban.Core.Assessment.SchemeJson.Read<FrozenScheme>(SchemeJson);

    public bool IsPublished => State == RunState.Published;

    /// <summary>Leadership publishes; nothing may wait for approval, and the appeal window opens.</summary>
    /// <param name="publishedForPeriod">The title of a run of the same campaign and period already published, if any.</param>
    internal void Publish(int pendingAdjustments, string? publishedForPeriod, int? byUserId, string by, DateTime at, DateOnly appealDueOn)
    {
        if (State != RunState.Computed)
        {
            throw AssessmentErrors.Published();
        }
        if (pendingAdjustments > 0)
        {
            throw AssessmentErrors.PendingAdjustments(pendingAdjustments);
        }
        if (publishedForPeriod is not null)
        {
            throw AssessmentErrors.PeriodPublished(publishedForPeriod);
        }
        State = RunState.Published;
        PublishedByUserId = byUserId;
        PublishedBy = by;
        PublishedAt = at;
        AppealDueOn = appealDueOn;
        Version++;
    }

    internal void Discard()
    {
        if (State != RunState.Computed)
        {
            throw AssessmentErrors.Published();
        }
        State = RunState.Discarded;
        Version++;
    }

    /// <summary>The ranking moved (an approved adjustment, an upheld appeal).</summary>
    internal void Reranked() => Version++;

    /// <summary>月, 季度, 年 when the period is exactly one; otherwise the dates.</summary>
    public static string PeriodName(DateOnly from, DateOnly to)
    {
        if (from.Day == 1 && to == from.AddMonths(1).AddDays(-1))
        {
            return $"{from.Year}年{from.Month}月";
        }
        if (from.Day == 1 && from.Month % 3 == 1 && to == from.AddMonths(3).AddDays(-1))
        {
            return $"{from.Year}年第{"一二三四"[(from.Month - 1) / 3]}季度";
        }
        if (from is { Day: 1, Month: 1 } && to == from.AddYears(1).AddDays(-1))
        {
            return $"{from.Year}年度";
        }
        return $"{from:yyyy-MM-dd}至{to:yyyy-MM-dd}";
    }
}

/// <summary>The scheme a run used: its base and indicators.</summary>
public sealed record FrozenScheme(decimal Base, IReadOnlyList<Indicator> Indicators);
