using System.Text;
using Duban.Core.Campaigns;
using Duban.Core.Common;
using Duban.Core.Data;
using Duban.Core.Ledger;
using Duban.Core.Organization;
using Duban.Core.Signals;
using Microsoft.EntityFrameworkCore;

namespace Duban.Tests.Infrastructure;

/// <summary>A flag a detector should raise (or, for a near miss, must not): on a unit, or on one of its items.</summary>
public sealed record PlantedFlag(SignalKind Kind, int UnitId, int? ItemId);

/// <summary>
/// What <see cref="PlantedLedger"/> made: its units and items, the flags planted and the near misses beside them, and
/// the time, period and cut-offs it is to be judged at.
/// </summary>
public sealed record PlantedSet(IReadOnlyList<int> UnitIds, IReadOnlySet<int> ItemIds, IReadOnlySet<PlantedFlag> Planted,
    IReadOnlyList<PlantedFlag> NearMisses, DateTime AsOf, DateOnly From, DateOnly To, IReadOnlyList<DateOnly> CutOffs)
{
    public static WorkCalendar Calendar { get; } = new(new WeekendsOff());

    /// <summary>The detectors' context over the loaded items, judging this ledger's units over its period.</summary>
    public SignalContext Context(IReadOnlyList<SignalItem> items) =>
        new(items, AsOf, Calendar, new SignalOptions()) { UnitIds = UnitIds, From = From, To = To, CutOffs = CutOffs };
}

/// <summary>
/// A ledger with each 病相 planted a known number of times in varied shapes, near misses beside them that must not be
/// flagged, and ordinary items around them, in units of its own (named with a suffix of the run, under the root), so
/// it can be scored on its own rows in a shared database. Every item's whole history is written through the item's
/// own methods with explicit times before <c>asOf</c>; what varies (texts, days, which unit) comes from the seed.
/// The thresholds planted against are the settings' defaults.
/// </summary>
public sealed partial class PlantedLedger
{
    private static readonly SignalOptions Options = new();
    private static readonly ItemActor Supervisor = new(null, "督查组");
    private static readonly ItemActor Liaison = new(null, "联络员");
    private static readonly ItemNames NoNames = new([], []);

    /// <summary>The period judged (found or closed in it) starts this many days before asOf; two assessment cut-offs lie in it.</summary>
    private const int PeriodDays = 100;
    private static readonly int[] CutOffDays = [-75, -45];

    private readonly DubanDb _db;
    private readonly EvidenceStore _files;
    private readonly Campaign _campaign;
    private readonly DateTime _asOf;
    private readonly DateOnly _today;
    private readonly Random _random;
    private readonly string _tag = Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
    private readonly Queue<(int, int, int)> _measures;
    private readonly Queue<(int, int, int)> _reports;
    private readonly List<Unit> _units = [];
    private readonly Dictionary<int, Unit> _unitsById = [];
    private readonly List<RectificationItem> _items = [];
    private readonly List<(SignalKind Kind, Unit? Unit, RectificationItem? Item)> _planted = [];
    private readonly List<(SignalKind Kind, Unit? Unit, RectificationItem? Item)> _nearMisses = [];
    private readonly List<(RectificationItem Item, string Sha256, int Day)> _withdrawals = [];
    private int _number;
    private int _fileCount;

    private PlantedLedger(DubanDb db, EvidenceStore files, Campaign campaign, DateTime asOf, int seed)
    {
        (_db, _files, _campaign, _asOf) = (db, files, campaign, asOf);
        _today = ChinaTime.DateOf(asOf);
        _random = new Random(seed);
        _measures = PlantedTexts.Shuffled(_random);
        _reports = PlantedTexts.Shuffled(_random);
    }

    /// <summary>Writes the ledger into the campaign through <paramref name="db"/> (acting as the system) and returns what was planted.</summary>
    public static async Task<PlantedSet> GenerateAsync(DubanDb db, EvidenceStore files, Campaign campaign, DateTime asOf, int seed = 13)
    {
        var ledger = new PlantedLedger(db, files, campaign, asOf, seed);
        return await ledger.BuildAsync();
    }

