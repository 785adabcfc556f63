using Duban.Core.Bulletins;
using Duban.Core.Common;

namespace Duban.Tests.Domain.Bulletins;

/// <summary>A bulletin's own rules: 四眼 on approval, no publishing before approval, nothing edited once published, a frozen hash.</summary>
public sealed class BulletinModelTests
{
    private static readonly DateTime At = new DateTimeOffset(2026, 11, 30, 18, 0, 0, ChinaTime.Offset).UtcDateTime;
    private static readonly BulletinActor Drafter = new(7, "督查员");
    private static readonly BulletinActor Leader = new(8, "领导");

    private static Bulletin Draft()
    {
        var scope = new BulletinScope(1, "作风建设年活动", new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 30), null, "全区各单位", At);
        var facts = new BulletinFacts(scope, [new UnitFacts(3, "综合科", 5, 2, 3, 1, 1)], InspectionFacts.None, CheckFacts.None, SlipFacts.None, [],
            new DateOnly(2026, 12, 14));
        return Bulletin.Draft(scope, new BulletinDraftWriter(new BulletinOptions()).Write(facts), [new BulletinUnit(3, "综合科", RecipientRole.Main)],
            "区作风办", facts.FeedbackDueOn, Drafter, At);
    }

    [Fact]
    public void The_drafter_never_approves_their_own_bulletin_even_holding_a_leaders_role()
    {
        var bulletin = Draft();
        bulletin.Submit(At);

        Assert.Equal("不能审批自己起草的通报（四眼原则），请由其他领导审批。", Assert.Throws<DubanException>(() => bulletin.Approve(Drafter, At)).Message);
        Assert.Equal(BulletinState.Submitted, bulletin.State);
        Assert.True(BulletinWorkflow.Table[BulletinAction.Approve].RefusedTo!(
            new Core.Accounts.Actor(7, "督查员", new HashSet<string>([Core.Accounts.Roles.Leadership]), null, null, null), bulletin));
        Assert.Contains("不能退回自己起草的通报", Assert.Throws<DubanException>(() => bulletin.Return("改一改", Drafter, At)).Message);
        bulletin.Approve(Leader, At);
        Assert.Equal(BulletinState.Approved, bulletin.State);
    }

    [Fact]
    public void A_feedback_deadline_already_past_is_refused_on_submitting()
    {
        var bulletin = Draft();
        var refused = Assert.Throws<DubanException>(() => bulletin.Submit(At.AddDays(15)));
        Assert.Contains("整改反馈期限（2026-12-14）已过", refused.Message);
        bulletin.Submit(At.AddDays(14));
        Assert.Equal(BulletinState.Submitted, bulletin.State);
    }

    [Fact]
    public void Unchanged_paragraphs_sent_back_as_text_keep_their_numbers_and_a_new_main_list_keeps_the_copies()
    {
        var bulletin = Draft();
        bulletin.Edit(new BulletinEdit(null, null, null, [new BulletinUnit(5, "调研督查室", RecipientRole.Copy)], null, null, null));
        var keyed = bulletin.Body.First(p => p.FigureKeys.Count > 0);

        bulletin.Edit(new BulletinEdit(null, [.. bulletin.Body.Select(p => new BulletinParagraph(p.Text, p.Part))],
            [new BulletinUnit(4, "秘书科", RecipientRole.Main)], null, null, null, null));

        Assert.Equal(keyed.FigureKeys, bulletin.Body.Single(p => p.Text == keyed.Text).FigureKeys);
        Assert.Equal([("秘书科", RecipientRole.Main), ("调研督查室", RecipientRole.Copy)],
            bulletin.Units.Where(u => u.Role is RecipientRole.Main or RecipientRole.Copy).Select(u => (u.UnitName, u.Role)));
    }

    [Fact]
    public void Publishing_needs_approval_and_freezes_the_bulletin()
    {
        var bulletin = Draft();
        var file = new BulletinFile(new string('a', 64), 100);
        Assert.Throws<DubanException>(() => bulletin.Publish(2026, 1, "区政办作风通〔2026〕1号", file, Drafter, At));
        bulletin.Submit(At);
        Assert.Throws<DubanException>(() => bulletin.Publish(2026, 1, "区政办作风通〔2026〕1号", file, Drafter, At));
        bulletin.Approve(Leader, At);
        bulletin.Publish(2026, 1, "区政办作风通〔2026〕1号", file, Drafter, At);

        Assert.Equal((BulletinState.Published, bulletin.ContentHash()), (bulletin.State, bulletin.ContentSha256));
        var refused = Assert.Throws<DubanException>(() => bulletin.Edit(new BulletinEdit("新标题", null, null, null, null, null, null)));
        Assert.Contains("不能再修改", refused.Message);
        Assert.Throws<DubanException>(() => bulletin.Withdraw(" ", Drafter, At));
        bulletin.Withdraw("数据有误", Drafter, At);
        Assert.Equal(BulletinState.Withdrawn, bulletin.State);
    }

    [Fact]
    public void Overlong_paragraphs_and_bodies_are_refused_and_control_characters_dropped()
    {
        var bulletin = Draft();
        Assert.Contains("不能超过 3000 个字", Assert.Throws<DubanException>(() =>
            bulletin.Edit(new BulletinEdit(null, [new BulletinParagraph(new string('字', 100_000), BulletinPart.Basics)], null, null, null, null, null))).Message);
        Assert.Contains("不能超过 30000 个字", Assert.Throws<DubanException>(() => bulletin.Edit(new BulletinEdit(null,
            [.. Enumerable.Range(0, 11).Select(_ => new BulletinParagraph(new string('字', 2900), BulletinPart.Basics))], null, null, null, null, null))).Message);
        bulletin.Edit(new BulletinEdit(null, [new BulletinParagraph("一、\u0000基本\u202E情况", BulletinPart.Basics)], null, null, null, null, null));
        Assert.Equal("一、基本情况", bulletin.Body.Single().Text);
    }
}
