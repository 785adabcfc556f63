using Duban.Core.Catalog;
using Duban.Core.Common;
using Duban.Core.Ledger;
using Duban.Core.Organization;
using static Duban.Tests.Domain.Ledger.ItemBuilder;

namespace Duban.Tests.Domain;

/// <summary>Invisible characters: they cannot fill a required field, and they never reach what is stored.</summary>
public class InputTextTests
{
    [Theory]
    [InlineData("\u202E\u200B")]
    [InlineData(" \u200B\uFEFF\u2060 \u200D")]
    [InlineData("\u0000\u202A\u2066\u200E\u0007")]
    public void A_text_of_only_invisible_characters_is_blank(string text)
    {
        var error = Assert.Throws<DubanException>(() => Check.Text(text, "问题描述", 100, multiLine: true));

        Assert.Equal("问题描述不能为空。", error.Message);
        Assert.Null(Check.OptionalText(text, "整改目标", 100));
    }

    [Fact]
    public void A_problem_of_only_an_override_and_a_zero_width_space_is_refused_by_the_item()
    {
        var details = Details() with { Problem = "\u202E\u200B" };

        var error = Assert.Throws<DubanException>(() => RectificationItem.Register(1, 2026, 1, 7, "/1/2/7/", details, Supervisor, Now));

        Assert.Equal("问题描述不能为空。", error.Message);
    }

    [Theory]
    [InlineData("整改\u0000到位", "整改到位")]
    [InlineData("\u202Egnp.exe", "gnp.exe")]
    [InlineData("\u2067审核\u2069\u200F意见\u0085", "审核意见")]
    [InlineData("\u200B\uFEFF公文\u200B办理\u200D", "公文\u200B办理")]
    [InlineData("Cafe\u0301", "Café")]
    [InlineData("\uF900", "\u8C48")]
    [InlineData("👨\u200D👩\u200D👧", "👨\u200D👩\u200D👧")]
    public void Controls_and_bidi_characters_are_removed_zero_width_ones_trimmed_and_the_rest_composed(string text, string stored) =>
        Assert.Equal(stored, Check.Text(text, "说明", 100));

    [Fact]
    public void A_lone_surrogate_is_dropped_rather_than_failing_normalisation() =>
        Assert.Equal("坏字", Check.Text("坏" + (char)0xD800 + "字" + (char)0xDC00, "说明", 100));

    [Fact]
    public void Multi_line_fields_keep_their_line_breaks_and_single_line_ones_lose_them()
    {
        Assert.Equal("第一条\r\n\t第二条", Check.Text("第一条\r\n\t第二条\u000B", "问题描述", 100, multiLine: true));
        Assert.Equal("综合 科 室", Check.Text("综合\r\n科\t室", "单位名称", 100));
    }

    [Fact]
    public void The_limit_counts_the_cleaned_text() =>
        Assert.Equal("十个字十个字十个字十", Check.Text("\u202E十个字十个字十个字十\u200B\u200B", "名称", 10));

    [Fact]
    public void The_item_stores_the_cleaned_problem_goal_measures_and_reports()
    {
        var details = Details() with
        {
            Problem = "公文\u0000办理\u202E超时",
            Goal = "\u200B按时办结\u200B",
            Measures = ["\u202E建立提醒\u0000", "\u200B\u200B", "每周\r\n通报"],
        };
        var item = RectificationItem.Register(1, 2026, 1, 7, "/1/2/7/", details, Supervisor, Now);
        item.Assign(Supervisor, Now);
        item.Start(Liaison, Now);
        item.ReportProgress("已完成\u202E第一项\u0000", Liaison, Now);

        Assert.Equal("公文办理超时", item.Problem);
        Assert.Equal("按时办结", item.Goal);
        Assert.Equal(["建立提醒", "每周 通报"], item.Measures);
        Assert.Equal("已完成第一项", item.History[^1].Text);
    }

    [Fact]
    public void Editing_with_only_invisible_differences_is_no_change_and_is_refused()
    {
        var item = Item(ItemState.Draft);
        var version = item.Version;

        var error = Assert.Throws<DubanException>(() => item.Edit(Details() with { Problem = "\u200B公文办理超时限\u202C", Goal = "按时办结\uFEFF" },
            Names, Supervisor, Now, mayChangeDeadline: true, mayChangeFindings: true));

        Assert.Equal("没有修改：内容与原来相同，未保存。", error.Message);
        Assert.True(version == item.Version, item.History[^1].Text);
    }

    [Fact]
    public void A_reason_of_only_invisible_characters_is_no_reason()
    {
        var item = Item(ItemState.Submitted);

        var error = Assert.Throws<DubanException>(() => item.Return("\u200B\u202E", Supervisor, Now));

        Assert.Equal("退回必须填写理由。", error.Message);
    }

    [Fact]
    public void People_units_and_catalog_entries_store_cleaned_names()
    {
        var unit = new Unit("\u202E综合科\u200B", UnitKind.Section, null);
        var person = new Person("\u200B张\u0000三\u202C", unit, "\u2066科长\u2069", isPartyMember: true);
        var entry = new CatalogEntry(CatalogSet.EightAilments, "BZBX-99", 99, "推拖绕", null, null, "来源", isPlaceholder: false);
        entry.Edit("\u202E推拖绕\u200B", "遇事\u0000推诿\r\n拖延", "推\u200B拖绕，\u200B拖绕推、\u200B", "\uFEFF来源");

        Assert.Equal("综合科", unit.Name);
        Assert.Equal(("张三", "科长"), (person.Name, person.Position));
        Assert.Equal(("推拖绕", "遇事推诿\r\n拖延", "来源"), (entry.Title, entry.Description, entry.Source));
        Assert.Equal(["推\u200B拖绕", "拖绕推"], entry.AliasList);
        Assert.True(entry.IsCalled("\u202E推拖绕\u200B"));
    }
}
