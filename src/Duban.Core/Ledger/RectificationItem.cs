using System.Linq.Expressions;
using Duban.Core.Common;
using Duban.Core.Common.Scope;

namespace Duban.Core.Ledger;

/// <summary>What a person fills in for an item; the same for creating and editing.</summary>
public sealed record ItemDetails(
    IReadOnlyList<int> CategoryIds,
    ItemSource Source,
    string? Problem,
    string? Goal,
    IReadOnlyList<string> Measures,
    int? LeaderPersonId,
    int? ResponsiblePersonId,
    DateOnly FoundOn,
    DeadlineKind DeadlineKind,
    DateOnly? DueOn,
    ReportingPeriod? ReportingPeriod);

/// <summary>
/// An item of the rectification ledger (整改事项). Its state changes only through the methods below, each of which
/// checks that the change is legal now and records it in the item's history; who may call them is decided by
/// <see cref="LedgerWorkflow.Table"/> and checked on the one path every action takes (<see cref="Data.WorkflowPath"/>).
/// </summary>
public sealed partial class RectificationItem : IUnitScoped<RectificationItem>, Common.Workflow.IVersioned
{
    public static Expression<Func<RectificationItem, int, bool>> Names { get; } =
        (item, person) => item.ResponsiblePersonId == person || item.LeaderPersonId == person;

    public static Expression<Func<RectificationItem, int, bool>> IsResponsible { get; } = (item, person) => item.ResponsiblePersonId == person;

    public const int ProblemMaxLength = 2000;
    public const int GoalMaxLength = 1000;
    public const int MeasureMaxLength = 500;
    public const int MaxMeasures = 20;
    public const int TextMaxLength = 2000;

    /// <summary>立行立改: yellow from the first day, red once this many calendar days have passed.</summary>
    public const int ImmediateDays = 7;

    private readonly List<ItemEvent> _history = [];
    private readonly List<EvidenceFile> _evidence = [];
    private readonly List<ItemCategory> _categories = [];

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public int Number { get; private set; }
    public string Code { get; private set; } = string.Empty;
    public int UnitId { get; private set; }

    /// <summary>The responsible unit's materialised path, copied here so scope and unit filters need no join.</summary>
    public string UnitPath { get; private set; } = string.Empty;
    public ItemState State { get; private set; }
    public ItemSource Source { get; private set; }

    /// <summary>The record the problem came from (督查 DC-2026-001), when it came from one.</summary>
    public string? SourceCode { get; private set; }
    public string Problem { get; private set; } = string.Empty;
    public string? Goal { get; private set; }
    /// <summary>The measures (整改措施) in order, one per line, so text search covers them on every database.</summary>
    public string MeasuresText { get; private set; } = string.Empty;

    public IReadOnlyList<string> Measures => MeasuresText.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    public int? LeaderPersonId { get; private set; }
    public int? ResponsiblePersonId { get; private set; }
    public DateOnly FoundOn { get; private set; }
    public DeadlineKind DeadlineKind { get; private set; }
    public ReportingPeriod? ReportingPeriod { get; private set; }

    /// <summary>
    /// When the next thing is due: the deadline itself, the found date plus <see cref="ImmediateDays"/> for 立行立改,
    /// or the next periodic report for 长期坚持. The light is computed from it.
    /// </summary>
    public DateOnly DueOn { get; private set; }
    public DateOnly? LastReportOn { get; private set; }
    public DateOnly? PendingExtensionDueOn { get; private set; }
    public string? PendingExtensionReason { get; private set; }
    public int? SubmittedByUserId { get; private set; }
    public int? ClosedByUserId { get; private set; }
    public DateTime? ClosedAt { get; private set; }

