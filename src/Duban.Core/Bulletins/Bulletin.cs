using Duban.Core.Common;
using Duban.Core.Common.Workflow;
using Duban.Core.Documents;

namespace Duban.Core.Bulletins;

/// <summary>Who did something to a bulletin, as it keeps it (the name as it was then).</summary>
public sealed record BulletinActor(int? UserId, string Name);

/// <summary>A unit the bulletin names or addresses, with its name as printed.</summary>
public sealed record BulletinUnit(int UnitId, string UnitName, RecipientRole Role);

/// <summary>
/// What the drafter may change in the page or through PATCH; null leaves a part as it is. <paramref name="Main"/> and
/// <paramref name="Copy"/> are the 主送 and 抄送 units (ids; names are filled in by the service).
/// </summary>
public sealed record BulletinEdit(string? Title, IReadOnlyList<BulletinParagraph>? Body, IReadOnlyList<BulletinUnit>? Main,
    IReadOnlyList<BulletinUnit>? Copy, string? Signature, DateOnly? Date, DateOnly? FeedbackDueOn);

/// <summary>A stored rendering of the published bulletin: its file in the evidence store, by SHA-256.</summary>
public sealed record BulletinFile(string Sha256, long Size);

/// <summary>
/// A 情况通报: drafted from the data by a supervisor, edited, submitted, approved by a leader who did not draft it (or
/// returned with a reason), then published with the next number of the year, which freezes its text, numbers, table
/// and rendered files. A published bulletin is never edited: a correction is a new bulletin naming it; withdrawing
/// keeps it, marked.
/// </summary>
public sealed class Bulletin : IVersioned
{
    public const int TitleMaxLength = 200;
    public const int ParagraphMaxLength = 3000;
    public const int BodyMaxLength = 30000;
    public const int ReasonMaxLength = 500;
    public const int SignatureMaxLength = 100;

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public string CampaignName { get; private set; } = string.Empty;
    public DateOnly FromDate { get; private set; }
    public DateOnly ToDate { get; private set; }
    public int? ScopeUnitId { get; private set; }
    public string ScopeName { get; private set; } = string.Empty;
    public DateTime CutOff { get; private set; }
    public BulletinState State { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string BodyJson { get; private set; } = "[]";
    public string FiguresJson { get; private set; } = "[]";
    public string TableJson { get; private set; } = "{}";

    /// <summary>The units the draft names (praised, criticised) and the units it is addressed to (主送, 抄送).</summary>
    public string UnitsJson { get; private set; } = "[]";

    /// <summary>How many units it criticises (kept beside <see cref="UnitsJson"/> so a query can ask).</summary>
    public int CriticisedCount { get; private set; }
    public string Signature { get; private set; } = string.Empty;
    public DateOnly DocumentDate { get; private set; }
    public DateOnly FeedbackDueOn { get; private set; }
    public int? CorrectsId { get; private set; }
    public string? CorrectsNumber { get; private set; }
    public int? DraftedByUserId { get; private set; }
    public string DraftedBy { get; private set; } = string.Empty;
    public DateTime DraftedAt { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTime? ApprovedAt { get; private set; }
    public string? ReturnReason { get; private set; }
    public string? ReturnedBy { get; private set; }
    public DateTime? ReturnedAt { get; private set; }
    public int? Year { get; private set; }
    public int? Number { get; private set; }
    public string? NumberText { get; private set; }
    public string? PublishedBy { get; private set; }
    public DateTime? PublishedAt { get; private set; }

    /// <summary>The SHA-256 of the frozen content (title, body, figures, table, units) as published.</summary>
    public string? ContentSha256 { get; private set; }
    public string? DocxSha256 { get; private set; }
    public long? DocxSize { get; private set; }
    public string? PdfSha256 { get; private set; }
    public long? PdfSize { get; private set; }
    public string? PdfError { get; private set; }
    public bool ItemsMade { get; private set; }
    public string? WithdrawnBy { get; private set; }
    public DateTime? WithdrawnAt { get; private set; }
    public string? WithdrawReason { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<BulletinParagraph> Body => BulletinText.Read<List<BulletinParagraph>>(BodyJson);
    public IReadOnlyList<BulletinFigure> Figures => BulletinText.Read<List<BulletinFigure>>(FiguresJson);
    public BulletinTable Table => BulletinText.Read<BulletinTable>(TableJson);
    public IReadOnlyList<BulletinUnit> Units => BulletinText.Read<List<BulletinUnit>>(UnitsJson);

    private Bulletin()
    {
    }

    public static Bulletin Draft(BulletinScope scope, BulletinDraft draft, IReadOnlyList<BulletinUnit> addressed, string signature,
        DateOnly feedbackDueOn, BulletinActor by, DateTime at, Bulletin? corrects = null)
    {
        var bulletin = new Bulletin
        {
            CampaignId = scope.CampaignId,
            CampaignName = scope.CampaignName,
            Signature = signature,
            DocumentDate = ChinaTime.DateOf(at),
            FeedbackDueOn = feedbackDueOn,
            DraftedByUserId = by.UserId,
            DraftedBy = by.Name,
            DraftedAt = at,
            State = BulletinState.Draft,
            Version = 1,
        };
        bulletin.TakeDraft(scope, draft, keepRequirements: false);
        bulletin.SetUnits(Named(draft).Concat(addressed));
        if (corrects is not null)
        {
            bulletin.CorrectsId = corrects.Id;
            bulletin.CorrectsNumber = corrects.NumberText;
            bulletin.Title = Check.Text($"关于更正{corrects.NumberText}的通报", "通报标题", TitleMaxLength);
            List<BulletinParagraph> body =
            [
                new($"我办于{OfficialDocument.DateText(ChinaTime.DateOf(corrects.PublishedAt!.Value))}印发的《{corrects.Title}》（{corrects.NumberText}）有误，现更正如下：", BulletinPart.Lead),
                .. corrects.Body,
            ];
            bulletin.BodyJson = BulletinText.Write(body);
            bulletin.FiguresJson = corrects.FiguresJson;
            bulletin.TableJson = corrects.TableJson;
            bulletin.SetUnits(corrects.Units);
            // The corrected bulletin's criticisms were followed up there: a correction asks no feedback and makes no items again.
            bulletin.ItemsMade = true;
        }
        return bulletin;
    }

    /// <summary>New numbers to a new cut-off: the data parts and the table are rewritten, the requirements kept as edited.</summary>
    public void Refresh(BulletinScope scope, BulletinDraft draft)
    {
        RequireEditable();
        TakeDraft(scope, draft, keepRequirements: true);
        SetUnits(Named(draft).Concat(Units.Where(u => u.Role is RecipientRole.Main or RecipientRole.Copy)));
        Version++;
    }

    public void Edit(BulletinEdit edit)
    {
        RequireEditable();
        if (edit.Title is not null || Title.Length == 0)
        {
            Title = Check.Text(edit.Title, "通报标题", TitleMaxLength);
        }
        if (edit.Body is { } body)
        {
            // A paragraph sent back unchanged keeps the numbers the draft wrote into it (an API edit sends text only).
            var figures = Body.Where(p => p.FigureKeys.Count > 0).GroupBy(p => p.Text).ToDictionary(g => g.Key, g => g.First().Figures);
            BodyJson = BulletinText.Write(CheckBody([.. body.Select(p => p.FigureKeys.Count == 0 && figures.TryGetValue(p.Text, out var keys)
                ? p with { Figures = keys }
                : p)]));
        }
        if (edit.Main is not null || edit.Copy is not null)
        {
            var units = Units;
            SetUnits(units.Where(u => u.Role is RecipientRole.Praised or RecipientRole.Criticised)
                .Concat((edit.Main ?? units.Where(u => u.Role == RecipientRole.Main)).Select(u => u with { Role = RecipientRole.Main }).DistinctBy(u => u.UnitId))
                .Concat((edit.Copy ?? units.Where(u => u.Role == RecipientRole.Copy)).Select(u => u with { Role = RecipientRole.Copy }).DistinctBy(u => u.UnitId)));
        }
        if (edit.Signature is not null)
        {
            Signature = Check.Text(edit.Signature, "发文机关署名", SignatureMaxLength);
        }
        if (edit.Date is { } date)
        {
            DocumentDate = date;
        }
        if (edit.FeedbackDueOn is { } due)
        {
            FeedbackDueOn = due >= ChinaTime.DateOf(CutOff) ? due : throw BulletinErrors.FeedbackDueBeforeCutOff();
        }
        Version++;
    }

    public void Submit(DateTime at)
    {
        RequireEditable();
        if (CorrectsId is null && FeedbackDueOn < ChinaTime.DateOf(at))
        {
            throw BulletinErrors.FeedbackDuePassed(FeedbackDueOn);
        }
        State = BulletinState.Submitted;
        SubmittedAt = at;
        ReturnReason = null;
        Version++;
    }

    /// <summary>A leader approves (四眼: never the drafter).</summary>
    public void Approve(BulletinActor by, DateTime at)
    {
        Require(BulletinState.Submitted, "审批");
        if (by.UserId is not null && by.UserId == DraftedByUserId)
        {
            throw BulletinErrors.OwnDraft();
        }
        State = BulletinState.Approved;
        ApprovedBy = by.Name;
        ApprovedAt = at;
        Version++;
    }

    public void Return(string? reason, BulletinActor by, DateTime at)
    {
        Require(BulletinState.Submitted, "退回");
        if (by.UserId is not null && by.UserId == DraftedByUserId)
        {
            throw BulletinErrors.OwnDraftReturned();
        }
        ReturnReason = Reason(reason, "退回理由");
        ReturnedBy = by.Name;
        ReturnedAt = at;
        State = BulletinState.Returned;
        Version++;
    }

    /// <summary>Publishing: the number, the frozen content's hash and the Word file, all in the one save that commits it.</summary>
    public void Publish(int year, int number, string numberText, BulletinFile docx, BulletinActor by, DateTime at)
    {
        Require(BulletinState.Approved, "发布");
        (Year, Number, NumberText) = (year, number, numberText);
        (DocxSha256, DocxSize) = (docx.Sha256, docx.Size);
        ContentSha256 = ContentHash();
        PublishedBy = by.Name;
        PublishedAt = at;
        State = BulletinState.Published;
        Version++;
    }

    /// <summary>The PDF rendered after publishing, or why it could not be; the published record stands either way.</summary>
    /// <summary>Not a change anyone made, so the version stays: a form opened before it is not stale.</summary>
    public void AttachPdf(BulletinFile? pdf, string? error) =>
        (PdfSha256, PdfSize, PdfError) = (pdf?.Sha256, pdf?.Size, pdf is null ? error : null);

    public void Withdraw(string? reason, BulletinActor by, DateTime at)
    {
        Require(BulletinState.Published, "撤回");
        WithdrawReason = Reason(reason, "撤回理由");
        WithdrawnBy = by.Name;
        WithdrawnAt = at;
        State = BulletinState.Withdrawn;
        Version++;
    }

    public void MarkItemsMade()
    {
        Require(BulletinState.Published, "交办整改事项");
        if (ItemsMade)
        {
            throw BulletinErrors.ItemsAlreadyMade();
        }
        ItemsMade = true;
        Version++;
    }

    /// <summary>The published text, numbers, table and units as one hash: the same bytes in, the same hash out, forever.</summary>
    public string ContentHash() => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(string.Join("\u001F", Title, BodyJson, FiguresJson, TableJson, UnitsJson, Signature,
            DocumentDate.ToString("O", System.Globalization.CultureInfo.InvariantCulture)))));

    private void TakeDraft(BulletinScope scope, BulletinDraft draft, bool keepRequirements)
    {
        (FromDate, ToDate, ScopeUnitId, ScopeName, CutOff) = (scope.From, scope.To, scope.UnitId, scope.ScopeName, scope.CutOff);
        if (Title.Length == 0)
        {
            Title = draft.Title;
        }
        var requirements = keepRequirements ? Body.Where(p => p.Part == BulletinPart.Requirements).ToList() : [];
        var body = draft.Body.Where(p => !keepRequirements || p.Part != BulletinPart.Requirements).Concat(requirements).ToList();
        BodyJson = BulletinText.Write(CheckBody(body));
        FiguresJson = BulletinText.Write(draft.Figures);
        TableJson = BulletinText.Write(draft.Table);
    }

    private void SetUnits(IEnumerable<BulletinUnit> units)
    {
        var list = units.ToList();
        UnitsJson = BulletinText.Write(list);
        CriticisedCount = list.Count(u => u.Role == RecipientRole.Criticised);
    }

    private static IEnumerable<BulletinUnit> Named(BulletinDraft draft) =>
        draft.Praised.Select(u => new BulletinUnit(u.UnitId, u.UnitName, RecipientRole.Praised))
            .Concat(draft.Criticised.Select(u => new BulletinUnit(u.UnitId, u.UnitName, RecipientRole.Criticised)));

    private static List<BulletinParagraph> CheckBody(IReadOnlyList<BulletinParagraph> body)
    {
        var cleaned = new List<BulletinParagraph>();
        foreach (var (paragraph, index) in body.Select((p, i) => (p, i)))
        {
            var text = InputText.Clean(paragraph.Text);
            if (text.Length > ParagraphMaxLength)
            {
                throw BulletinErrors.TooLong($"第 {index + 1} 段", ParagraphMaxLength);
            }
            if (text.Length > 0)
            {
                cleaned.Add(paragraph with { Text = text });
            }
        }
        if (cleaned.Sum(p => p.Text.Length) > BodyMaxLength)
        {
            throw BulletinErrors.TooLong("通报正文", BodyMaxLength);
        }
        return cleaned.Count > 0 ? cleaned : throw BulletinErrors.BodyRequired();
    }

    private void RequireEditable()
    {
        if (!BulletinTerms.IsEditable(State))
        {
            throw BulletinErrors.NotEditable(State);
        }
    }

    private void Require(BulletinState state, string actionName)
    {
        if (State != state)
        {
            throw BulletinErrors.NotInState(actionName, State);
        }
    }

    private static string Reason(string? reason, string what)
    {
        var text = Check.OptionalText(reason, what, ReasonMaxLength, multiLine: true);
        return text ?? throw BulletinErrors.ReasonRequired(what);
    }
}
