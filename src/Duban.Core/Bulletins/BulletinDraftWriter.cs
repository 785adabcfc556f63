using System.Globalization;
using Duban.Core.Documents;
using Duban.Core.Ledger;
using Duban.Core.Supervision.Inspections;

namespace Duban.Core.Bulletins;

/// <summary>A draft as written from the facts: its title, paragraphs, numbers with their lists, the table and whom it names.</summary>
public sealed record BulletinDraft(string Title, IReadOnlyList<BulletinParagraph> Body, IReadOnlyList<BulletinFigure> Figures,
    BulletinTable Table, IReadOnlyList<UnitFacts> Praised, IReadOnlyList<UnitFacts> Criticised);

/// <summary>
/// Writes a bulletin's draft from its facts in the usual structure: a lead, 一、基本情况, 二、工作开展较好的单位,
/// 三、存在的问题, 四、下步工作要求 and the table by unit. Every number it writes is also a figure with the list it
/// came from; what does not exist (no inspection held, no slip issued) is left out rather than written as zero.
/// </summary>
public sealed class BulletinDraftWriter(BulletinOptions options)
{
    public const string SupervisionPage = "/supervision";
    public const int TypicalCount = 5;

    /// <summary>Units named by name in one sentence at most; a district's 500 units do not fit a paragraph.</summary>
    public const int NamedMax = 30;

    // 一是…二是…: typical problems listed in the text, not as numbered headings.
    private static readonly string[] Ordinals = ["一", "二", "三", "四", "五"];

    private readonly BulletinRules _rules = new(options.PraiseOnTimePercent);

    public BulletinDraft Write(BulletinFacts facts)
    {
        var writing = new Writing(facts);
        var praised = facts.Units.Where(_rules.IsPraised).ToList();
        var criticised = facts.Units.Where(BulletinRules.IsCriticised).ToList();
        var body = new List<BulletinParagraph>();
        body.AddRange(Lead(facts));
        body.AddRange(Basics(writing));
        body.AddRange(Praise(writing, praised));
        body.AddRange(Problems(writing, criticised));
        body.AddRange(Requirements(facts.FeedbackDueOn));
        return new BulletinDraft(Title(facts.Scope), body, writing.Figures, Table(writing), praised, criticised);
    }

    /// <summary>The standard 下步工作要求 with the feedback deadline, kept when the numbers are refreshed.</summary>
    public IReadOnlyList<BulletinParagraph> Requirements(DateOnly feedbackDueOn) =>
    [
        new("四、下步工作要求", BulletinPart.Requirements),
        .. options.RequirementsText.Select(text => new BulletinParagraph(
            string.Format(CultureInfo.InvariantCulture, text, OfficialDocument.DateText(feedbackDueOn)), BulletinPart.Requirements)),
    ];

    public static string Title(BulletinScope scope) => $"关于{scope.CampaignName}问题整改情况的通报";

    private IEnumerable<BulletinParagraph> Lead(BulletinFacts facts)
    {
        var scope = facts.Scope;
        yield return new($"为深入推进{scope.CampaignName}，压实问题整改责任，{options.IssuingOrgan}对{Period(scope)}{scope.ScopeName}问题整改情况进行了统计分析（数据截至{CutOffText(scope.CutOff)}）。现将有关情况通报如下：",
            BulletinPart.Lead);
    }

    private static IEnumerable<BulletinParagraph> Basics(Writing w)
    {
        var scope = w.Facts.Scope;
        var units = w.Facts.Units;
        yield return new("一、基本情况", BulletinPart.Basics);
        var found = units.Sum(u => u.Found);
        if (found == 0)
        {
            yield return new($"{Period(scope)}，{scope.ScopeName}未登记发现的问题。", BulletinPart.Basics);
        }
        else
        {
            var (self, closed, onTime, overdue) = (units.Sum(u => u.SelfFound), units.Sum(u => u.Closed), units.Sum(u => u.OnTime), units.Sum(u => u.Overdue));
            var text = $"{Period(scope)}，{scope.ScopeName}共排查发现问题{w.Count("found", "发现问题", found, w.Ledger())}个，" +
                $"其中自查自纠发现{w.Count("self", "自查自纠发现", self, w.Ledger() with { Source = ItemSource.SelfInspection })}个，" +
                $"占{w.Rate("selfShare", "自查自纠占比", self, found, w.Ledger() with { Source = ItemSource.SelfInspection })}；" +
                $"已整改销号{w.Count("closed", "已整改销号", closed, w.Ledger(CutStanding.Closed))}个";
            text += closed > 0
                ? $"，其中按期完成{w.Count("onTime", "按期完成", onTime, w.Ledger(CutStanding.ClosedOnTime))}个，" +
                  $"按期完成率{w.Rate("onTimeRate", "按期完成率", onTime, closed, w.Ledger(CutStanding.ClosedOnTime))}"
                : string.Empty;
            text += overdue > 0
                ? $"；截至{DayText(scope.CutOff)}，逾期未完成（亮红灯）{w.Count("overdue", "逾期未完成（红灯）", overdue, w.Ledger(CutStanding.Overdue))}个。"
                : $"；截至{DayText(scope.CutOff)}，无逾期未完成事项。";
            yield return w.Paragraph(text, BulletinPart.Basics);
        }
        if (w.Facts.Inspections.Count > 0 || w.Facts.Checks.Checks > 0)
        {
            yield return Supervision(w);
        }
        if (w.Facts.Slips.Issued > 0)
        {
            yield return Slips(w);
        }
    }

