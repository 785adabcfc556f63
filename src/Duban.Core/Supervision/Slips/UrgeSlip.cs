using System.Linq.Expressions;
using Duban.Core.Common;
using Duban.Core.Common.Scope;
using Duban.Core.Common.Workflow;

namespace Duban.Core.Supervision.Slips;

/// <summary>Who did something to a slip, as the slip keeps it (the name as it was then).</summary>
public sealed record SlipActor(int? UserId, string Name);

/// <summary>A reply's attached file, as the evidence store keeps it.</summary>
public sealed record SlipFile(string FileName, string ContentType, long Size, string Sha256);

/// <summary>
/// A numbered urge slip (督办单, 督〔2026〕12号): the supervision office's written demand to one unit about some of its
/// overdue or nearly due items. Never rewritten: what it says and its items are fixed when it is issued; the unit
/// then signs for it (签收) and replies (反馈), each once, in that order (<see cref="UrgeSlipWorkflow"/>).
/// </summary>
public sealed class UrgeSlip : IUnitScoped<UrgeSlip>, IVersioned
{
    public const int DemandMaxLength = 1000;
    public const int ReplyMaxLength = 2000;
    public const int MaxItems = 50;

    // A slip is the unit's, not a person's: a member sees none.
    public static Expression<Func<UrgeSlip, int, bool>> Names { get; } = (slip, person) => false;

    public static Expression<Func<UrgeSlip, int, bool>> IsResponsible { get; } = (slip, person) => false;

    private readonly List<UrgeSlipItem> _items = [];

    public int Id { get; private set; }
    public int Year { get; private set; }
    public int Number { get; private set; }
    public int CampaignId { get; private set; }
    public int UnitId { get; private set; }
    public string UnitPath { get; private set; } = string.Empty;

    /// <summary>The unit's name when the slip was issued, as it was printed.</summary>
    public string UnitName { get; private set; } = string.Empty;
    public SlipColour Colour { get; private set; }
    public string Demand { get; private set; } = string.Empty;
    public DateOnly ReplyDueOn { get; private set; }
    public int? IssuedByUserId { get; private set; }
    public string IssuedByName { get; private set; } = string.Empty;
    public DateTime IssuedAt { get; private set; }
    public IReadOnlyList<UrgeSlipItem> Items => _items;
    public DateTime? AcknowledgedAt { get; private set; }
    public int? AcknowledgedByUserId { get; private set; }
    public string? AcknowledgedByName { get; private set; }
    public string? ReplyText { get; private set; }
    public string? ReplyFileName { get; private set; }
    public string? ReplyFileContentType { get; private set; }
    public long? ReplyFileSize { get; private set; }
    public string? ReplyFileSha256 { get; private set; }
    public DateTime? RepliedAt { get; private set; }
    public int? RepliedByUserId { get; private set; }
    public string? RepliedByName { get; private set; }
    public int Version { get; private set; }

    private UrgeSlip()
    {
    }

    /// <summary>The slip of a checked draft with the next number of its year.</summary>
    public UrgeSlip(SlipDraft draft, int year, int number, SlipActor by, DateTime at)
    {
        Year = year;
        Number = number;
        CampaignId = draft.CampaignId;
        UnitId = draft.UnitId;
        UnitPath = draft.UnitPath;
        UnitName = draft.UnitName;
        Colour = draft.Colour;
        Demand = draft.Demand;
        ReplyDueOn = draft.ReplyDueOn;
        IssuedByUserId = by.UserId;
        IssuedByName = by.Name;
        IssuedAt = at;
        _items.AddRange(draft.Items.Select(i => new UrgeSlipItem(i)));
        Version = 1;
    }

    /// <summary>Where it stands on <paramref name="today"/>; an unanswered slip past its reply deadline is overdue whether signed for or not.</summary>
    public SlipState StateOn(DateOnly today) => StateCompiled.First(s => s.Value(this, today)).Key;

