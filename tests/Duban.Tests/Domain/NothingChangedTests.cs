using Duban.Core.Campaigns;
using Duban.Core.Catalog;
using Duban.Core.Common;
using Duban.Core.Organization;

namespace Duban.Tests.Domain;

/// <summary>A save that would change nothing is refused in every feature, so nobody believes a change was made.</summary>
public class NothingChangedTests
{
    private const string NothingChanged = "没有修改：内容与原来相同，未保存。";

    [Fact]
    public void A_campaign_saved_with_its_own_values_or_with_nothing_given_is_refused()
    {
        var campaign = Campaign.Create("ZFJS-2027", "2027年作风建设年", 2027, null, null, "zf");

        Assert.Equal(NothingChanged, Assert.Throws<DubanException>(() => campaign.Edit(null, null, null, null, null, hasItems: false)).Message);
        Assert.Equal(NothingChanged, Assert.Throws<DubanException>(() =>
            campaign.Edit(" 2027年作风建设年 ", 2027, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), "ZF", hasItems: true)).Message);
        campaign.Edit(null, null, null, new DateOnly(2027, 11, 30), null, hasItems: true);
        Assert.Equal(new DateOnly(2027, 11, 30), campaign.EndsOn);
    }

    [Fact]
    public void A_unit_saved_unchanged_is_refused_unless_it_moves()
    {
        var unit = new Unit("综合科", UnitKind.Section, null, sortOrder: 3);

        Assert.Equal(NothingChanged, Assert.Throws<DubanException>(() => unit.Edit("综合科", UnitKind.Section, 3, null, null, moves: false)).Message);
        unit.Edit("综合科", UnitKind.Section, 3, null, null, moves: true);
        unit.Edit("综合办公室", UnitKind.Section, 3, null, null, moves: false);
        Assert.Equal("综合办公室", unit.Name);
    }

    [Fact]
    public void A_person_saved_unchanged_is_refused()
    {
        var unit = new Unit("综合科", UnitKind.Section, null);
        var person = new Person("张三", unit, "科长", isPartyMember: true);

        Assert.Equal(NothingChanged, Assert.Throws<DubanException>(() => person.Update("张三 ", unit, "科长", true)).Message);
        person.Update("张三", unit, "科长", false);
        Assert.False(person.IsPartyMember);
    }

    [Fact]
    public void A_catalog_entry_saved_unchanged_is_refused_but_saving_a_placeholder_confirms_it()
    {
        var entry = new CatalogEntry(CatalogSet.OfficeSixAspects, "BGS-01", 1, "办公室方面问题（1）", null, null, "工作方案", isPlaceholder: true);

        entry.Edit("办公室方面问题（1）", null, null, "工作方案");

        Assert.False(entry.IsPlaceholder);
        Assert.Equal(NothingChanged, Assert.Throws<DubanException>(() => entry.Edit("办公室方面问题（1）", null, null, "工作方案")).Message);
    }
}
