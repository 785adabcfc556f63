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
    WithdrawEvidence,
}

public static class ItemActions
{
    public static IReadOnlyList<ItemAction> All { get; } = Enum.GetValues<ItemAction>();

    public static string Name(ItemAction action) => LedgerWorkflow.Table[action].Name;
}
