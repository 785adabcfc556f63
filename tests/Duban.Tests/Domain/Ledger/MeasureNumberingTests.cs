using Duban.Core.Ledger;
using static Duban.Tests.Domain.Ledger.ItemBuilder;

namespace Duban.Tests.Domain.Ledger;

/// <summary>The ledger numbers measures itself; numbers people type in front of them are not kept twice.</summary>
public class MeasureNumberingTests
{
    [Fact]
    public void Numbers_typed_in_front_of_measures_are_dropped_and_decimals_stay()
    {
        var details = Details() with
        {
            Measures = ["1. 建立台账", "2、专人负责", "（3）每周通报", "(4) 月底复核", "⑤ 结果公开", "六、纳入考核", "10．限时办结", "1.5倍工作量内完成", "3"],
        };

        var item = RectificationItem.Register(1, 2026, 1, 7, "/1/2/7/", details, Supervisor, Now);

        Assert.Equal(["建立台账", "专人负责", "每周通报", "月底复核", "结果公开", "纳入考核", "限时办结", "1.5倍工作量内完成", "3"], item.Measures);
    }

    [Fact]
    public void A_line_that_is_only_a_number_is_no_measure()
    {
        var details = Details() with { Measures = ["1.", "2、 ", "指定专人记录"] };

        var item = RectificationItem.Register(1, 2026, 1, 7, "/1/2/7/", details, Supervisor, Now);

        Assert.Equal(["指定专人记录"], item.Measures);
    }
}
