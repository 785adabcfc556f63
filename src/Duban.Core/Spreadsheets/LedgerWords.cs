using Duban.Core.Ledger;

namespace Duban.Core.Spreadsheets;

/// <summary>A source as read from a cell: matched, or 其他 with the original words kept and a warning.</summary>
public sealed record SourceValue(ItemSource Source, string? Warning);

/// <summary>The words ledgers use for an item's state and its source, matched to the system's terms.</summary>
public static class LedgerWords
{
    // Matched in this order, each as a part of the cell: 未完成 before 完成, or it would read as done.
    private static readonly (string Word, ItemState State)[] OfficeStates =
    [
        ("未完成", ItemState.InProgress),
        ("已完成", ItemState.Closed), ("已整改", ItemState.Closed), ("完成", ItemState.Closed),
        ("已提交", ItemState.Submitted),
        ("正在整改", ItemState.InProgress), ("正在推进", ItemState.InProgress), ("推进中", ItemState.InProgress),
        ("长期坚持", ItemState.InProgress),
        ("未开始", ItemState.Assigned), ("未整改", ItemState.Assigned),
    ];

    private static readonly (string Word, ItemSource Source)[] Sources =
    [
        ("自查自纠", ItemSource.SelfInspection), ("自查", ItemSource.SelfInspection), ("自纠", ItemSource.SelfInspection),
        ("专项督查", ItemSource.ThematicInspection), ("回头看", ItemSource.Revisit),
        ("上级督查", ItemSource.SuperiorInspection), ("督查", ItemSource.SuperiorInspection), ("巡察", ItemSource.SuperiorInspection),
        ("明查", ItemSource.AnnouncedInspection), ("暗访", ItemSource.CovertVisit),
        ("随机抽查", ItemSource.RandomCheck), ("抽查", ItemSource.RandomCheck),
        ("群众反映", ItemSource.PublicReport), ("信访", ItemSource.PublicReport), ("投诉", ItemSource.PublicReport),
        ("12345", ItemSource.PublicReport),
        ("领导批示", ItemSource.LeaderInstruction), ("批示", ItemSource.LeaderInstruction),
    ];

    /// <summary>
    /// The state a 整改状态 cell names: the screen's own names (which the export writes) first, then the words
    /// offices use. An empty cell means the item is being worked on.
    /// </summary>
    public static ItemState? State(string? text)
    {
        var value = (text ?? string.Empty).Trim();
        if (value.Length == 0)
        {
            return ItemState.InProgress;
        }
        foreach (var state in Enum.GetValues<ItemState>())
        {
            if (value.Contains(LedgerTerms.Name(state), StringComparison.Ordinal))
            {
                return state;
            }
        }
        foreach (var (word, state) in OfficeStates)
        {
            if (value.Contains(word, StringComparison.Ordinal))
            {
                return state;
            }
        }
        return null;
    }

    /// <summary>The source a 问题来源 cell names; words that fit none become 其他 with a warning, never an error.</summary>
    public static SourceValue Source(string? text)
    {
        var value = (text ?? string.Empty).Trim();
        if (value.Length == 0)
        {
            return new SourceValue(ItemSource.SelfInspection, null);
        }
        // The standard names first: 其他 is one of them, not a word that fits none.
        foreach (var source in Enum.GetValues<ItemSource>())
        {
            if (value == LedgerTerms.Name(source))
            {
                return new SourceValue(source, null);
            }
        }
        foreach (var (word, source) in Sources)
        {
            if (value.Contains(word, StringComparison.Ordinal))
            {
                return new SourceValue(source, null);
            }
        }
        return new SourceValue(ItemSource.Other, $"问题来源“{value}”不在标准来源中，已记为“其他”并保留原文。");
    }
}