    private async Task<PlantedSet> BuildAsync()
    {
        _number = await _db.LastNumberAsync(_campaign.Id);
        var root = await _db.Units.SingleAsync(u => u.ParentId == null);
        var ordinary = await AddUnitsAsync(root, 8);
        PlantBrokenPromises(ordinary);
        await PlantCopiedWorkAsync(ordinary);
        PlantStuck(ordinary);
        PlantPassedBuck(ordinary);
        PlantIdle(ordinary);
        PlantNoAmbition(ordinary);
        await PlantBackgroundAsync(ordinary);
        PlantShowClosures(await AddUnitsAsync(root, 16));
        PlantBlindSpots(await AddUnitsAsync(root, 15));

        _db.Items.AddRange(_items);
        await _db.SaveChangesAsync();
        // A file is withdrawn by its id, which the database gives.
        foreach (var (item, sha256, day) in _withdrawals)
        {
            item.WithdrawEvidence(item.Evidence.Single(f => f.Sha256 == sha256).Id, Liaison, At(day));
        }
        await _db.SaveChangesAsync();

        PlantedFlag Flag((SignalKind Kind, Unit? Unit, RectificationItem? Item) f) => new(f.Kind, f.Item?.UnitId ?? f.Unit!.Id, f.Item?.Id);
        return new PlantedSet([.. _units.Select(u => u.Id)], _items.Select(i => i.Id).ToHashSet(), _planted.Select(Flag).ToHashSet(),
            [.. _nearMisses.Select(Flag)], _asOf, Day(-PeriodDays), _today, [.. CutOffDays.Select(Day)]);
    }

    private async Task<List<Unit>> AddUnitsAsync(Unit parent, int count)
    {
        List<Unit> units = [.. Enumerable.Range(_units.Count + 1, count).Select(n => new Unit($"样本{n:00}科{_tag}", UnitKind.Section, parent, 900 + n))];
        _db.Units.AddRange(units);
        await _db.SaveChangesAsync();
        foreach (var unit in units)
        {
            unit.PlaceUnder(parent);
            _unitsById[unit.Id] = unit;
        }
        await _db.SaveChangesAsync();
        _units.AddRange(units);
        return units;
    }

    private void Plant(SignalKind kind, RectificationItem item) => _planted.Add((kind, null, item));

    private void Plant(SignalKind kind, Unit unit) => _planted.Add((kind, unit, null));

    private void Near(SignalKind kind, RectificationItem item) => _nearMisses.Add((kind, null, item));

    private void Near(SignalKind kind, Unit unit) => _nearMisses.Add((kind, unit, null));

    /// <summary>A day, as an offset from asOf's day (negative: before).</summary>
    private DateOnly Day(int offset) => _today.AddDays(offset);

    /// <summary>The offset of the day that many working days before asOf's day.</summary>
    private int WorkdaysAgo(int workdays) => PlantedSet.Calendar.AddWorkdays(_today, -workdays).DayNumber - _today.DayNumber;

    /// <summary>09:00 in China on the day, plus minutes to order steps taken the same day; never after asOf.</summary>
    private DateTime At(int day, int minutes = 0)
    {
        var at = ChinaTime.StartOfDayUtc(Day(day)).AddHours(9).AddMinutes(minutes);
        return at <= _asOf ? at : throw new InvalidOperationException($"A planted step on {Day(day):yyyy-MM-dd} would come after the time judged from.");
    }

    private string Name(RectificationItem item) => _unitsById[item.UnitId].Name;

    private string NextMeasure(Unit unit) => PlantedTexts.Measure(_measures.Dequeue(), unit.Name);

