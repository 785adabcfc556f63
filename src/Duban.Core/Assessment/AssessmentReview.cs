using System.Linq.Expressions;
using Duban.Core.Common;
using Duban.Core.Common.Scope;
using Duban.Core.Common.Workflow;

namespace Duban.Core.Assessment;

/// <summary>A file sent as the basis of an adjustment or an appeal, kept in the evidence store by its hash.</summary>
public sealed record ReviewFile(string FileName, string ContentType, long Size, string Sha256);

/// <summary>Who did something, as kept on the record.</summary>
public readonly record struct ReviewActor(int? UserId, string Name);

/// <summary>
/// A manual adjustment of a unit's result (加减分): proposed by a Supervisor with a reason and a file, counted once a
/// leader other than the proposer approves it (四眼), shown as its own line. Only before publication.
/// </summary>
public sealed class AssessmentAdjustment : IUnitScoped<AssessmentAdjustment>, IVersioned
{
    public const int ReasonMaxLength = 1000;

    public static Expression<Func<AssessmentAdjustment, int, bool>> Names { get; } = (a, person) => false;

    public static Expression<Func<AssessmentAdjustment, int, bool>> IsResponsible { get; } = (a, person) => false;

    public int Id { get; private set; }
    public int RunId { get; private set; }
    public int ResultId { get; private set; }
    public int UnitId { get; private set; }
    public string UnitPath { get; private set; } = string.Empty;
    public string UnitName { get; private set; } = string.Empty;
    public decimal Points { get; private set; }
    public string Reason { get; private set; } = string.Empty;
    public string FileName { get; private set; } = string.Empty;
    public string ContentType { get; private set; } = string.Empty;
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = string.Empty;
    public ReviewState State { get; private set; }
    public int? ProposedByUserId { get; private set; }
    public string ProposedBy { get; private set; } = string.Empty;
    public DateTime ProposedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecisionReason { get; private set; }
    public int Version { get; private set; }

    private AssessmentAdjustment()
    {
    }

    internal static AssessmentAdjustment Propose(AssessmentResult result, decimal points, string? reason, ReviewFile? file, ReviewActor by, DateTime at)
    {
        if (result.Published)
        {
            throw AssessmentErrors.Published();
        }
        if (points == 0)
        {
            throw AssessmentErrors.ZeroAdjustment();
        }
        var text = Check.Text(reason, "调整理由", ReasonMaxLength, multiLine: true);
        if (file is null)
        {
            throw AssessmentErrors.FileRequired("分值调整");
        }
        result.Touch();
        return new AssessmentAdjustment
        {
            RunId = result.RunId,
            ResultId = result.Id,
            UnitId = result.UnitId,
            UnitPath = result.UnitPath,
            UnitName = result.UnitName,
            Points = points,
            Reason = text,
            FileName = file.FileName,
            ContentType = file.ContentType,
            Size = file.Size,
            Sha256 = file.Sha256,
            State = ReviewState.Pending,
            ProposedByUserId = by.UserId,
            ProposedBy = by.Name,
            ProposedAt = at,
            Version = 1,
        };
    }

    internal void Decide(bool approve, string? reason, ReviewActor by, DateTime at)
    {
        if (by.UserId is not null && by.UserId == ProposedByUserId)
        {
            throw AssessmentErrors.OwnProposal();
        }
        State = approve ? ReviewState.Approved : ReviewState.Rejected;
        DecisionReason = approve ? Check.OptionalText(reason, "审批意见", ReasonMaxLength, multiLine: true) : Check.Text(reason, "不同意的理由", ReasonMaxLength, multiLine: true);
        DecidedBy = by.Name;
        DecidedAt = at;
        Version++;
    }
}

/// <summary>
/// A unit head's appeal (申诉) against one line of the unit's published result, within the appeal window, with a
/// reason and optionally evidence. A Supervisor upholds it (the line takes the points they decide, the ranking is
/// recomputed) or rejects it, with a reason either way.
/// </summary>
public sealed class AssessmentAppeal : IUnitScoped<AssessmentAppeal>, IVersioned
{
    public const int ReasonMaxLength = 2000;