    private static BulletinParagraph Supervision(Writing w)
    {
        var (scope, inspections, checks) = (w.Facts.Scope, w.Facts.Inspections, w.Facts.Checks);
        var sentences = new List<string>();
        var inspectionsHref = $"{SupervisionPage}?state=Published&from={LedgerLink.Date(scope.From)}&to={LedgerLink.Date(scope.To)}{UnitParameter(scope, "&")}";
        if (inspections.Count > 0)
        {
            var kinds = string.Join("、", inspections.ByKind.Where(k => k.Count > 0).Select(k => $"{InspectionTerms.Name(k.Kind)}{k.Count}次"));
            sentences.Add($"期间开展督查{w.Count("inspections", "开展督查", inspections.Count, inspectionsHref)}次（{kinds}），" +
                $"发现问题{w.Count("findings", "督查发现问题", inspections.Findings, inspectionsHref)}个，已全部交办整改");
        }
        if (checks.Checks > 0)
        {
            var drawsHref = w.Facts.DrawHref ?? SupervisionPage + "/draws";
            var passed = checks.Checks - checks.Failed;
            sentences.Add($"对已销号事项开展“回头看”抽查{w.Count("checks", "回头看抽查", checks.Checks, drawsHref)}项，" +
                $"合格{passed}项" + (checks.Failed > 0
                    ? $"，不合格{w.Count("failedChecks", "回头看不合格", checks.Failed, drawsHref)}项，已重新打开整改"
                    : string.Empty));
        }
        return w.Paragraph(string.Join("；", sentences) + "。", BulletinPart.Basics);
    }

    private static BulletinParagraph Slips(Writing w)
    {
        var slips = w.Facts.Slips;
        var colours = string.Join("、", new[] { ("蓝色", slips.Blue), ("黄色", slips.Yellow), ("红色", slips.Red) }.Where(c => c.Item2 > 0)
            .Select(c => $"{c.Item1}{c.Item2}份"));
        var text = $"期间下发督办单{w.Count("slips", "下发督办单", slips.Issued, SupervisionPage + "/slips" + UnitParameter(w.Facts.Scope, "?"))}份（{colours}），" +
            $"已反馈{slips.Replied}份";
        text += slips.Unanswered > 0
            ? $"，超期未反馈{w.Count("slipsUnanswered", "超期未反馈督办单", slips.Unanswered, SupervisionPage + "/slips?state=Overdue" + UnitParameter(w.Facts.Scope, "&"))}份。"
            : "。";
        return w.Paragraph(text, BulletinPart.Basics);
    }

    private IEnumerable<BulletinParagraph> Praise(Writing w, List<UnitFacts> praised)
    {
        yield return new("二、工作开展较好的单位", BulletinPart.Praise);
        if (praised.Count == 0)
        {
            yield return new($"按照“{_rules.PraiseRuleText}”的标准，本期没有单位达到通报表扬条件。", BulletinPart.Praise);
            yield break;
        }
        var names = NameList(praised, u => u.OnTime, u =>
            $"{u.UnitName}（按期完成率{w.Rate($"onTimeRate:{u.UnitId}", $"{u.UnitName}按期完成率", u.OnTime, u.Closed, w.Unit(u.UnitId, CutStanding.ClosedOnTime))}）");
        yield return w.Paragraph($"按照“{_rules.PraiseRuleText}”的标准，{names}{(praised.Count > NamedMax ? "" : $"等{praised.Count}个单位")}问题整改推进有力、成效明显，予以通报表扬。",
            BulletinPart.Praise);
    }