    /// <summary>Registered by the supervision office on the day found; the deadline a day offset (ignored unless a date).</summary>
    private RectificationItem Draft(Unit unit, int found, int due = 30, DeadlineKind deadline = DeadlineKind.Date, IReadOnlyList<string>? measures = null,
        ItemSource source = ItemSource.SelfInspection, ReportingPeriod? period = null)
    {
        var details = new ItemDetails([], source, PlantedTexts.Problems[_random.Next(PlantedTexts.Problems.Length)], null, measures ?? [NextMeasure(unit)],
            null, null, Day(found), deadline, deadline == DeadlineKind.Date ? Day(due) : null, period);
        var item = RectificationItem.Register(_campaign.Id, _campaign.Year, ++_number, unit.Id, unit.Path, details, Supervisor, At(found), _campaign.ItemPrefix);
        _items.Add(item);
        return item;
    }

    /// <summary>Registered and assigned on the day found.</summary>
    private RectificationItem Assigned(Unit unit, int found, int due = 30, DeadlineKind deadline = DeadlineKind.Date, IReadOnlyList<string>? measures = null,
        ItemSource source = ItemSource.SelfInspection, ReportingPeriod? period = null)
    {
        var item = Draft(unit, found, due, deadline, measures, source, period);
        item.Assign(Supervisor, At(found, 30));
        return item;
    }

    /// <summary>Registered and assigned on the day found, started the next day.</summary>
    private RectificationItem Started(Unit unit, int found, int due = 30, DeadlineKind deadline = DeadlineKind.Date, IReadOnlyList<string>? measures = null,
        ItemSource source = ItemSource.SelfInspection, ReportingPeriod? period = null)
    {
        var item = Assigned(unit, found, due, deadline, measures, source, period);
        item.Start(Liaison, At(found + 1));
        return item;
    }

    /// <summary>An ordinary progress report on each day given, naming the unit the item is with.</summary>
    private void Report(RectificationItem item, params int[] days)
    {
        foreach (var day in days)
        {
            item.ReportProgress(PlantedTexts.Report(_reports.Dequeue(), Name(item)), Liaison, At(day, 60));
        }
    }

    /// <summary>Submitted the day before and closed on the day, on its file or, without one, a reason.</summary>
    private void Close(RectificationItem item, int day)
    {
        item.Submit(null, Liaison, At(day - 1, 120));
        item.Close(item.HasEvidence ? null : "现场核实已整改到位，无需另附材料", "同意销号", Supervisor, At(day, 180));
    }

    private async Task<StoredFile> NewFileAsync()
    {
        var n = ++_fileCount;
        var pdf = Encoding.ASCII.GetBytes($"%PDF-1.4\n% planted {_tag} {n}\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" +
                                          "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        using var content = new MemoryStream(pdf);
        return await _files.SaveAsync(content, $"整改佐证{n}.pdf");
    }

    private static void Attach(RectificationItem item, StoredFile file, DateTime at) =>
        item.AddEvidence(new EvidenceFile(file.FileName, file.ContentType, file.Size, file.Sha256, Liaison, at), Liaison, at);

    /// <summary>Whether closing on the day would count as bunched: in the window before its deadline or before a cut-off.</summary>
    private static bool Bunched(int day, int due) => JustBefore(day, due) || CutOffDays.Any(c => JustBefore(day, c));

    private static bool JustBefore(int day, int deadline) => day <= deadline && day >= deadline - Options.ShowWindowDays;

    /// <summary>A day in [earliest, latest] to close an item due on <paramref name="due"/> without it looking bunched.</summary>
    private int SpreadDay(int earliest, int latest, int due)
    {
        var days = Enumerable.Range(earliest, latest - earliest + 1).Where(d => !Bunched(d, due)).ToList();
        return days.Count > 0 ? days[_random.Next(days.Count)] : throw new InvalidOperationException($"No unbunched day in [{earliest}, {latest}].");
    }

    /// <summary>A unit from the list, chosen by the seed.</summary>
    private Unit Any(IReadOnlyList<Unit> units) => units[_random.Next(units.Count)];

    /// <summary>Two different units from the list, chosen by the seed.</summary>
    private (Unit, Unit) TwoUnits(IReadOnlyList<Unit> units)
    {
        var first = _random.Next(units.Count);
        return (units[first], units[(first + 1 + _random.Next(units.Count - 1)) % units.Count]);
    }
}
