namespace Duban.Tests.Infrastructure;

/// <summary>
/// The planted ledger's texts. Ordinary measures and reports are put together from four slots, the fourth fixed by
/// the other three, so any two differ in at least two slots (far below the copy threshold) and each names its unit,
/// so two ledgers in one database do not copy each other. The copied ones and their near misses are written out whole.
/// </summary>
internal static class PlantedTexts
{
    private static readonly string[] MeasureLeads =
        ["由主要负责人牵头", "指定专人负责", "成立整改专班", "会同办公室", "由分管领导督导", "组织业务骨干", "对照问题清单", "按照督查要求", "结合巡察反馈", "围绕群众关切"];

    private static readonly string[] MeasureActions =
        ["修订公文流转时限规定", "建立值班签到核对台账", "完善窗口服务评价制度", "梳理项目资金拨付流程", "制定会议精简清单", "规范督办事项销号标准",
            "清理来信来访积压件", "更新政务公开目录", "重建公务用车登记制度", "压减基层报表种类"];

    private static readonly string[] MeasureChecks =
        ["每周五由科长逐项核对", "每月在例会上通报办理情况", "办理进度在内网公开", "结果纳入年度目标考核", "分管领导每月随机抽查", "逾期事项当日短信提醒",
            "季度末开展一次回头看", "建立问题销号清单逐项销号", "群众评价结果按月公示", "由纪检联络员全程跟踪"];

    private static readonly string[] MeasureTimes =
        ["确保月底前完成", "力争两周内见效", "年底前形成长效机制", "下月起全面执行", "本季度内整改到位", "十个工作日内完成", "春节前全部办结", "三十日内建章立制",
            "年内实现动态清零", "半年内完成评估"];

    private static readonly string[] ReportLeads = ["本周", "本月", "截至目前", "近期", "上周以来", "本阶段", "这一时期", "节后以来", "月初以来", "本轮整改中"];

    private static readonly string[] ReportDone =
        ["已完成制度文本初稿", "已召开两次专题会议", "已对照清单逐项自查", "已完成系统提醒功能上线", "已向相关科室征求意见", "已完成首轮抽查", "已整理历史台账四十余份",
            "已组织全员集中培训", "已约谈相关责任人", "已完成流程图绘制"];

    private static readonly string[] ReportFound =
        ["发现需补充的环节三处", "群众反映的问题已逐一回访", "剩余事项已明确责任人", "个别环节仍需协调", "办理时限平均缩短两天", "已形成问题和整改两张清单",
            "相关数据已录入系统", "抽查中未发现新的问题", "整改材料已归档备查", "部分措施已提前完成"];

    private static readonly string[] ReportNext =
        ["下一步将报分管领导审定", "下周将开展复查", "月底前提交审核", "后续纳入日常督查", "拟于下月组织验收", "将持续跟踪落实情况", "下阶段将扩大抽查范围",
            "将在例会上通报结果", "近期将完善配套制度", "将按期提交佐证材料"];

    public static readonly string[] Problems =
        ["公文办理超时限", "值班制度执行不严", "窗口服务态度生硬", "项目资金拨付滞后", "会议文件过多过滥", "督办事项久拖不决", "群众来信回复不及时", "政务公开更新不及时"];

    /// <summary>Every ordinary text there is, in a seeded order: (lead, action, check); the fourth slot follows from them.</summary>
    public static Queue<(int, int, int)> Shuffled(Random random)
    {
        (int, int, int)[] all = [.. from a in Enumerable.Range(0, 10) from b in Enumerable.Range(0, 10) from c in Enumerable.Range(0, 10) select (a, b, c)];
        random.Shuffle(all);
        return new(all);
    }

    public static string Measure((int A, int B, int C) slots, string unit) =>
        $"{MeasureLeads[slots.A]}，{unit}{MeasureActions[slots.B]}，{MeasureChecks[slots.C]}，{MeasureTimes[(slots.A + slots.B + slots.C) % 10]}";

    public static string Report((int A, int B, int C) slots, string unit) =>
        $"{unit}{ReportLeads[slots.A]}{ReportDone[slots.B]}，{ReportFound[slots.C]}，{ReportNext[(slots.A + slots.B + slots.C) % 10]}。";

    /// <summary>Measures copied word for word into another unit, the first unit's name and all ({0}).</summary>
    public static readonly string[] CopiedMeasures =
    [
        "{0}对近三年的公务接待审批单逐张复核，超标准接待的由经办人退赔，复核结果在机关内网公示",
        "{0}将行政审批事项的承诺时限压缩三分之一，在大厅电子屏滚动公示每件事项的受理和办结时间",
        "{0}建立基层减负监测点，每月收集村社区填报表格数量，超出清单的报表一律退回并通报发文单位",
    ];

