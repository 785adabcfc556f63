namespace Duban.Core.Ledger;

/// <summary>Everything a person can do to an item; the transition table decides when and by whom.</summary>
public enum ItemAction
{
    Edit,
    Assign,
    Start,
    ReportProgress,
    AddEvidence,
    Submit,
    Return,
    Close,
    Reopen,
    RequestExtension,
    DecideExtension,
    Reassign,
    Urge,
}

public static class ItemActions
{
    public static IReadOnlyList<ItemAction> All { get; } = Enum.GetValues<ItemAction>();

    public static string Name(ItemAction action) => action switch
    {
        ItemAction.Edit => "编辑",
        ItemAction.Assign => "交办",
        ItemAction.Start => "开始整改",
        ItemAction.ReportProgress => "报告进展",
        ItemAction.AddEvidence => "上传佐证材料",
        ItemAction.Submit => "提交审核",
        ItemAction.Return => "退回",
        ItemAction.Close => "审核销号",
        ItemAction.Reopen => "重新打开",
        ItemAction.RequestExtension => "申请延期",
        ItemAction.DecideExtension => "审批延期",
        ItemAction.Reassign => "转办",
        ItemAction.Urge => "催办",
        _ => action.ToString(),
    };
}
