using Duban.Core.Common;

namespace Duban.Core.Assessment;

/// <summary>
/// A version of a scoring scheme as kept: editing makes the next version of the same family (<see cref="Family"/>:
/// the first version's id) and never changes a version a result used. The newest version of a family is the one
/// new runs take.
/// </summary>
public sealed class AssessmentScheme
{
    public int Id { get; private set; }
    public int? Family { get; private set; }
    public int Version { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public decimal BaseScore { get; private set; }
    public string IndicatorsJson { get; private set; } = "[]";
    public DateTime CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = string.Empty;

    private AssessmentScheme()
    {
    }

    /// <summary>A new family's first version, or (<paramref name="previous"/>) the next version of that family.</summary>
    public static AssessmentScheme Create(ScoringScheme scheme, AssessmentScheme? previous, int nextVersion, string by, DateTime at) => new()
    {
        Family = previous?.Family ?? previous?.Id,
        Version = previous is null ? 1 : nextVersion,
        Name = scheme.Name,
        BaseScore = scheme.Base,
        IndicatorsJson = SchemeJson.Write(scheme.Indicators),
        CreatedAt = at,
        CreatedBy = by,
    };

    /// <summary>The family a version belongs to: its first version's id.</summary>
    public int FamilyId => Family ?? Id;

    public ScoringScheme ToScheme() => new(Name, Version, BaseScore, SchemeJson.Read<List<Indicator>>(IndicatorsJson));
}
