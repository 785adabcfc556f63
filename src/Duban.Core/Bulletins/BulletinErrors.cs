using Duban.Core.Common;

namespace Duban.Core.Bulletins;

/// <summary>Every refusal about bulletins, in the words users see.</summary>
public static class BulletinErrors
{
    public static DubanException NotFound(int id) => new(ErrorKind.NotFound, $"情况通报（编号 {id}）不存在。");

    public static DubanException RecipientNotFound(int id) => new(ErrorKind.NotFound, $"通报分发记录（编号 {id}）不存在。");

    public static DubanException CampaignRequired() => new(ErrorKind.Validation, "请选择活动。", "campaign");

    public static DubanException CampaignNotFound(int id) => new(ErrorKind.Validation, $"活动（编号 {id}）不存在。", "campaign");

    public static DubanException EndBeforeStart() => new(ErrorKind.Validation, "统计期间的结束日期不能早于开始日期。", "to");

    public static DubanException CutOffInFuture() => new(ErrorKind.Validation, "数据截止时间不能晚于现在。", "cutoff");

    public static DubanException TooLong(string what, int max) => new(ErrorKind.Validation, $"{what}不能超过 {max} 个字。", "sections");

    public static DubanException BodyRequired() => new(ErrorKind.Validation, "通报正文不能为空。", "sections");

    public static DubanException UnitUnknown(int id) => new(ErrorKind.Validation, $"单位（编号 {id}）不存在。", "mainUnitIds");

    public static DubanException FeedbackDueBeforeCutOff() => new(ErrorKind.Validation, "整改反馈期限不能早于数据截止日期。", "feedbackDueOn");

    public static DubanException NotEditable(BulletinState state) =>
        new(ErrorKind.Conflict, $"通报{BulletinTerms.Name(state)}，不能再修改；已发布的通报如有错误，请发更正通报。");

    public static DubanException NotInState(string actionName, BulletinState state) =>
        new(ErrorKind.Conflict, $"通报当前为“{BulletinTerms.Name(state)}”，不能{actionName}。");

    public static DubanException OwnDraft() => new(ErrorKind.Forbidden, "不能审批自己起草的通报（四眼原则），请由其他领导审批。");

    public static DubanException OwnDraftReturned() => new(ErrorKind.Forbidden, "不能退回自己起草的通报（四眼原则），请由其他领导审批。");

    public static DubanException FeedbackDuePassed(DateOnly due) =>
        new(ErrorKind.Validation, $"整改反馈期限（{due:yyyy-MM-dd}）已过，请修改期限（及下步工作要求中的日期）后再提交。", "feedbackDueOn");

    public static DubanException BadCutOff() => new(ErrorKind.Validation, "数据截止时间的格式不正确，应为 2026-11-30T18:00 或带时区的时间。", "cutoff");

    public static DubanException RoleMayNot(string actionName) => new(ErrorKind.Forbidden, $"您的角色无权{actionName}该通报。");

    public static DubanException ReasonRequired(string what) => new(ErrorKind.Validation, $"请填写{what}。", "reason");

    public static DubanException ItemsAlreadyMade() => new(ErrorKind.Conflict, "该通报批评的问题已交办为整改事项。");

    public static DubanException NothingCriticised() => new(ErrorKind.Conflict, "该通报没有通报批评的单位，无需交办整改事项。");

    public static DubanException NotPublished() => new(ErrorKind.Conflict, "只有已发布的通报可以更正。");

    public static DubanException PdfMissing(string? why) => new(ErrorKind.NotFound, why ?? "该通报没有 PDF 文件。");

    public static DubanException AlreadyAcknowledged() => new(ErrorKind.Conflict, "本单位已签收该通报。");

    public static DubanException FeedbackNotAsked() => new(ErrorKind.Conflict, "本单位未被通报批评，无需报送整改反馈；或已报送。");

    public static DubanException AcknowledgeFirst() => new(ErrorKind.Conflict, "请先签收通报，再报送整改反馈。");

    public static DubanException Withdrawn() => new(ErrorKind.Conflict, "该通报已撤回。");

    public static DubanException Stale() => new(ErrorKind.Conflict, "通报已被他人修改，请刷新页面后重试。");
}