    public static Expression<Func<AssessmentAppeal, int, bool>> Names { get; } = (a, person) => false;

    public static Expression<Func<AssessmentAppeal, int, bool>> IsResponsible { get; } = (a, person) => false;

    public int Id { get; private set; }
    public int RunId { get; private set; }
    public int ResultId { get; private set; }
    public int UnitId { get; private set; }
    public string UnitPath { get; private set; } = string.Empty;
    public string UnitName { get; private set; } = string.Empty;
    public string Indicator { get; private set; } = string.Empty;
    public string IndicatorName { get; private set; } = string.Empty;

    /// <summary>The line's points when appealed (an earlier upheld appeal may already have changed them).</summary>
    public decimal LinePoints { get; private set; }
    public bool VetoLine { get; private set; }
    public string Reason { get; private set; } = string.Empty;
    public string? FileName { get; private set; }
    public string? ContentType { get; private set; }
    public long? Size { get; private set; }
    public string? Sha256 { get; private set; }
    public ReviewState State { get; private set; }
    public int? FiledByUserId { get; private set; }
    public string FiledBy { get; private set; } = string.Empty;
    public DateTime FiledAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecisionReason { get; private set; }
    public decimal? CorrectedPoints { get; private set; }
    public int Version { get; private set; }

    private AssessmentAppeal()
    {
    }

    /// <param name="onLine">The appeals already made on the line: one at a time, and the last upheld one says its points now.</param>
    internal static AssessmentAppeal File(AssessmentResult result, DateOnly? appealDueOn, DateOnly today, ScoreLine line,
        IReadOnlyList<AssessmentAppeal> onLine, string? reason, ReviewFile? file, ReviewActor by, DateTime at)
    {
        if (!result.Published || appealDueOn is not { } due)
        {
            throw AssessmentErrors.NotPublished();
        }
        if (today > due)
        {
            throw AssessmentErrors.AppealWindowClosed(due);
        }
        if (onLine.Any(a => a.State == ReviewState.Pending))
        {
            throw AssessmentErrors.AppealPending();
        }
        var text = Check.Text(reason, "申诉理由", ReasonMaxLength, multiLine: true);
        result.Touch();
        return new AssessmentAppeal
        {
            RunId = result.RunId,
            ResultId = result.Id,
            UnitId = result.UnitId,
            UnitPath = result.UnitPath,
            UnitName = result.UnitName,
            Indicator = line.Indicator,
            IndicatorName = line.Name,
            LinePoints = CurrentPoints(line, onLine),
            VetoLine = line.Veto is not null,
            Reason = text,
            FileName = file?.FileName,
            ContentType = file?.ContentType,
            Size = file?.Size,
            Sha256 = file?.Sha256,
            State = ReviewState.Pending,
            FiledByUserId = by.UserId,
            FiledBy = by.Name,
            FiledAt = at,
            Version = 1,
        };
    }

    /// <summary>Upheld: the line takes <paramref name="points"/>; the result is corrected by the caller in the same save.</summary>
    /// <summary>A line's points now: as computed, or as the last upheld appeal on it set them.</summary>
    public static decimal CurrentPoints(ScoreLine line, IEnumerable<AssessmentAppeal> onLine) =>
        onLine.Where(a => a.State == ReviewState.Approved).OrderBy(a => a.Id).LastOrDefault()?.CorrectedPoints ?? line.Points;

    internal void Uphold(decimal points, string? reason, ReviewActor by, DateTime at)
    {
        if (VetoLine && points != 0)
        {
            throw AssessmentErrors.VetoPoints();
        }
        DecisionReason = Check.Text(reason, "处理意见", ReasonMaxLength, multiLine: true);
        CorrectedPoints = points;
        State = ReviewState.Approved;
        DecidedBy = by.Name;
        DecidedAt = at;
        Version++;
    }

    internal void Reject(string? reason, ReviewActor by, DateTime at)
    {
        DecisionReason = Check.Text(reason, "不成立的理由", ReasonMaxLength, multiLine: true);
        State = ReviewState.Rejected;
        DecidedBy = by.Name;
        DecidedAt = at;
        Version++;
    }
}
