using Microsoft.Playwright;

namespace Duban.BrowserTests;

/// <summary>
/// 转办 at a desk: the unit picker starts empty, the 责任人 picker offers only the chosen unit's people, the
/// confirmation names the target unit, and the item arrives there with its new 责任人.
/// </summary>
public sealed class ReassignJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_supervisor_reassigns_an_item_to_another_units_person()
    {
        var supervisor = await browser.SignInAsync("demo-supervisor", new ViewportSize { Width = 1366, Height = 900 });
        var questions = new List<string>();
        supervisor.Dialog += async (_, dialog) =>
        {
            questions.Add(dialog.Message);
            await dialog.AcceptAsync();
        };
        await supervisor.GotoAsync("/ledger?state=InProgress");
        await supervisor.Locator("table.ledger tbody tr", new() { HasText = "综合科" }).First.Locator("td.code a").ClickAsync();
        var form = supervisor.Locator("form#act-reassign");
        var unit = form.GetByLabel("转办至");
        var person = form.GetByLabel("新单位的责任人");

        Assert.Equal("", await unit.InputValueAsync());
        Assert.Equal(0, await VisiblePeopleAsync(person));
        var secretariat = await unit.Locator("option[data-name='秘书科']").GetAttributeAsync("value");
        await unit.SelectOptionAsync(secretariat!);
        var offered = await person.Locator("option:not([hidden]):not([value=''])").AllInnerTextsAsync();
        Assert.NotEmpty(offered);
        Assert.All(offered, label => Assert.Contains("（秘书科", label));
        await person.SelectOptionAsync(new SelectOptionValue { Label = offered[0] });
        await form.GetByLabel("转办理由").FillAsync("该事项属秘书科职责范围。");
        await BrowserFixture.ScreenshotAsync(supervisor, "reassign-form-supervisor");
        await form.GetByRole(AriaRole.Button, new() { Name = "转办" }).ClickAsync();

        await Assertions.Expect(supervisor.Locator("#notice")).ToHaveTextAsync("已转办。");
        Assert.Equal("确定将该事项转办到“秘书科”吗？", Assert.Single(questions));
        var fields = supervisor.Locator("section.fields");
        await Assertions.Expect(fields).ToContainTextAsync("秘书科");
        await Assertions.Expect(fields).ToContainTextAsync(offered[0].Split('（')[0]);
        await Assertions.Expect(supervisor.Locator("section.timeline li").First).ToContainTextAsync("转办");
    }

    [Fact]
    public async Task Editing_an_item_keeps_its_people_and_a_refused_long_reason_comes_back()
    {
        var head = await browser.SignInAsync("demo-head", new ViewportSize { Width = 1366, Height = 900 });
        head.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await head.GotoAsync("/ledger?state=Assigned");
        // An item the unit registered itself: one an inspection assigned has no 责任人 until the unit names one.
        await head.Locator("table.ledger tbody tr", new() { HasText = "综合科" }).Filter(new() { HasNotText = "明查发现" }).First
            .Locator("td.code a").ClickAsync();
        var itemUrl = head.Url;
        var leader = await head.Locator("section.fields dd").Nth(6).InnerTextAsync();
        var responsible = await head.Locator("section.fields dd").Nth(7).InnerTextAsync();
        Assert.NotEqual("—", responsible);

        await head.GetByRole(AriaRole.Link, new() { Name = "编辑" }).ClickAsync();
        await head.GetByLabel("整改目标").FillAsync("按期办结，群众满意。");
        await head.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Assertions.Expect(head.Locator("#notice")).ToHaveTextAsync("已保存。");
        await Assertions.Expect(head.Locator("section.fields dd").Nth(6)).ToHaveTextAsync(leader);
        await Assertions.Expect(head.Locator("section.fields dd").Nth(7)).ToHaveTextAsync(responsible);

        // A reason longer than a notice carries is put back from the tab by the page's script.
        var reason = string.Concat(Enumerable.Repeat("上级配套政策尚未出台，整改措施需待政策明确后调整。", 40));
        await head.GotoAsync(itemUrl);
        var extension = head.Locator("form#act-extension");
        await extension.GetByLabel("延期至").FillAsync("2020-01-01");
        await extension.GetByLabel("延期理由").FillAsync(reason);
        await extension.GetByRole(AriaRole.Button, new() { Name = "申请延期" }).ClickAsync();

        await Assertions.Expect(head.Locator("#notice")).ToContainTextAsync("延期后的期限必须晚于当前期限");
        await Assertions.Expect(head.Locator("form#act-extension").GetByLabel("延期理由")).ToHaveValueAsync(reason);
        await BrowserFixture.ScreenshotAsync(head, "refused-extension-kept");
    }

    private static Task<int> VisiblePeopleAsync(ILocator picker) =>
        picker.Locator("option:not([hidden]):not([value=''])").CountAsync();
}
