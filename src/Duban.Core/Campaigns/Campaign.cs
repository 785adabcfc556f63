using Duban.Core.Common;

namespace Duban.Core.Campaigns;

/// <summary>A campaign year (e.g. 2026年转变作风改善发展环境建设年); every later record carries one.</summary>
public sealed class Campaign
{
    public int Id { get; private set; }
    public string Code { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    public int Year { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }

    private Campaign()
    {
    }

    public Campaign(string code, string name, int year, DateOnly startsOn, DateOnly endsOn)
    {
        Code = Check.Text(code, "活动代码", 30);
        Name = Check.Text(name, "活动名称", 100);
        Check.That(endsOn >= startsOn, "活动结束日期不能早于开始日期。");
        Year = year;
        StartsOn = startsOn;
        EndsOn = endsOn;
    }
}
