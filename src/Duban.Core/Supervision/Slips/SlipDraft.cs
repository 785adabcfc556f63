using Duban.Core.Common;
using Duban.Core.Ledger;

namespace Duban.Core.Supervision.Slips;

/// <summary>An item a supervisor picked for a slip, as it stands now; <paramref name="HadSlip"/>: an earlier slip listed it.</summary>
public sealed record SlipCandidate(int ItemId, string Code, int CampaignId, int UnitId, string UnitPath, string UnitName,
    ItemState State, DeadlineKind DeadlineKind, DateOnly DueOn, string Problem, bool HadSlip);

/// <summary>An item as the slip will list it, with its colour and working days overdue on the day of issue.</summary>
public sealed record SlipDraftItem(int ItemId, string Code, string Problem, DateOnly DueOn, int OverdueDays, SlipColour Colour);

/// <summary>
/// A slip checked and ready for its number: one unit (各单位一单) and one campaign, every item qualifying today, a
/// demand and a reply deadline not in the past. Its colour is its worst item's.
/// </summary>
public sealed record SlipDraft(int CampaignId, int UnitId, string UnitPath, string UnitName, SlipColour Colour, string Demand,
    DateOnly ReplyDueOn, IReadOnlyList<SlipDraftItem> Items)
{
    public static SlipDraft Of(IReadOnlyList<SlipCandidate> items, string? demand, DateOnly? replyDueOn, SlipDays days, WorkCalendar calendar)
    {
        if (items.Count == 0)
        {
            throw SlipErrors.ItemsRequired();
        }
        if (items.Count > UrgeSlip.MaxItems)
        {
            throw SlipErrors.TooManyItems(UrgeSlip.MaxItems);
        }
        var units = items.Select(i => (i.UnitId, i.UnitName)).Distinct().ToList();
        if (units.Count > 1)
        {
            throw SlipErrors.OneUnit(units.Select(u => u.UnitName));
        }
        if (items.Select(i => i.CampaignId).Distinct().Count() > 1)
        {
            throw SlipErrors.OneCampaign();
        }
        foreach (var item in items.Where(i => !SlipColourRule.Qualifies(i.State, i.DeadlineKind, i.DueOn, days)))
        {
            throw SlipErrors.DoesNotQualify(item.Code);
        }
        var text = Check.Text(demand, "督办要求", UrgeSlip.DemandMaxLength, multiLine: true);
        var due = replyDueOn ?? throw SlipErrors.ReplyDueRequired();
        if (due < days.Today)
        {
            throw SlipErrors.ReplyDueInPast(days.Today);
        }
        var listed = items.OrderBy(i => i.DueOn).ThenBy(i => i.Code, StringComparer.Ordinal)
            .Select(i => new SlipDraftItem(i.ItemId, i.Code, i.Problem, i.DueOn,
                i.DueOn < days.Today ? calendar.WorkdaysBetween(i.DueOn, days.Today) : 0, SlipColourRule.Of(i.DueOn, i.HadSlip, days)))
            .ToList();
        var first = items[0];
        return new(first.CampaignId, first.UnitId, first.UnitPath, first.UnitName, listed.Max(i => i.Colour), text, due, listed);
    }
}
