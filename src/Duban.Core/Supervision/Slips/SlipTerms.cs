namespace Duban.Core.Supervision.Slips;

/// <summary>A slip's colour by escalation (蓝 → 黄 → 红), fixed when it is issued.</summary>
public enum SlipColour
{
    Blue = 0,
    Yellow = 1,
    Red = 2,
}

/// <summary>Where a slip stands: waiting to be signed for, waiting for the reply, answered, or past its reply deadline unanswered.</summary>
public enum SlipState
{
    ToAcknowledge,
    ToReply,
    Replied,
    Overdue,
}

public enum SlipAction
{
    Acknowledge,
    Reply,
}

public static class SlipTerms
{
    public static string Name(this SlipColour colour) => colour switch
    {
        SlipColour.Blue => "蓝",
        SlipColour.Yellow => "黄",
        SlipColour.Red => "红",
        _ => throw new ArgumentOutOfRangeException(nameof(colour), colour, null),
    };

    /// <summary>What a slip of the colour is called, at the head of the print view and as the document's title (黄色督办单).</summary>
    public static string SlipTitle(this SlipColour colour) => $"{colour.Name()}色督办单";

    public static string Name(this SlipState state) => state switch
    {
        SlipState.ToAcknowledge => "待签收",
        SlipState.ToReply => "待反馈",
        SlipState.Replied => "已反馈",
        SlipState.Overdue => "超期未反馈",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
