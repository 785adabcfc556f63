namespace Duban.Core.Bulletins;

/// <summary>
/// Who a draft praises and who it criticises, by rules written out in the draft itself. Praise: at least one item
/// closed, an on-time rate of at least the set percentage (default 90 %), and nothing to criticise. Criticism: any
/// item open past its deadline (red light) at the cut-off, any failed 回头看 check, any urge slip unanswered past its
/// reply deadline. Rates are compared in whole numbers (on time × 100 ≥ rate × closed), so the boundary is exact.
/// </summary>
public sealed class BulletinRules(int praiseOnTimePercent)
{
    public int PraiseOnTimePercent { get; } = praiseOnTimePercent;

    public string PraiseRuleText =>
        $"有销号事项、按期完成率不低于{PraiseOnTimePercent}%，且无逾期未完成（红灯）事项、无“回头看”复查不合格、无超期未反馈督办单";

    public static bool IsCriticised(UnitFacts unit) => unit.Overdue > 0 || unit.FailedChecks > 0 || unit.Unanswered.Count > 0;

    public bool IsPraised(UnitFacts unit) =>
        unit.Closed > 0 && unit.OnTime * 100 >= PraiseOnTimePercent * unit.Closed && !IsCriticised(unit);
}
