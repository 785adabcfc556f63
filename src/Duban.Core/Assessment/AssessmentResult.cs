using System.Linq.Expressions;
using Duban.Core.Common.Scope;
using Duban.Core.Common.Workflow;

namespace Duban.Core.Assessment;

/// <summary>
/// A unit's result in a run: base, the lines' points (after caps, and after upheld appeals), the approved
/// adjustments, the total, rank and grade, and the veto that bars it from 优秀. Unit-scoped: before publication a
/// unit sees its own tree's results only. The lines with their events are in <see cref="AssessmentBreakdown"/>.
/// </summary>
public sealed class AssessmentResult : IUnitScoped<AssessmentResult>, IVersioned
{
    public static Expression<Func<AssessmentResult, int, bool>> Names { get; } = (result, person) => false;

    public static Expression<Func<AssessmentResult, int, bool>> IsResponsible { get; } = (result, person) => false;

    public int Id { get; private set; }
    public int RunId { get; private set; }
    public int UnitId { get; private set; }
    public string UnitPath { get; private set; } = string.Empty;
    public string UnitName { get; private set; } = string.Empty;
    public int? HeadPersonId { get; private set; }
    public string? HeadName { get; private set; }
    public decimal Base { get; private set; }
    public decimal LinesTotal { get; private set; }
    public decimal Adjusted { get; private set; }
    public decimal Total { get; private set; }
    public int Rank { get; private set; }
    public Grade Grade { get; private set; }
    public string? Veto { get; private set; }

    /// <summary>Copied from the run, so the result's own actions know whether they are open (adjust before, appeal after).</summary>
    public bool Published { get; private set; }
    public int Version { get; private set; }

    public AssessmentBreakdown? Breakdown { get; private set; }

    private AssessmentResult()
    {
    }

    internal static AssessmentResult Create(int unitId, string unitPath, string unitName, int? headPersonId, string? headName, UnitScore score) => new()
    {
        UnitId = unitId,
        UnitPath = unitPath,
        UnitName = unitName,
        HeadPersonId = headPersonId,
        HeadName = headName,
        Base = score.Base,
        LinesTotal = score.Lines.Sum(l => l.Points),
        Total = score.Total,
        Veto = score.Veto,
        Version = 1,
        Breakdown = new AssessmentBreakdown(score.Lines),
    };

    internal void Place(int rank, Grade grade)
    {
        if (Rank != rank || Grade != grade)
        {
            (Rank, Grade) = (rank, grade);
            Version++;
        }
    }

    /// <summary>Something was added about the result (a proposal, an appeal): a publish or a second filing made meanwhile is stale.</summary>
    internal void Touch() => Version++;

    internal void MarkPublished()
    {
        Published = true;
        Version++;
    }

    /// <summary>An approved adjustment counts in the total.</summary>
    internal void Adjust(decimal points)
    {
        if (Published)
        {
            throw AssessmentErrors.Published();
        }
        Adjusted += points;
        Total = Base + LinesTotal + Adjusted;
        Version++;
    }

    /// <summary>
    /// An upheld appeal sets one line's points (from what they were when appealed) and nothing else; the veto is what
    /// the veto lines not lifted by upheld appeals still say.
    /// </summary>
    internal void Correct(decimal from, decimal to, string? vetoAfter)
    {
        LinesTotal += to - from;
        Total = Base + LinesTotal + Adjusted;
        Veto = vetoAfter;
        Version++;
    }
}

/// <summary>A result's lines with the events behind each, as computed (corrections are the upheld appeals).</summary>
public sealed class AssessmentBreakdown
{
    public int ResultId { get; private set; }
    public string LinesJson { get; private set; } = "[]";

    private AssessmentBreakdown()
    {
    }

    internal AssessmentBreakdown(IReadOnlyList<ScoreLine> lines) => LinesJson = SchemeJson.Write(lines);

    public IReadOnlyList<ScoreLine> Lines => SchemeJson.Read<List<ScoreLine>>(LinesJson);
}
