using Duban.Core.Accounts;
using Duban.Core.Campaigns;
using Duban.Core.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Duban.Core.Data;

/// <summary>
/// The demo office of `--demo`: 区政府办公室 with its sections, about 40 people, one account per role and the 2026
/// campaign. Loading twice changes nothing.
/// </summary>
public sealed class DemoData(DubanDb db, UserManager<AppUser> users, TimeProvider clock, IServiceProvider services)
{
    public const string Password = "Demo#2026";
    public const string CampaignCode = "ZFJS-2026";
    public const string OfficeName = "区政府办公室";

    private static readonly string[] Sections = ["综合科", "秘书科", "调研督查室", "信息科", "文电科", "政务公开科"];

    private static readonly string[] Names =
    [
        "王建国", "李卫东", "张秀英", "刘志强", "陈晓燕", "杨海涛", "赵丽娟", "黄明辉", "周文静", "吴国华",
        "徐红梅", "孙立新", "马俊杰", "朱玉兰", "胡振宇", "郭春燕", "何永刚", "高雪梅", "林志远", "罗晓东",
        "郑淑芬", "梁文博", "谢佳琪", "宋德明", "唐慧敏", "许振华", "韩冬梅", "冯建军", "邓晓丽", "曹永福",
        "彭丽华", "曾志刚", "萧雨欣", "田广平", "董秀兰", "潘伟民", "袁静怡", "蒋洪涛", "蔡雅琴", "余长青",
    ];

    public static IReadOnlyList<(string UserName, string Role, string Unit)> Accounts { get; } =
    [
        ("demo-admin", Roles.Admin, "信息科"),
        ("demo-leader", Roles.Leadership, OfficeName),
        ("demo-supervisor", Roles.Supervisor, "调研督查室"),
        ("demo-head", Roles.UnitHead, "综合科"),
        ("demo-liaison", Roles.Liaison, "综合科"),
        ("demo-member", Roles.Member, "综合科"),
    ];

    public async Task<IReadOnlyList<string>> LoadAsync()
    {
        var messages = new List<string>();
        if (!await db.Units.AnyAsync(u => u.Name == OfficeName))
        {
            await LoadOrganizationAsync();
            messages.Add("已载入演示单位和人员。");
        }
        if (!await db.Set<Campaign>().AnyAsync(c => c.Code == CampaignCode))
        {
            db.Set<Campaign>().Add(new Campaign(CampaignCode, "2026年转变作风改善发展环境建设年", 2026,
                new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
            await db.SaveChangesAsync();
        }
        foreach (var (userName, role, unitName) in Accounts)
        {
            if (await users.FindByNameAsync(userName) is not null)
            {
                continue;
            }
            var person = await AccountHolderAsync(role, unitName);
            var user = new AppUser { UserName = userName, DisplayName = person.Name, PersonId = person.Id };
            (await users.CreateAsync(user, Password)).OrThrow();
            (await users.AddToRoleAsync(user, role)).OrThrow();
            messages.Add($"演示账户 {userName}（{Roles.ChineseName(role)}，{unitName}）密码 {Password}");
        }
        var campaign = await db.Set<Campaign>().FirstAsync(c => c.Code == CampaignCode);
        await new Ledger.DemoLedger(db, clock).LoadAsync(campaign.Id, campaign.Year);
        await new Signals.DemoSignals(db, clock).LoadAsync(campaign.Id, campaign.Year);
        await new Supervision.DemoSupervision(db, services, clock).LoadAsync(campaign.Code);
        await new Bulletins.DemoBulletins(db, services, clock).LoadAsync(campaign.Id);
        await new Assessment.DemoAssessment(db, services, clock).LoadAsync(campaign.Id);
        return messages;
    }

    private async Task LoadOrganizationAsync()
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var government = await db.Units.FirstOrDefaultAsync(u => u.ParentId == null)
            ?? await AddUnitAsync("区委·区政府", UnitKind.Government, null, 0);
        var office = await AddUnitAsync(OfficeName, UnitKind.Office, government, 1);
        var order = 0;
        var nameIndex = 0;
        string NextName() => Names[nameIndex++ % Names.Length];

        await StaffAsync(office, ["主任", "副主任", "副主任"], headIndex: 0, liaisonIndex: 2);
        foreach (var section in Sections)
        {
            var unit = await AddUnitAsync(section, UnitKind.Section, office, ++order);
            await StaffAsync(unit, ["科长", "副科长", "科员", "科员", "科员"], headIndex: 0, liaisonIndex: 2);
        }
        var centre = await AddUnitAsync("机关事务服务中心", UnitKind.Subordinate, office, ++order);
        await StaffAsync(centre, ["主任", "副主任", "科员", "科员", "科员"], headIndex: 0, liaisonIndex: 2);
        await AddUnitAsync("区政府办公室机关党支部", UnitKind.PartyBranch, office, ++order);
        await transaction.CommitAsync();

        async Task StaffAsync(Unit unit, string[] positions, int headIndex, int liaisonIndex)
        {
            var staff = positions.Select((position, i) =>
                new Person(NextName(), unit, position, isPartyMember: i % 4 != 3)).ToList();
            db.People.AddRange(staff);
            await db.SaveChangesAsync();
            unit.NameResponsiblePeople(staff[headIndex], staff[liaisonIndex]);
            await db.SaveChangesAsync();
        }
    }

    private async Task<Unit> AddUnitAsync(string name, UnitKind kind, Unit? parent, int sortOrder)
    {
        var unit = new Unit(name, kind, parent, sortOrder);
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        unit.PlaceUnder(parent);
        await db.SaveChangesAsync();
        return unit;
    }

    /// <summary>The person a demo account belongs to: the head or liaison for those roles, else a staff member.</summary>
    private async Task<Person> AccountHolderAsync(string role, string unitName)
    {
        var unit = await db.Units.FirstAsync(u => u.Name == unitName);
        var taken = await db.Users.Where(u => u.PersonId != null).Select(u => u.PersonId!.Value).ToListAsync();
        var staff = await db.People.Where(p => p.UnitId == unit.Id && !taken.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync();
        var preferred = role switch
        {
            Roles.UnitHead or Roles.Leadership or Roles.Supervisor => staff.FirstOrDefault(p => p.Id == unit.HeadPersonId),
            Roles.Liaison => staff.FirstOrDefault(p => p.Id == unit.LiaisonPersonId),
            _ => staff.LastOrDefault(p => p.Id != unit.HeadPersonId && p.Id != unit.LiaisonPersonId),
        };
        return preferred ?? staff.Last();
    }
}
