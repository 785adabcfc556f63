namespace Duban.Core.Bulletins;

public enum BulletinState
{
    Draft = 0,
    Submitted = 1,
    Returned = 2,
    Approved = 3,
    Published = 4,
    Withdrawn = 5,
}

public enum BulletinAction
{
    Edit,
    Refresh,
    Submit,
    Approve,
    Return,
    Publish,
    Withdraw,
    MakeItems,
}

/// <summary>Why a unit receives a bulletin: named in it (praised, criticised) or addressed (主送, 抄送).</summary>
public enum RecipientRole
{
    Main = 0,
    Copy = 1,
    Praised = 2,
    Criticised = 3,
}

public enum RecipientAction
{
    Acknowledge,
    Feedback,
}

/// <summary>Which part of the standard structure a paragraph belongs to; refreshing the numbers rewrites all but the requirements.</summary>
public enum BulletinPart
{
    Lead = 0,
    Basics = 1,
    Praise = 2,
    Problems = 3,
    Requirements = 4,
}

public static class BulletinTerms
{
    public static string Name(BulletinState state) => state switch
    {
        BulletinState.Draft => "草稿",
        BulletinState.Submitted => "待审批",
        BulletinState.Returned => "已退回",
        BulletinState.Approved => "已审批待发布",
        BulletinState.Published => "已发布",
        BulletinState.Withdrawn => "已撤回",
        _ => state.ToString(),
    };

    public static string Name(RecipientRole role) => role switch
    {
        RecipientRole.Main => "主送",
        RecipientRole.Copy => "抄送",
        RecipientRole.Praised => "通报表扬",
        RecipientRole.Criticised => "通报批评",
        _ => role.ToString(),
    };

    /// <summary>Still being written: the drafter may edit and refresh it.</summary>
    public static bool IsEditable(BulletinState state) => state is BulletinState.Draft or BulletinState.Returned;

    /// <summary>Out to the units (a withdrawn one stays readable, marked).</summary>
    public static bool IsOut(BulletinState state) => state is BulletinState.Published or BulletinState.Withdrawn;
}
