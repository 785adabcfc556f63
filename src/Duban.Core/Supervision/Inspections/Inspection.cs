using Duban.Core.Campaigns;
using Duban.Core.Common;
using Duban.Core.Ledger;

namespace Duban.Core.Supervision.Inspections;

/// <summary>
/// An inspection (督查) of one or more units by named inspectors, planned for a day with a check list. Its state moves
/// Planned → UnderWay → FindingsRecorded → Published; once published its findings are ledger items, and it reads as
/// closed (已完结) while every one of them is. A covert visit (暗访) is sealed from the units it concerns until it is
/// published: its targets and findings carry the seal, and the database's scope filter keeps them out of sight.
/// </summary>
public sealed class Inspection : Common.Workflow.IVersioned
{
    public const int TitleMaxLength = 200;
    public const int CheckItemMaxLength = 200;
    public const int MaxCheckItems = 50;
    public const int MaxTargets = 200;
    public const int MaxInspectors = 50;
    public const string CodePrefix = "DC";

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public int Year { get; private set; }
    public int Number { get; private set; }
    public string Code { get; private set; } = string.Empty;
    public InspectionKind Kind { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public DateOnly PlannedOn { get; private set; }
    public InspectionState State { get; private set; }
    public List<string> CheckList { get; private set; } = [];

    /// <summary>For a 回头看: the draw of closed items it revisits.</summary>
    public int? DrawId { get; private set; }
    public int? CreatedByUserId { get; private set; }
    public string CreatedBy { get; private set; } = string.Empty;
    public DateTime CreatedAt { get; private set; }
    public string? PublishedBy { get; private set; }
    public DateTime? PublishedAt { get; private set; }

    /// <summary>
    /// Moves on with every change, its findings' and answers' included, so two changes made from the same reading
    /// (a finding added while the results are published) cannot both be saved.
    /// </summary>
    public int Version { get; private set; }

    private readonly List<InspectionTarget> _targets = [];
    private readonly List<Inspector> _inspectors = [];
    private readonly List<InspectionFinding> _findings = [];

    public IReadOnlyList<InspectionTarget> Targets => _targets;
    public IReadOnlyList<Inspector> Inspectors => _inspectors;
    public IReadOnlyList<InspectionFinding> Findings => _findings;

    /// <summary>Sealed from the units it concerns: a covert visit not yet published.</summary>
    public bool IsSealed => Kind == InspectionKind.Covert && PublishedAt is null;

    private Inspection()
    {
    }

    /// <summary>
    /// A new inspection. An inspector never inspects their own unit (回避): a target that is an inspector's unit is
    /// refused, naming both.
    /// </summary>
    public static Inspection Plan(Campaign campaign, int number, InspectionKind kind, string? title, DateOnly? plannedOn,
        IReadOnlyList<(int Id, string Path, string Name)> units, IReadOnlyList<Inspector> inspectors, IEnumerable<string?> checkList,
        ItemActor by, DateTime at, int? drawId = null)
    {
        campaign.RequireOpen();
        Check.That(Enum.IsDefined(kind), InspectionErrors.KindRequired().Message);
        var inspection = new Inspection
        {
            CampaignId = campaign.Id,
            Year = campaign.Year,
            Number = number,
            Code = $"{CodePrefix}-{campaign.Year}-{number:000}",
            Kind = kind,
            Title = Check.Text(title, InspectionErrors.TitleLabel, TitleMaxLength),
            PlannedOn = plannedOn ?? throw InspectionErrors.PlannedOnRequired(),
            State = InspectionState.Planned,
            DrawId = drawId,
            CreatedByUserId = by.UserId,
            CreatedBy = by.Name,
            CreatedAt = at,
        };
        var targets = units.DistinctBy(u => u.Id).ToList();
        if (targets.Count == 0)
        {
            throw InspectionErrors.TargetsRequired();
        }
        if (targets.Count > MaxTargets)
        {
            throw InspectionErrors.TooManyTargets(MaxTargets);
        }
        var team = inspectors.DistinctBy(i => i.PersonId).ToList();
        if (team.Count == 0)
        {
            throw InspectionErrors.InspectorsRequired();
        }
        if (team.Count > MaxInspectors)
        {
            throw InspectionErrors.TooManyInspectors(MaxInspectors);
        }
        foreach (var inspector in team)
        {
            if (targets.Where(t => t.Id == inspector.UnitId).Select(t => t.Name).FirstOrDefault() is { } ownUnit)
            {
                throw InspectionErrors.Recusal(inspector.Name, ownUnit);
            }
        }
        var items = checkList.Select(c => Check.Text(c, InspectionErrors.CheckItemLabel, CheckItemMaxLength, required: false))
            .Where(c => c.Length > 0).Distinct().ToList();
        if (items.Count > MaxCheckItems)
        {
            throw InspectionErrors.TooManyCheckItems(MaxCheckItems);
        }
        inspection.CheckList = items;
        inspection._targets.AddRange(targets.Select(t => new InspectionTarget(t.Id, t.Path, t.Name, inspection.IsSealed)));
        inspection._inspectors.AddRange(team);
        return inspection;
    }

    public void Start() => Move(InspectionState.Planned, InspectionState.UnderWay, "开始督查");

    /// <summary>The findings are all in: what remains is publishing them.</summary>
    public void CompleteFindings() => Move(InspectionState.UnderWay, InspectionState.FindingsRecorded, "完成督查");

    /// <summary>Records a problem found at one of the inspection's units.</summary>
    public InspectionFinding AddFinding(int unitId, string unitName, string? problem, IReadOnlyList<int> categoryIds, FindingSeverity severity,
        DateOnly? dueOn, ItemActor by, DateTime at)
    {
        if (Kind == InspectionKind.Revisit)
        {
            throw InspectionErrors.RevisitFindings();
        }
        RequireState("登记发现的问题", InspectionState.UnderWay, InspectionState.FindingsRecorded);
        var target = _targets.FirstOrDefault(t => t.UnitId == unitId) ?? throw InspectionErrors.UnitNotTargeted(unitName);
        if (dueOn is { } due && due < ChinaTime.DateOf(at))
        {
            throw InspectionErrors.DueInThePast();
        }
        var finding = new InspectionFinding(target, problem, categoryIds, severity, dueOn, IsSealed, by, at);
        _findings.Add(finding);
        Version++;
        return finding;
    }

    /// <summary>The unit's 说明/申辩 on a finding of an announced inspection, before it is published.</summary>
    public void Answer(InspectionFinding finding, string? text, ItemActor by, DateTime at)
    {
        if (Kind != InspectionKind.Announced)
        {
            throw InspectionErrors.AnswerOnlyAnnounced();
        }
        if (PublishedAt is not null)
        {
            throw InspectionErrors.AnswerAfterPublishing();
        }
        finding.Answered(text, by, at);
        Version++;
    }

    /// <summary>
    /// Publishes the results: the seal is lifted and each finding becomes a ledger item of the unit, assigned to it
    /// at once, with the inspection as its source. <paramref name="register"/> makes the item of a finding.
    /// </summary>
    public void Publish(Func<InspectionFinding, RectificationItem> register, ItemActor by, DateTime at)
    {
        if (PublishedAt is not null)
        {
            throw InspectionErrors.AlreadyPublished(Code);
        }
        RequireState("发布", InspectionState.FindingsRecorded);
        foreach (var finding in _findings)
        {
            finding.Unseal();
            finding.Became(register(finding));
        }
        foreach (var target in _targets)
        {
            target.Unseal();
        }
        State = InspectionState.Published;
        PublishedAt = at;
        PublishedBy = by.Name;
        Version++;
    }

    private void Move(InspectionState from, InspectionState to, string action)
    {
        RequireState(action, from);
        State = to;
        Version++;
    }

    private void RequireState(string action, params InspectionState[] states)
    {
        if (PublishedAt is not null)
        {
            throw InspectionErrors.AlreadyPublished(Code);
        }
        if (!states.Contains(State))
        {
            throw InspectionErrors.StateRefuses(action, InspectionTerms.Name(State));
        }
    }
}
