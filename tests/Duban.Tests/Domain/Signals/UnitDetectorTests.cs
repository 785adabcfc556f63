using Duban.Core.Common;
using Duban.Core.Ledger;
using Duban.Core.Signals;

namespace Duban.Tests.Domain.Signals;

/// <summary>The unit-level detectors at their thresholds: closures bunched before deadlines or a cut-off (走秀场), self-found share (灯下黑).</summary>
public sealed class UnitDetectorTests
{
    private static readonly DateTime Monday = new(2026, 11, 30, 2, 0, 0, DateTimeKind.Utc);
    private static readonly WorkCalendar Calendar = new(new WeekendsOff());

    private static SignalItem Closed(int id, int unit, DateOnly due, DateOnly closedOn) =>
        new(id, $"ZG-2026-{id:0000}", unit, ItemState.Closed, DeadlineKind.Date, null, due, Monday.AddDays(-120),
            ChinaTime.StartOfDayUtc(closedOn).AddHours(2), closedOn, ["建立台账"], [], ItemSource.SelfInspection, due.AddDays(-60));

    private static SignalItem Found(int id, int unit, ItemSource source) =>
        new(id, $"ZG-2026-{id:0000}", unit, ItemState.InProgress, DeadlineKind.Date, null, new DateOnly(2026, 12, 31), Monday.AddDays(-30),
            null, null, ["建立台账"], [], source, new DateOnly(2026, 11, 1));

    private static List<SignalFinding> Detect(ISignalDetector detector, IReadOnlyList<SignalItem> items, params DateOnly[] cutOffs) =>
        [.. detector.Detect(new SignalContext(items, Monday, Calendar, new SignalOptions())
        {
            UnitIds = [7, 8], From = new DateOnly(2026, 10, 1), To = new DateOnly(2026, 11, 30), CutOffs = cutOffs,
        })];

    [Fact]
    public void Show_closure_needs_five_bunched_closures_making_half_of_the_units()
    {
        var due = new DateOnly(2026, 11, 20);
        // Closed 0–3 days before the deadline: bunched; 4 days before: not.
        List<SignalItem> four = [.. Enumerable.Range(1, 4).Select(n => Closed(n, 7, due, due.AddDays(-(n - 1))))];
        Assert.Empty(Detect(new ShowClosureDetector(), four));
        var five = four.Append(Closed(5, 7, due, due.AddDays(-3))).ToList();
        var flag = Assert.Single(Detect(new ShowClosureDetector(), five));
        Assert.Equal((7, 100m, 5), (flag.UnitId, flag.Strength, flag.Evidence.Count));
        // Five bunched of eleven closures is under half; of ten, exactly half.
        var early = Enumerable.Range(6, 5).Select(n => Closed(n, 7, due, due.AddDays(-10))).ToList();
        Assert.Equal(50m, Assert.Single(Detect(new ShowClosureDetector(), [.. five, .. early])).Strength);
        Assert.Empty(Detect(new ShowClosureDetector(), [.. five, .. early, Closed(11, 7, due, due.AddDays(-10))]));
        // Before an assessment cut-off counts too.
        var beforeCutOff = Enumerable.Range(1, 5).Select(n => Closed(n, 8, new DateOnly(2026, 12, 31), new DateOnly(2026, 11, 28))).ToList();
        Assert.Empty(Detect(new ShowClosureDetector(), beforeCutOff));
        Assert.Single(Detect(new ShowClosureDetector(), beforeCutOff, new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public void Blind_spot_below_a_fifth_self_found_with_three_found_by_others_or_nothing_registered()
    {
        var others = Enumerable.Range(1, 3).Select(n => Found(n, 7, ItemSource.AnnouncedInspection)).ToList();
        var findings = Detect(new BlindSpotDetector(), others);
        Assert.Equal([7, 8], findings.Select(f => f.UnitId).Order());
        Assert.Contains("没有登记任何问题", findings.Single(f => f.UnitId == 8).Evidence[0].What);

        // One self-found of five is 20 %: not below a fifth; of six, it is.
        var fiveWithOneSelf = others.Concat([Found(4, 7, ItemSource.RandomCheck), Found(5, 7, ItemSource.SelfInspection), Found(9, 8, ItemSource.SelfInspection)]).ToList();
        Assert.DoesNotContain(Detect(new BlindSpotDetector(), fiveWithOneSelf), f => f.UnitId == 7);
        Assert.Contains(Detect(new BlindSpotDetector(), [.. fiveWithOneSelf, Found(6, 7, ItemSource.CovertVisit)]), f => f.UnitId == 7);
        // Ten days into a period, registering nothing yet is no sign.
        Assert.DoesNotContain(new BlindSpotDetector().Detect(new SignalContext(others, Monday, Calendar, new SignalOptions())
        {
            UnitIds = [7, 8], From = new DateOnly(2026, 11, 20), To = new DateOnly(2026, 12, 31),
        }), f => f.UnitId == 8);
        // Two found by others is under the threshold, whatever the share.
        Assert.Empty(Detect(new BlindSpotDetector(), [Found(1, 7, ItemSource.AnnouncedInspection), Found(2, 7, ItemSource.RandomCheck), Found(9, 8, ItemSource.SelfInspection)]));
    }
}
