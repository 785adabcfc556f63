using System.Linq.Expressions;
using Duban.Core.Common;
using Duban.Core.Common.Scope;
using Duban.Core.Common.Workflow;

namespace Duban.Core.Bulletins;

/// <summary>
/// A published bulletin as one unit receives it: why (praised, criticised, 主送, 抄送), when its head or liaison signed
/// for it (签收), and, for a criticised unit, its 整改反馈 by the bulletin's deadline. Unit-scoped: a unit sees its own.
/// </summary>
public sealed class BulletinRecipient : IUnitScoped<BulletinRecipient>, IVersioned
{
    public const int FeedbackMaxLength = 3000;

    // A bulletin goes to the unit, not to a person: a member sees none.
    public static Expression<Func<BulletinRecipient, int, bool>> Names { get; } = (recipient, person) => false;

    public static Expression<Func<BulletinRecipient, int, bool>> IsResponsible { get; } = (recipient, person) => false;

    public int Id { get; private set; }
    public int BulletinId { get; private set; }
    public int UnitId { get; private set; }
    public string UnitPath { get; private set; } = string.Empty;
    public string UnitName { get; private set; } = string.Empty;
    public RecipientRole Role { get; private set; }
    public DateOnly? FeedbackDueOn { get; private set; }
    public bool Withdrawn { get; private set; }
    public DateTime? AcknowledgedAt { get; private set; }
    public string? AcknowledgedBy { get; private set; }
    public string? FeedbackText { get; private set; }
    public DateTime? FeedbackAt { get; private set; }
    public string? FeedbackBy { get; private set; }
    /// <summary>The ledger item the supervisor made of this unit's criticism (its code).</summary>
    public string? ItemCode { get; private set; }
    public int Version { get; private set; }

    public bool FeedbackAsked => FeedbackDueOn is not null;

    private BulletinRecipient()
    {
    }

    /// <summary>A criticised unit owes 整改反馈 by <paramref name="feedbackDueOn"/>; null asks none (a correction).</summary>
    public BulletinRecipient(int bulletinId, BulletinUnit unit, string unitPath, DateOnly? feedbackDueOn)
    {
        BulletinId = bulletinId;
        UnitId = unit.UnitId;
        UnitPath = unitPath;
        UnitName = unit.UnitName;
        Role = unit.Role;
        FeedbackDueOn = unit.Role == RecipientRole.Criticised ? feedbackDueOn : null;
        Version = 1;
    }

    public void Acknowledge(BulletinActor by, DateTime at)
    {
        if (Withdrawn)
        {
            throw BulletinErrors.Withdrawn();
        }
        if (AcknowledgedAt is not null)
        {
            throw BulletinErrors.AlreadyAcknowledged();
        }
        (AcknowledgedAt, AcknowledgedBy) = (at, by.Name);
        Version++;
    }

    public void Feedback(string? text, BulletinActor by, DateTime at)
    {
        if (!FeedbackAsked || FeedbackAt is not null)
        {
            throw BulletinErrors.FeedbackNotAsked();
        }
        if (AcknowledgedAt is null)
        {
            throw BulletinErrors.AcknowledgeFirst();
        }
        FeedbackText = Check.Text(text, "整改反馈", FeedbackMaxLength, multiLine: true);
        (FeedbackAt, FeedbackBy) = (at, by.Name);
        Version++;
    }

    internal void Withdraw()
    {
        Withdrawn = true;
        Version++;
    }

    internal void LinkItem(string itemCode) => ItemCode = itemCode;
}