    private static IEnumerable<BulletinParagraph> Problems(Writing w, List<UnitFacts> criticised)
    {
        yield return new("三、存在的问题", BulletinPart.Problems);
        var numbering = new HeadingNumbers();
        var overdue = criticised.Where(u => u.Overdue > 0).ToList();
        if (overdue.Count > 0)
        {
            var names = NameList(overdue, u => u.Overdue, u =>
                $"{u.UnitName}（{w.Count($"overdue:{u.UnitId}", $"{u.UnitName}逾期未完成", u.Overdue, w.Unit(u.UnitId, CutStanding.Overdue))}个）");
            yield return w.Paragraph($"{numbering.Next()}逾期未完成整改。截至{DayText(w.Facts.Scope.CutOff)}，{names}存在逾期未完成（亮红灯）的整改事项，予以通报批评。",
                BulletinPart.Problems);
        }
        var failed = criticised.Where(u => u.FailedChecks > 0).ToList();
        if (failed.Count > 0)
        {
            var names = NameList(failed, u => u.FailedChecks, u => $"{u.UnitName}（{u.FailedChecks}项）");
            yield return new($"{numbering.Next()}“回头看”复查不合格。{names}已销号的事项经“回头看”复查不合格，整改不实，已重新打开整改，予以通报批评。",
                BulletinPart.Problems);
        }
        var unanswered = criticised.Where(u => u.Unanswered.Count > 0).ToList();
        if (unanswered.Count > 0)
        {
            var names = NameList(unanswered, u => u.Unanswered.Count, u => $"{u.UnitName}（{string.Join("、", u.Unanswered.Take(NamedMax / 10))}" +
                (u.Unanswered.Count > NamedMax / 10 ? $"等{u.Unanswered.Count}份）" : "）"));
            yield return new($"{numbering.Next()}督办单超期未反馈。{names}未在规定期限内反馈督办事项整改情况，予以通报批评。", BulletinPart.Problems);
        }
        var typical = w.Facts.Typical.OrderByDescending(f => f.Severity).Take(TypicalCount).ToList();
        if (typical.Count > 0)
        {
            yield return new($"{numbering.Next()}督查发现的典型问题。", BulletinPart.Problems);
            var index = 0;
            foreach (var finding in typical)
            {
                yield return new($"{Ordinals[index++]}是{finding.UnitName}：{finding.Problem.TrimEnd('。')}（{finding.InspectionCode}，{InspectionTerms.Name(finding.Severity)}）。",
                    BulletinPart.Problems);
            }
        }
        if (numbering.Used == 0)
        {
            yield return new("本期未发现需要通报批评的问题。", BulletinPart.Problems);
        }
    }

    private static BulletinTable Table(Writing w)
    {
        var rows = new List<IReadOnlyList<BulletinCell>>();
        var index = 1;
        foreach (var unit in w.Facts.Units.Where(u => u.Found > 0))
        {
            rows.Add([new(index++.ToString(CultureInfo.InvariantCulture)), new(unit.UnitName),
                new(Number(unit.Found), LedgerLink.For(w.Unit(unit.UnitId))),
                new(Number(unit.Closed), LedgerLink.For(w.Unit(unit.UnitId, CutStanding.Closed))),
                new(Number(unit.OnTime), LedgerLink.For(w.Unit(unit.UnitId, CutStanding.ClosedOnTime))),
                new(Number(unit.Late), LedgerLink.For(w.Unit(unit.UnitId, CutStanding.ClosedLate))),
                new(Number(unit.Overdue), LedgerLink.For(w.Unit(unit.UnitId, CutStanding.Overdue)))]);
        }
        var units = w.Facts.Units;
        rows.Add([new(string.Empty), new("合计"),
            new(Number(units.Sum(u => u.Found)), LedgerLink.For(w.Ledger())),
            new(Number(units.Sum(u => u.Closed)), LedgerLink.For(w.Ledger(CutStanding.Closed))),
            new(Number(units.Sum(u => u.OnTime)), LedgerLink.For(w.Ledger(CutStanding.ClosedOnTime))),
            new(Number(units.Sum(u => u.Late)), LedgerLink.For(w.Ledger(CutStanding.ClosedLate))),
            new(Number(units.Sum(u => u.Overdue)), LedgerLink.For(w.Ledger(CutStanding.Overdue)))]);
        return new BulletinTable($"{w.Facts.Scope.CampaignName}问题整改情况统计表（截至{CutOffText(w.Facts.Scope.CutOff)}）",
            ["序号", "单位", "发现问题", "已销号", "按期完成", "逾期销号", "逾期未完成（红灯）"], rows);
    }

