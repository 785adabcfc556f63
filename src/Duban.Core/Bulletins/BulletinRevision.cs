namespace Duban.Core.Bulletins;

/// <summary>
/// The text of a bulletin at one step (drafted, refreshed, submitted), kept so the approver sees what changed since
/// the version before; never rewritten.
/// </summary>
public sealed class BulletinRevision
{
    public const string Drafted = "生成草稿";
    public const string CorrectionDrafted = "生成更正草稿";
    public const string Refreshed = "刷新数据";

    /// <summary>The step the approver compares with: the version last submitted before the one in front of them.</summary>
    public const string Submitted = "提交审批";

    public int Id { get; private set; }
    public int BulletinId { get; private set; }

    /// <summary>Set on creation, so a revision is saved in the same save as the bulletin it follows, even a new one.</summary>
    public Bulletin? Bulletin { get; private set; }
    public string Step { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;
    public string Text { get; private set; } = string.Empty;
    public string By { get; private set; } = string.Empty;
    public DateTime At { get; private set; }

    private BulletinRevision()
    {
    }

    public BulletinRevision(Bulletin bulletin, string step, string by, DateTime at)
    {
        Bulletin = bulletin;
        Step = step;
        Title = bulletin.Title;
        Text = BulletinText.Plain(bulletin.Body);
        By = by;
        At = at;
    }
}
