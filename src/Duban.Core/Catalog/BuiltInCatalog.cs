namespace Duban.Core.Catalog;

/// <summary>The catalog as the campaign's source texts give it; loaded on first start and never overwritten.</summary>
public static class BuiltInCatalog
{
    private const string Province = "省委、省政府作风建设要求（八种病相）";
    private const string TenRules = "甘肃省人民政府《转变作风“十不准”》（2018年4月）";
    private const string District = "区委、区政府“转变作风改善发展环境建设年”活动实施方案";
    private const string OfficePlan = "区政府办公室党总支“作风建设年”活动工作方案";
    private const string Speech = "区政府办公室“作风建设年”活动动员讲话（第四部分）";
    private const string Integrity = "区政府办公室“作风建设年”活动动员讲话（第五部分）";

    private static List<CatalogEntry> Build()
    {
        var entries = new List<CatalogEntry>();
        void Add(CatalogSet set, string title, string? description = null, string? aliases = null,
            string? source = null, bool placeholder = false)
        {
            var order = entries.Count(e => e.Set == set) + 1;
            var code = $"{CatalogSets.CodePrefix(set)}-{order:00}";
            entries.Add(new CatalogEntry(set, code, order, title, description, aliases, source ?? SourceOf(set), placeholder));
        }

        foreach (var (title, description) in EightAilments)
        {
            // The speech writes 慵懒散, the province's text 庸懒散: both must find the same entry.
            Add(CatalogSet.EightAilments, title, description, title == "庸懒散" ? "慵懒散" : null);
        }
        foreach (var rule in TenProhibitions)
        {
            Add(CatalogSet.TenProhibitions, rule);
        }
        foreach (var problem in SevenClasses)
        {
            Add(CatalogSet.SevenClasses, problem);
        }
        for (var i = 1; i <= 6; i++)
        {
            Add(CatalogSet.OfficeSixAspects, $"办公室方面问题（{i}）", "工作方案列明但未逐条列出，由督查室按方案补充。", placeholder: true);
        }
        foreach (var (title, description) in FivePoints)
        {
            Add(CatalogSet.FivePoints, title, description);
        }
        foreach (var (title, description) in RedLines)
        {
            Add(CatalogSet.IntegrityRedLines, title, description);
        }
        return entries;
    }

    private static string SourceOf(CatalogSet set) => set switch
    {
        CatalogSet.EightAilments => Province,
        CatalogSet.TenProhibitions => TenRules,
        CatalogSet.SevenClasses => District,
        CatalogSet.OfficeSixAspects => OfficePlan,
        CatalogSet.FivePoints => Speech,
        CatalogSet.IntegrityRedLines => Integrity,
        _ => District,
    };

    private static readonly (string, string)[] EightAilments =
    [
        ("守摊子", "安于现状、不思进取，只求过得去、不求过得硬。"),
        ("中梗阻", "政策落实层层递减，事项卡在中间环节推不动。"),
        ("推拖绕", "遇事推诿、拖延不办、绕着问题走。"),
        ("庸懒散", "工作庸碌、作风懒散、纪律松弛。"),
        ("走秀场", "热衷形式、做表面文章，走过场、不求实效。"),
        ("打白条", "承诺不兑现，时限一拖再拖。"),
        ("虚假空", "数据不实、材料虚浮、措施空泛。"),
        ("灯下黑", "对自身问题视而不见，查别人严、查自己松。"),
    ];

    private static readonly string[] TenProhibitions =
    [
        "不准触碰越过一条线", "不准推脱分内一丝责", "不准拖延超时一分钟", "不准虚化落空一件事", "不准虚报假报一个数",
        "不准粗暴对待一个人", "不准随意违悔一条约", "不准劳民多跑一趟路", "不准违规收受一份礼", "不准干好干坏一个样",
    ];

    private static readonly string[] SevenClasses =
    [
        "政治上不过硬、履行主体责任不到位、压力传导层层递减",
        "能力不足、视野不宽、办法不多",
        "履职担当不够，敷衍塞责、推诿扯皮、官僚主义、衙门作风",
        "热衷于搞形式、走过场、不求实效",
        "行政效能低下、营商环境不优",
        "阳奉阴违、欺上瞒下、弄虚作假、慵懒散慢",
        "督查不严、落实不力，号召力弱、凝聚力差，作风不正、顶风违纪",
    ];

    private static readonly (string, string)[] FivePoints =
    [
        ("工作主动性", "工作主动性仍需增强。"),
        ("学习针对性", "学习随性而学，缺少系统的学习计划，本职业务学习的主动性、紧迫性不够。"),
        ("思想认识水平", "思想认识水平有待提高。"),
        ("服务中心政治意识", "服务中心工作的政治意识有待加强。"),
        ("团队凝聚力", "团队凝聚力有待提升。"),
    ];

    private static readonly (string, string)[] RedLines =
    [
        ("八个决不允许", "坚决维护《党章》：决不允许搞“上有政策，下有对策”；决不允许有令不行、有禁不止；决不允许在执行决策部署上打折扣、做选择、搞变通；决不允许散布违背党的理论和方针政策的意见；决不允许公开发表同中央决定相违背的言论；决不允许泄露党和国家的秘密；决不允许参与各种非法组织和非法活动；决不允许编造、传播政治谣言及丑化党和国家形象的言论。"),
        ("四个管住", "管住自己的嘴，不该吃的不吃；管住自己的手，公款公物不动心思；管住自己的腿，不该去的地方不去；管住自己的家属子女。"),
        ("中央八项规定", "中央关于改进工作作风、密切联系群众的八项规定及其实施细则。"),
        ("8个禁止、52个不准", "《廉政准则》规定的“8个禁止、52个不准”。"),
    ];

    // Last: static initializers run in textual order, and this one reads the tables above.
    public static IReadOnlyList<CatalogEntry> Entries { get; } = Build();
}
