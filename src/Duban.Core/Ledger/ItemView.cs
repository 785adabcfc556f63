using Duban.Core.Accounts;
using Duban.Core.Campaigns;
using Duban.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Ledger;

public sealed record NamedRef(int Id, string Name);

/// <summary>An evidence file; a withdrawn one is kept and says when and by whom it was withdrawn.</summary>
public sealed record EvidenceView(int Id, string FileName, long Size, string ContentType, DateTime UploadedAt, string UploadedBy,
    string? UploadedByUnit, DateTime? WithdrawnAt, string? WithdrawnBy)
{
    public bool Withdrawn => WithdrawnAt is not null;
}

/// <summary>One line of the timeline: <paramref name="Actor"/> is the person's name (or 系统), with their unit.</summary>
public sealed record ItemEventView(long Id, ItemEventKind Kind, string KindName, DateTime At, string Actor, string? ActorUnit, string? Text,
    string? FromUnit, string? ToUnit, DateOnly? OldDueOn, DateOnly? NewDueOn, IReadOnlyList<FieldChange> Changes);

/// <summary>Why the item was sent back, shown at the top of its page while the unit works on it again.</summary>
public sealed record ReturnView(DateTime At, string By, string Reason);

/// <summary>Everything the detail page and the API show of one item, with names resolved and the actor's actions.</summary>
public sealed record ItemView(
    int Id, string Code, int CampaignId, string CampaignName, bool CampaignClosed, ItemState State, string StateName, NamedRef Unit,
    Light Light, string? DaysText, DeadlineKind DeadlineKind, DateOnly DueOn, string Deadline, ReportingPeriod? ReportingPeriod,
    ItemSource Source, string SourceName, string Problem, string? Goal, IReadOnlyList<string> Measures,
    IReadOnlyList<NamedRef> Categories, NamedRef? Leader, NamedRef? ResponsiblePerson, DateOnly FoundOn,
    DateOnly? LastReportOn, DateOnly? PendingExtensionDueOn, string? PendingExtensionReason, string? NoEvidenceReason,
    int UrgeCount, int Version, ReturnView? PendingReturn, IReadOnlyList<EvidenceView> Evidence, IReadOnlyList<ItemEventView> History,
    IReadOnlyList<ItemAction> AllowedActions, string? SourceCode = null);

public static class ItemViews
{
    public static async Task<ItemView> ViewAsync(this DubanDb db, RectificationItem item, DateOnly today, int yellowDays,
        CancellationToken cancellationToken = default)
    {
        var unitIds = item.History.SelectMany(e => new[] { e.FromUnitId, e.ToUnitId }).Append(item.UnitId)
            .OfType<int>().Distinct().ToList();
        var unitNames = await db.Units.IgnoreQueryFilters().Where(u => unitIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var personIds = new[] { item.LeaderPersonId, item.ResponsiblePersonId }.OfType<int>().ToList();
        var personNames = await db.People.IgnoreQueryFilters().Where(p => personIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var categoryIds = item.Categories.Select(c => c.CatalogEntryId).ToList();
        var categories = await db.CatalogEntries.Where(e => categoryIds.Contains(e.Id)).OrderBy(e => e.Set).ThenBy(e => e.SortOrder)
            .Select(e => new NamedRef(e.Id, e.Title)).ToListAsync(cancellationToken);
        var campaign = await db.Set<Campaign>().Where(c => c.Id == item.CampaignId).Select(c => new { c.Name, Closed = c.ClosedAt != null })
            .FirstOrDefaultAsync(cancellationToken);

        NamedRef? Person(int? id) => id is { } value ? new NamedRef(value, personNames.GetValueOrDefault(value, "?")) : null;
        string? UnitName(int? id) => id is { } value ? unitNames.GetValueOrDefault(value) : null;

        var nameOf = await db.NamesOfAsync(item.History.Select(e => e.ActorUserId)
            .Concat(item.Evidence.SelectMany(f => new[] { f.UploadedByUserId, f.WithdrawnByUserId })), cancellationToken);
        var deadline = LedgerTerms.DeadlineText(item.DeadlineKind, item.DueOn);
        var light = item.LightOn(today, yellowDays);
        return new ItemView(item.Id, item.Code, item.CampaignId, campaign?.Name ?? string.Empty, campaign?.Closed ?? false, item.State, LedgerTerms.Name(item.State),
            new NamedRef(item.UnitId, UnitName(item.UnitId) ?? string.Empty), light,
            LedgerTerms.DaysText(light, item.DueOn.DayNumber - today.DayNumber), item.DeadlineKind,
            item.DueOn, deadline, item.ReportingPeriod, item.Source, LedgerTerms.Name(item.Source), item.Problem, item.Goal,
            item.Measures, categories, Person(item.LeaderPersonId), Person(item.ResponsiblePersonId), item.FoundOn,
            item.LastReportOn, item.PendingExtensionDueOn, item.PendingExtensionReason, item.NoEvidenceReason, item.UrgeCount,
            item.Version,
            item.PendingReturn is { } returned ? new ReturnView(returned.At, nameOf(returned.ActorUserId, returned.ActorName).Shown, returned.Text ?? string.Empty) : null,
            [.. item.Evidence.OrderBy(f => f.Id).Select(f => new EvidenceView(f.Id, f.FileName, f.Size, f.ContentType, f.UploadedAt,
                nameOf(f.UploadedByUserId, f.UploadedByName).Name, nameOf(f.UploadedByUserId, f.UploadedByName).Unit, f.WithdrawnAt,
                f.WithdrawnByName is { } by ? nameOf(f.WithdrawnByUserId, by).Shown : null))],
            [.. item.History.OrderBy(e => e.Id).Select(e => new ItemEventView(e.Id, e.Kind, ItemEvent.Name(e.Kind), e.At,
                nameOf(e.ActorUserId, e.ActorName).Name, nameOf(e.ActorUserId, e.ActorName).Unit, e.Text,
                UnitName(e.FromUnitId), UnitName(e.ToUnitId), e.OldDueOn, e.NewDueOn, e.Changes))],
            // A closed campaign's items are kept for reading: nothing is offered on them.
            campaign?.Closed == true ? [] : [.. LedgerRules.AllowedActions(item, db.Actor)], item.SourceCode);
    }

    /// <summary>The item's current fields as an edit starts from them.</summary>
    public static ItemDetails DetailsOf(RectificationItem item) => new(
        [.. item.Categories.Select(c => c.CatalogEntryId)], item.Source, item.Problem, item.Goal, item.Measures,
        item.LeaderPersonId, item.ResponsiblePersonId, item.FoundOn, item.DeadlineKind,
        item.DeadlineKind == DeadlineKind.Date ? item.DueOn : null, item.ReportingPeriod);
}
