namespace Duban.Core.Signals;

/// <summary>
/// One run of every detector over a campaign as of a time: the current one (as of now, made again when the ledger
/// changes or the day turns) or one asked for at another time (an assessment cut-off, a look ahead). Its sightings say
/// which flags it found and how strong each was then. Computations are derived data: older ones are pruned.
/// </summary>
public sealed class SignalComputation
{
    public const int StampMaxLength = 200;

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public DateTime AsOf { get; private set; }

    /// <summary>Whether it was made as of now: the one pages and the API show when no time is asked for.</summary>
    public bool Current { get; private set; }

    /// <summary>What the ledger looked like when it was made (<see cref="SignalComputer"/>): another stamp means it is stale.</summary>
    public string Stamp { get; private set; } = string.Empty;
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    public DateTime ComputedAt { get; private set; }
    public int Flags { get; private set; }

    /// <summary>How long the detectors and the writing took, in milliseconds (for the board's footnote and the bench).</summary>
    public int Milliseconds { get; private set; }

    private SignalComputation()
    {
    }

    internal SignalComputation(int campaignId, DateTime asOf, bool current, string stamp, DateOnly periodFrom, DateOnly periodTo, DateTime computedAt)
    {
        CampaignId = campaignId;
        AsOf = asOf;
        Current = current;
        Stamp = stamp;
        PeriodFrom = periodFrom;
        PeriodTo = periodTo;
        ComputedAt = computedAt;
    }

    internal void Finish(int flags, int milliseconds)
    {
        Flags = flags;
        Milliseconds = milliseconds;
    }
}

/// <summary>
/// A flag as one computation found it: how strong it was then (a double: SQLite keeps decimals as text, which its
/// indexes cannot order by number).
/// </summary>
public sealed class SignalSighting
{
    public int ComputationId { get; private set; }
    public int FlagId { get; private set; }
    public double Strength { get; private set; }

    private SignalSighting()
    {
    }

    internal SignalSighting(int computationId, int flagId, decimal strength)
    {
        ComputationId = computationId;
        FlagId = flagId;
        Strength = (double)strength;
    }
}