    /// <summary>
    /// Units named in one sentence: all of them up to <see cref="NamedMax"/>, else the heaviest that many and "等N个单位"
    /// (every unit stays in the attached table and among the units the bulletin names).
    /// </summary>
    private static string NameList(List<UnitFacts> units, Func<UnitFacts, int> weight, Func<UnitFacts, string> entry) =>
        units.Count <= NamedMax
            ? string.Join("、", units.Select(entry))
            : string.Join("、", units.OrderByDescending(weight).Take(NamedMax).Select(entry)) + $"等{units.Count}个单位";

    // The supervision lists filter by a unit (and its tree) like the bulletin's scope.
    private static string UnitParameter(BulletinScope scope, string separator) =>
        scope.UnitId is { } unit ? $"{separator}unit={unit.ToString(CultureInfo.InvariantCulture)}" : string.Empty;

    public static string Period(BulletinScope scope) => $"{OfficialDocument.DateText(scope.From)}至{OfficialDocument.DateText(scope.To)}";

    public static string CutOffText(DateTime cutOff)
    {
        var local = Common.ChinaTime.ToLocal(cutOff);
        return $"{OfficialDocument.DateText(DateOnly.FromDateTime(local))}{local.Hour}时";
    }

    private static string DayText(DateTime cutOff) => OfficialDocument.DateText(Common.ChinaTime.DateOf(cutOff));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>（一）（二）… for the problems found, in the order they are written.</summary>
    private sealed class HeadingNumbers
    {
        private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

        public int Used { get; private set; }

        public string Next() => $"（{Numerals[Used++]}）";
    }

    /// <summary>The facts being written and the figures written so far.</summary>
    private sealed class Writing(BulletinFacts facts)
    {
        public BulletinFacts Facts { get; } = facts;

        public List<BulletinFigure> Figures { get; } = [];

        public LedgerQuery Ledger(CutStanding? standing = null) => new(Facts.Scope.CampaignId, Facts.Scope.UnitId,
            FoundFrom: Facts.Scope.From, FoundTo: Facts.Scope.To, AsOf: Facts.Scope.CutOff, Standing: standing);

        public LedgerQuery Unit(int unitId, CutStanding? standing = null) => Ledger(standing) with { UnitId = unitId, UnitOnly = true };

        public string Count(string key, string label, int value, LedgerQuery list) =>
            Count(key, label, value, LedgerLink.For(list));

        public string Count(string key, string label, int value, string href) =>
            Add(key, label, Number(value), href);

        public string Rate(string key, string label, int part, int whole, LedgerQuery list) =>
            Add(key, label, Percent(part, whole), LedgerLink.For(list));

        private string Add(string key, string label, string shown, string href)
        {
            Figures.Add(new BulletinFigure(key, label, shown, href));
            return $"{Open}{key}{Middle}{shown}{Close}";
        }

        /// <summary>
        /// The paragraph with its marked numbers made plain; each number's figure learns the words just before it, so a
        /// page finds it again in the text (and stops linking it once the words or the number are edited).
        /// </summary>
        public BulletinParagraph Paragraph(string marked, BulletinPart part)
        {
            var text = new System.Text.StringBuilder();
            var keys = new List<string>();
            var at = 0;
            while (marked.IndexOf(Open, at) is var open and >= 0)
            {
                text.Append(marked, at, open - at);
                var middle = marked.IndexOf(Middle, open);
                var close = marked.IndexOf(Close, middle);
                var key = marked[(open + 1)..middle];
                var index = Figures.FindIndex(f => f.Key == key);
                Figures[index] = Figures[index] with { Before = text.ToString()[Math.Max(0, text.Length - ContextLength)..] };
                keys.Add(key);
                text.Append(marked, middle + 1, close - middle - 1);
                at = close + 1;
            }
            text.Append(marked, at, marked.Length - at);
            return new BulletinParagraph(text.ToString(), part, keys);
        }

        // Marks around a number while its paragraph is being written; no typed text contains them.
        private const char Open = '\u0001';
        private const char Middle = '\u0002';
        private const char Close = '\u0003';
        private const int ContextLength = 6;
    }

    /// <summary>A share as a percentage with at most one decimal (85.7%, 100%).</summary>
    public static string Percent(int part, int whole) => whole == 0
        ? "0%"
        : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