    /// <summary>Progress reports copied word for word into another unit.</summary>
    public static readonly string[] CopiedReports =
    [
        "{0}本月对辖区内十二个便民服务点开展了暗访，重点检查了工作人员在岗、服务态度和办事时限三个方面，发现脱岗两人次、超时限办件四件，已分别约谈责任人并在周例会上通报，整改情况将在下月初复查。",
        "{0}组织对二〇二五年以来的督办件进行了全面清理，共梳理出逾期未办结事项十七件，其中九件已于本月办结，其余八件已明确责任领导和完成时限，并录入督办系统实行红黄灯预警管理，每周跟踪一次。",
    ];

    /// <summary>Reports copied with only the unit's name changed to the copier's.</summary>
    public static readonly string[] RenamedReports =
    [
        "{0}针对群众反映的停车难问题，会同交警和街道对机关周边道路进行了实地踏勘，新划定临时停车位八十个，错时开放机关内部停车场两处，并在公众号发布了停车指引，群众满意度回访中好评率达到九成以上。",
        "{0}围绕文件多会议多的问题，对本年度以部门名义印发的文件和召开的会议进行了统计，文件同比减少百分之二十三，会议同比减少百分之三十，可开可不开的会议一律不开，确需召开的合并召开或者采用视频方式。",
    ];

    /// <summary>A long report copied with the unit's name and one day ({1}) changed.</summary>
    public const string RedatedReport =
        "{0}按照整改方案要求，本阶段重点推进了窗口服务提质工作：一是重新梳理了四十六项高频事项的办事指南，删除了无法律依据的证明材料十一项；二是推行首问负责和一次性告知制度，" +
        "对全体窗口人员进行了两轮培训并组织了闭卷测试；三是设立了办不成事反映窗口，由副主任轮流值守，{1}日收到的三件诉求均已当场协调解决；四是建立了每周服务评价通报机制。";

    /// <summary>A report copied with its punctuation retyped and a closing phrase added.</summary>
    public const string RetypedReport =
        "{0}对照巡察反馈意见，逐条制定了整改台账，明确了每项问题的责任人和完成时限，已召开专题民主生活会一次，班子成员逐一作了对照检查，下一步将把整改落实情况纳入年度述职内容";

    public static string Retyped(string report) => report.Replace('，', ' ').Replace("一次", "一次；", StringComparison.Ordinal) + "。特此报告";

    /// <summary>A measure two items of one unit share: a copy, but not between units.</summary>
    public const string OneUnitMeasure = "{0}在机关食堂推行光盘行动，每周统计剩余饭菜重量并在食堂门口公示，节约情况与科室评先挂钩";

    /// <summary>Short texts every unit may write alike (under the length the copy rule looks at).</summary>
    public const string ShortMeasure = "建立值班签到台账";

    public const string ShortReport = "已完成整改，材料已归档";

    /// <summary>A long report copied with two figures ({1}, {2}) changed: just under the copy threshold.</summary>
    public const string RefiguredReport =
        "{0}对机关食堂、车库和档案室开展了安全隐患排查，共排查出消防通道堵塞、灭火器过期等隐患{1}处，已整改{2}处，其余隐患已落实专人负责并设定整改期限，" +
        "排查情况已报分管领导并在机关内网通报，下月将组织一次消防演练。";

    /// <summary>One template filled in by two units with their own figures ({1}–{3}): alike, not copied.</summary>
    public const string TemplateReport = "{0}本月共检查窗口{1}个，发现问题{2}个，已当场整改{3}个，其余问题已建立清单并明确整改时限，下月将组织复查并通报结果。";

    /// <summary>Measures made only of set phrases (守摊子).</summary>
    public static readonly string[][] Generic =
    [
        ["加强学习，提高认识"], ["高度重视、严格落实、举一反三"], ["进一步加强思想认识", "狠抓落实"], ["提高思想认识，认真落实"], ["立行立改，举一反三"],
        ["强化意识，加强管理"], ["严格落实", "加强学习", "举一反三"], ["高度重视，认真落实工作"], ["进一步加强工作的思想认识"], ["加强学习和提高认识", "狠抓落实"],
        ["强化意识，严格落实；举一反三"], ["高度重视", "立行立改"],
    ];

    /// <summary>Measures that look generic but name a date, a number or a person, or stand beside a concrete one.</summary>
    public static readonly string[][] AlmostGeneric =
    [
        ["12月15日前严格落实"], ["每月加强学习1次"], ["由张伟同志严格落实"], ["加强学习", "建立台账，每周五核对"], ["加强学习，每月组织一次集中学习"], ["严格落实值班制度"],
    ];
}