    /// <summary>The China date of <see cref="ClosedAt"/>, stored so "closed on time" is a plain comparison with the deadline.</summary>
    public DateOnly? ClosedOn { get; private set; }
    public string? NoEvidenceReason { get; private set; }
    public int UrgeCount { get; private set; }
    /// <summary>For items that came from a spreadsheet: the file's hash and the row's 序号, so a re-import skips them.</summary>
    public string? ImportKey { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>Incremented by every change; a save based on an older version is refused (optimistic concurrency).</summary>
    public int Version { get; private set; }

    /// <summary>
    /// The problem, categories and source of an item the unit did not find itself are the finding of whoever did
    /// (the supervision office, an inspection): the unit may work on the item, not rewrite what was found.
    /// </summary>
    public bool FindingsNeedASupervisor => Source != ItemSource.SelfInspection;

    public IReadOnlyList<ItemEvent> History => _history;
    public IReadOnlyList<EvidenceFile> Evidence => _evidence;
    public IReadOnlyList<ItemCategory> Categories => _categories;

    private RectificationItem()
    {
    }

    /// <summary>An item's code: the campaign's prefix, its year and the number (ZG-2026-0001).</summary>
    public static string CodeFor(string prefix, int year, int number) => $"{prefix}-{year}-{number:0000}";

    /// <summary>Whether the text has the form of an item's code (<see cref="CodeFor"/>).</summary>
    public static bool IsCode(string text) => CodePattern().IsMatch(text);

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Z0-9]{1,10}-\d{4}-\d{4,}$")]
    private static partial System.Text.RegularExpressions.Regex CodePattern();

    public static RectificationItem Register(int campaignId, int year, int number, int unitId, string unitPath,
        ItemDetails details, ItemActor by, DateTime at, string itemPrefix = Campaigns.Campaign.DefaultItemPrefix, string? sourceCode = null)
    {
        var item = New(campaignId, CodeFor(itemPrefix, year, number), number, unitId, unitPath, details, ItemState.Draft, at);
        item.SourceCode = sourceCode;
        item.Record(new ItemEvent(ItemEventKind.Created, by, at), at);
        return item;
    }

    private static RectificationItem New(int campaignId, string code, int number, int unitId, string unitPath, ItemDetails details,
        ItemState state, DateTime at)
    {
        var item = new RectificationItem
        {
            CampaignId = campaignId,
            Number = number,
            Code = code,
            UnitId = unitId,
            UnitPath = unitPath,
            State = state,
            CreatedAt = at,
        };
        item.Apply(item.Checked(details));
        return item;
    }

