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

    private static Task<int> VisiblePeopleAsync(ILocator picker) =>
        picker.Locator("option:not([hidden]):not([value=''])").CountAsync();
}