    public bool HasReplyFile => ReplyFileSha256 is not null;

    /// <summary>The unit signs for the slip (签收): once, before replying.</summary>
    public void Acknowledge(SlipActor by, DateTime at)
    {
        if (AcknowledgedAt is not null)
        {
            throw SlipErrors.AlreadyAcknowledged();
        }
        AcknowledgedAt = at;
        AcknowledgedByUserId = by.UserId;
        AcknowledgedByName = by.Name;
        Version++;
    }

    /// <summary>The unit answers (反馈): once, after signing for it; the text is required, a file is optional.</summary>
    public void Reply(string? text, SlipFile? file, SlipActor by, DateTime at)
    {
        if (AcknowledgedAt is null)
        {
            throw SlipErrors.NotAcknowledged();
        }
        if (RepliedAt is not null)
        {
            throw SlipErrors.AlreadyReplied();
        }
        ReplyText = Check.Text(text, "反馈内容", ReplyMaxLength, multiLine: true);
        ReplyFileName = file?.FileName;
        ReplyFileContentType = file?.ContentType;
        ReplyFileSize = file?.Size;
        ReplyFileSha256 = file?.Sha256;
        RepliedAt = at;
        RepliedByUserId = by.UserId;
        RepliedByName = by.Name;
        Version++;
    }

    /// <summary>Slips in <paramref name="state"/> on <paramref name="today"/>, as a database predicate.</summary>
    public static Expression<Func<UrgeSlip, bool>> InState(SlipState state, DateOnly today)
    {
        var slip = Expression.Parameter(typeof(UrgeSlip), "s");
        // A captured value, not a constant, so the database sees a parameter.
        var day = Expression.Constant(new Day(today));
        return Expression.Lambda<Func<UrgeSlip, bool>>(
            Expressions.Apply(StateWhen[state], slip, Expression.Property(day, nameof(Day.Today))), slip);
    }

    // The states, defined once: used as they are in queries, compiled for a slip in memory.
    private static readonly Dictionary<SlipState, Expression<Func<UrgeSlip, DateOnly, bool>>> StateWhen = new()
    {
        [SlipState.ToAcknowledge] = (s, today) => s.RepliedAt == null && s.ReplyDueOn >= today && s.AcknowledgedAt == null,
        [SlipState.ToReply] = (s, today) => s.RepliedAt == null && s.ReplyDueOn >= today && s.AcknowledgedAt != null,
        [SlipState.Replied] = (s, today) => s.RepliedAt != null,
        [SlipState.Overdue] = (s, today) => s.RepliedAt == null && s.ReplyDueOn < today,
    };

    private static readonly Dictionary<SlipState, Func<UrgeSlip, DateOnly, bool>> StateCompiled =
        StateWhen.ToDictionary(s => s.Key, s => s.Value.Compile());

    private sealed record Day(DateOnly Today);
}

/// <summary>One item on a slip: a snapshot of the item when the slip was issued, never rewritten.</summary>
public sealed class UrgeSlipItem
{
    public const int ProblemMaxLength = 200;

    public int Id { get; private set; }
    public int SlipId { get; private set; }
    public int ItemId { get; private set; }
    public string ItemCode { get; private set; } = string.Empty;
    public string Problem { get; private set; } = string.Empty;
    public DateOnly DueOn { get; private set; }

    /// <summary>Working days past the deadline on the day of issue (0 when not yet due).</summary>
    public int OverdueDays { get; private set; }
    public SlipColour Colour { get; private set; }

    private UrgeSlipItem()
    {
    }

    internal UrgeSlipItem(SlipDraftItem item)
    {
        ItemId = item.ItemId;
        ItemCode = item.Code;
        Problem = item.Problem.Length > ProblemMaxLength ? item.Problem[..(ProblemMaxLength - 1)] + "…" : item.Problem;
        DueOn = item.DueOn;
        OverdueDays = item.OverdueDays;
        Colour = item.Colour;
    }
}
