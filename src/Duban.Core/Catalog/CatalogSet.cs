namespace Duban.Core.Catalog;

/// <summary>The lists the problem catalog is made of, each from one source text.</summary>
public enum CatalogSet
{
    EightAilments = 1,
    TenProhibitions = 2,
    SevenClasses = 3,
    OfficeSixAspects = 4,
    FivePoints = 5,
    IntegrityRedLines = 6,
}

public static class CatalogSets
{
    public static IReadOnlyList<CatalogSet> All { get; } = Enum.GetValues<CatalogSet>();

    public static string ChineseName(CatalogSet set) => set switch
    {
        CatalogSet.EightAilments => "八种病相",
        CatalogSet.TenProhibitions => "转变作风“十不准”",
        CatalogSet.SevenClasses => "七类作风突出问题",
        CatalogSet.OfficeSixAspects => "办公室六个方面问题",
        CatalogSet.FivePoints => "五点问题",
        CatalogSet.IntegrityRedLines => "廉政红线",
        _ => set.ToString(),
    };

    /// <summary>The code prefix of a set's entries, e.g. BZBX-01.</summary>
    public static string CodePrefix(CatalogSet set) => set switch
    {
        CatalogSet.EightAilments => "BZBX",
        CatalogSet.TenProhibitions => "SBZ",
        CatalogSet.SevenClasses => "QL",
        CatalogSet.OfficeSixAspects => "BGS",
        CatalogSet.FivePoints => "WD",
        CatalogSet.IntegrityRedLines => "LZ",
        _ => "X",
    };
}
