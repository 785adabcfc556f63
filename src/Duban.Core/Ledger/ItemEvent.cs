using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Duban.Core.Ledger;

public enum ItemEventKind
{
    Created,
    Edited,
    Assigned,
    Started,
    Progress,
    EvidenceAdded,
    Submitted,
    Returned,
    Closed,
    Reopened,
    ExtensionRequested,
    ExtensionApproved,
    ExtensionRefused,
    Reassigned,
    Urged,
    Imported,
    EvidenceWithdrawn,
}

/// <summary>Who did something, as the item's history remembers it.</summary>
public readonly record struct ItemActor(int? UserId, string Name);

/// <summary>One field an edit changed: its name and what it showed before and after (null when empty).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>One line of an item's timeline. Never changed once written: history is not rewritten.</summary>
public sealed class ItemEvent
{
    public long Id { get; private set; }
    public int ItemId { get; private set; }
    public ItemEventKind Kind { get; private set; }
    public DateTime At { get; private set; }
    public int? ActorUserId { get; private set; }
    public string ActorName { get; private set; } = string.Empty;

    /// <summary>The words that go with the event: a reason, a progress report, an urge message.</summary>
    public string? Text { get; private set; }
    public int? FromUnitId { get; private set; }
    public int? ToUnitId { get; private set; }
    public DateOnly? OldDueOn { get; private set; }
    public DateOnly? NewDueOn { get; private set; }

    /// <summary>An edit's changed fields as JSON, each with its value before and after; null for other events.</summary>
    public string? ChangesJson { get; private set; }

    public IReadOnlyList<FieldChange> Changes =>
        ChangesJson is null ? [] : JsonSerializer.Deserialize<List<FieldChange>>(ChangesJson, Json) ?? [];

    // Chinese stays readable in the column, as in the audit log.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private ItemEvent()
    {
    }

    internal ItemEvent(ItemEventKind kind, ItemActor by, DateTime at, string? text = null, int? fromUnitId = null,
        int? toUnitId = null, DateOnly? oldDueOn = null, DateOnly? newDueOn = null, IReadOnlyList<FieldChange>? changes = null)
    {
        Kind = kind;
        At = at;
        ActorUserId = by.UserId;
        ActorName = by.Name;
        Text = text;
        FromUnitId = fromUnitId;
        ToUnitId = toUnitId;
        OldDueOn = oldDueOn;
        NewDueOn = newDueOn;
        ChangesJson = changes is { Count: > 0 } ? JsonSerializer.Serialize(changes, Json) : null;
    }

    public static string Name(ItemEventKind kind) => kind switch
    {
        ItemEventKind.Created => "登记",
        ItemEventKind.Edited => "修改",
        ItemEventKind.Assigned => "交办",
        ItemEventKind.Started => "开始整改",
        ItemEventKind.Progress => "报告进展",
        ItemEventKind.EvidenceAdded => "上传佐证材料",
        ItemEventKind.Submitted => "提交审核",
        ItemEventKind.Returned => "退回",
        ItemEventKind.Closed => "审核销号",
        ItemEventKind.Reopened => "重新打开",
        ItemEventKind.ExtensionRequested => "申请延期",
        ItemEventKind.ExtensionApproved => "批准延期",
        ItemEventKind.ExtensionRefused => "不予延期",
        ItemEventKind.Reassigned => "转办",
        ItemEventKind.Urged => "催办",
        ItemEventKind.Imported => "导入",
        ItemEventKind.EvidenceWithdrawn => "撤回佐证材料",
        _ => kind.ToString(),
    };
}

/// <summary>A piece of evidence (佐证材料): the file is stored once by its SHA-256 outside the web root.</summary>
public sealed class EvidenceFile
{
    public const int FileNameMaxLength = 200;

    public int Id { get; private set; }
    public int ItemId { get; private set; }
    public string FileName { get; private set; } = string.Empty;
    public string ContentType { get; private set; } = string.Empty;
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = string.Empty;
    public DateTime UploadedAt { get; private set; }
    public int? UploadedByUserId { get; private set; }
    public string UploadedByName { get; private set; } = string.Empty;

    /// <summary>When it was withdrawn as uploaded by mistake: kept, and shown as withdrawn, but no longer evidence.</summary>
    public DateTime? WithdrawnAt { get; private set; }
    public int? WithdrawnByUserId { get; private set; }
    public string? WithdrawnByName { get; private set; }

    public bool IsWithdrawn => WithdrawnAt is not null;

    private EvidenceFile()
    {
    }

    internal EvidenceFile(string fileName, string contentType, long size, string sha256, ItemActor by, DateTime at)
    {
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        UploadedAt = at;
        UploadedByUserId = by.UserId;
        UploadedByName = by.Name;
    }

    internal void Withdraw(ItemActor by, DateTime at)
    {
        if (IsWithdrawn)
        {
            throw LedgerErrors.EvidenceAlreadyWithdrawn(FileName);
        }
        WithdrawnAt = at;
        WithdrawnByUserId = by.UserId;
        WithdrawnByName = by.Name;
    }
}