    /// <summary>
    /// An item brought in from an office's own ledger, in the state that ledger records. One history entry says so
    /// (and a second keeps the ledger's 整改进展), rather than replaying assignment, submission and write-off as if
    /// someone had done them in the system at the moment of import. A closed item keeps why it has no evidence.
    /// </summary>
    public static RectificationItem Imported(int campaignId, int year, int number, int unitId, string unitPath, ItemDetails details,
        ItemState state, string? progress, string importKey, ItemActor by, DateTime at, string itemPrefix = Campaigns.Campaign.DefaultItemPrefix)
    {
        if (!Enum.IsDefined(state))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "An import brings items in in one of the ledger's states.");
        }
        var item = New(campaignId, CodeFor(itemPrefix, year, number), number, unitId, unitPath, details, state, at);
        item.ImportKey = importKey;
        item.Record(new ItemEvent(ItemEventKind.Imported, by, at, $"按原台账导入，原台账状态：{LedgerTerms.Name(state)}"), at);
        if (state == ItemState.Closed)
        {
            item.NoEvidenceReason = "原台账记为已完成，导入时无佐证材料。";
            item.ClosedByUserId = by.UserId;
            item.ClosedAt = at;
            item.ClosedOn = ChinaTime.DateOf(at);
        }
        var report = InputText.Clean(progress, multiLine: true);
        if (state is not (ItemState.Draft or ItemState.Assigned) && report.Length > 0)
        {
            item.LastReportOn = ChinaTime.DateOf(at);
            if (item.DeadlineKind == DeadlineKind.Ongoing)
            {
                item.DueOn = item.NextReportDue();
            }
            item.Record(new ItemEvent(ItemEventKind.Progress, by, at, report[..Math.Min(report.Length, TextMaxLength)]), at);
        }
        return item;
    }

    public Light LightOn(DateOnly today, int yellowDays) => LightRule.Of(State == ItemState.Closed, DeadlineKind, DueOn, today, yellowDays);

    /// <summary>Whether the action is legal in the item's present state, whoever asks.</summary>
    public bool CanBe(ItemAction action) => LedgerRules.IsLegal(action, this);

    /// <summary>
    /// Changes the filled-in fields, keeping each changed field's old and new value in the history; a save that
    /// changes nothing is refused. Once assigned, the deadline is a promise: only a supervisor may change it
    /// here; everyone else asks for an extension. What the supervision office found (problem, categories, source of
    /// an item not found by the unit itself) only a supervisor may change.
    /// </summary>
    public void Edit(ItemDetails details, ItemNames names, ItemActor by, DateTime at, bool mayChangeDeadline, bool mayChangeFindings)
    {
        Require(ItemAction.Edit);
        var next = Checked(details);
        var changes = ChangesTo(next, names);
        if (changes.Count == 0)
        {
            throw CommonErrors.NothingChanged();
        }
        var fields = changes.Select(c => c.Field).ToList();
        if (fields.Any(f => f is DeadlineField or FoundOnField) && State != ItemState.Draft && !mayChangeDeadline)
        {
            throw LedgerErrors.DeadlineIsAPromise();
        }
        if (FindingsNeedASupervisor && !mayChangeFindings && fields.Intersect(FindingFields).Any())
        {
            throw LedgerErrors.FindingsAreTheSupervisors(Source);
        }
        var oldDue = DueOn;
        Apply(next);
        Record(new ItemEvent(ItemEventKind.Edited, by, at, "修改了" + string.Join("、", fields),
            oldDueOn: oldDue != DueOn ? oldDue : null, newDueOn: oldDue != DueOn ? DueOn : null, changes: changes), at);
    }

    /// <summary>What an edit with these details would change, without changing anything; bad details are refused.</summary>
    public IReadOnlyList<FieldChange> ChangesFrom(ItemDetails details, ItemNames names) => ChangesTo(Checked(details), names);

    public void Assign(ItemActor by, DateTime at)
    {
        Require(ItemAction.Assign);
        State = ItemState.Assigned;
        Record(new ItemEvent(ItemEventKind.Assigned, by, at), at);
    }

    public void Start(ItemActor by, DateTime at)
    {
        Require(ItemAction.Start);
        State = ItemState.InProgress;
        Record(new ItemEvent(ItemEventKind.Started, by, at), at);
    }

    /// <summary>A progress report (整改进展); for 长期坚持 it also moves the next report date on by one period.</summary>
    public void ReportProgress(string? text, ItemActor by, DateTime at)
    {
        Require(ItemAction.ReportProgress);
        var report = Check.Text(text, "整改进展", TextMaxLength, multiLine: true);
        LastReportOn = ChinaTime.DateOf(at);
        if (DeadlineKind == DeadlineKind.Ongoing)
        {
            DueOn = NextReportDue();
        }
        Record(new ItemEvent(ItemEventKind.Progress, by, at, report), at);
    }

    public void Submit(string? note, ItemActor by, DateTime at)
    {
        Require(ItemAction.Submit);
        State = ItemState.Submitted;
        SubmittedByUserId = by.UserId;
        Record(new ItemEvent(ItemEventKind.Submitted, by, at, Check.OptionalText(note, "说明", TextMaxLength, multiLine: true)), at);
    }

    /// <summary>
    /// Verification and write-off (审核销号): never by the person who submitted (四眼原则), and only with evidence or
    /// a written reason why none can exist.
    /// </summary>
    public void Close(string? noEvidenceReason, string? note, ItemActor by, DateTime at)
    {
        Require(ItemAction.Close);
        if (by.UserId is not null && by.UserId == SubmittedByUserId)
        {
            throw LedgerErrors.OwnSubmission();
        }
        var reason = Check.OptionalText(noEvidenceReason, "无佐证材料的理由", TextMaxLength, multiLine: true);
        if (!HasEvidence && reason is null)
        {
            throw LedgerErrors.EvidenceOrReasonRequired();
        }
        if (PendingExtensionDueOn is { } pending)
        {
            // Nothing is left to extend once an item is written off; the request is closed with it, visibly.
            Record(new ItemEvent(ItemEventKind.ExtensionRefused, by, at, "事项已销号，延期申请随之撤销。",
                oldDueOn: DueOn, newDueOn: pending), at);
            PendingExtensionDueOn = null;
            PendingExtensionReason = null;
        }
        State = ItemState.Closed;
        NoEvidenceReason = HasEvidence ? null : reason;
        ClosedByUserId = by.UserId;
        ClosedAt = at;
        ClosedOn = ChinaTime.DateOf(at);
        Record(new ItemEvent(ItemEventKind.Closed, by, at, Check.OptionalText(note, "销号意见", TextMaxLength, multiLine: true) ?? reason), at);
    }

    /// <summary>A closed item found wanting (e.g. by a spot check) goes back into rectification.</summary>
    public void Reopen(string? reason, ItemActor by, DateTime at)
    {
        Require(ItemAction.Reopen);
        var why = RequireReason(reason, "重新打开");
        State = ItemState.InProgress;
        ClosedAt = null;
        ClosedOn = null;
        ClosedByUserId = null;
        SubmittedByUserId = null;
        Record(new ItemEvent(ItemEventKind.Reopened, by, at, why), at);
    }

    public void RequestExtension(DateOnly newDueOn, string? reason, ItemActor by, DateTime at)
    {
        Require(ItemAction.RequestExtension);
        if (DeadlineKind != DeadlineKind.Date)
        {
            throw LedgerErrors.ExtensionOnlyForDates();
        }
        if (newDueOn <= DueOn)
        {
            throw LedgerErrors.ExtensionMustBeLater(DueOn);
        }
        var why = RequireReason(reason, "申请延期");
        PendingExtensionDueOn = newDueOn;
        PendingExtensionReason = why;
        Record(new ItemEvent(ItemEventKind.ExtensionRequested, by, at, why, oldDueOn: DueOn, newDueOn: newDueOn), at);
    }

    /// <summary>Approving keeps the old deadline in the history; refusing needs a reason.</summary>
    public void DecideExtension(bool approve, string? reason, ItemActor by, DateTime at)
    {
        Require(ItemAction.DecideExtension);
        var requested = PendingExtensionDueOn!.Value;
        var old = DueOn;
        if (approve)
        {
            DueOn = requested;
            Record(new ItemEvent(ItemEventKind.ExtensionApproved, by, at, Check.OptionalText(reason, "审批意见", TextMaxLength, multiLine: true),
                oldDueOn: old, newDueOn: requested), at);
        }
        else
        {
            var why = RequireReason(reason, "不予延期");
            Record(new ItemEvent(ItemEventKind.ExtensionRefused, by, at, why, oldDueOn: old, newDueOn: requested), at);
        }
        PendingExtensionDueOn = null;
        PendingExtensionReason = null;
    }

    public void Urge(string? message, ItemActor by, DateTime at)
    {
        Require(ItemAction.Urge);
        UrgeCount++;
        Record(new ItemEvent(ItemEventKind.Urged, by, at, Check.OptionalText(message, "催办意见", TextMaxLength, multiLine: true) ?? "请抓紧整改。"), at);
    }

    private void Require(ItemAction action)
    {
        if (!CanBe(action))
        {
            throw RefusalOf(action);
        }
    }

    /// <summary>Why the action is not legal on the item now, in users' words.</summary>
    public DubanException RefusalOf(ItemAction action) =>
        action == ItemAction.DecideExtension && PendingExtensionDueOn is null
            ? LedgerErrors.NoExtensionPending()
            : action == ItemAction.RequestExtension && PendingExtensionDueOn is not null
                ? LedgerErrors.ExtensionPending()
                : LedgerErrors.NotAllowedInState(action, State);

    private static string RequireReason(string? reason, string what) =>
        Check.OptionalText(reason, "理由", TextMaxLength, multiLine: true) ?? throw LedgerErrors.ReasonRequired(what);

    private void Record(ItemEvent itemEvent, DateTime at)
    {
        _history.Add(itemEvent);
        UpdatedAt = at;
        Version++;
    }

    private DateOnly NextReportDue() =>
        WorkCalendar.AddMonths(LastReportOn ?? FoundOn, (int)(ReportingPeriod ?? Ledger.ReportingPeriod.Monthly));
}
