using Duban.Core.Ledger;

namespace Duban.Core.Supervision.Inspections;

/// <summary>How the supervision office looks at units (督查的方式).</summary>
public enum InspectionKind
{
    /// <summary>明查: announced; the units may answer the findings before they are published.</summary>
    Announced = 0,

    /// <summary>暗访: covert; invisible to the units it concerns until published.</summary>
    Covert = 1,

    /// <summary>专项督查: on one theme.</summary>
    Thematic = 2,

    /// <summary>回头看: a revisit of closed items, drawn by lot.</summary>
    Revisit = 3,
}

public enum InspectionState
{
    Planned = 0,
    UnderWay = 1,
    FindingsRecorded = 2,
    Published = 3,

    /// <summary>Every item its findings became is closed.</summary>
    Closed = 4,
}

public enum FindingSeverity
{
    General = 0,
    Serious = 1,
    Grave = 2,
}

/// <summary>The Chinese words for inspections, and the words the API uses.</summary>
public static class InspectionTerms
{
    public static string Name(InspectionKind kind) => kind switch
    {
        InspectionKind.Announced => "明查",
        InspectionKind.Covert => "暗访",
        InspectionKind.Thematic => "专项督查",
        InspectionKind.Revisit => "回头看",
        _ => kind.ToString(),
    };

    public static string ApiName(InspectionKind kind) => kind switch
    {
        InspectionKind.Announced => "announced",
        InspectionKind.Covert => "covert",
        InspectionKind.Thematic => "thematic",
        InspectionKind.Revisit => "revisit",
        _ => kind.ToString(),
    };

    /// <summary>A kind from its API word or its Chinese name; null when it is neither.</summary>
    public static InspectionKind? FindKind(string? text) =>
        Enum.GetValues<InspectionKind>().Cast<InspectionKind?>().FirstOrDefault(k =>
            string.Equals(ApiName(k!.Value), text?.Trim(), StringComparison.OrdinalIgnoreCase) || Name(k.Value) == text?.Trim());

    public static string Name(InspectionState state) => state switch
    {
        InspectionState.Planned => "计划中",
        InspectionState.UnderWay => "督查中",
        InspectionState.FindingsRecorded => "发现已汇总",
        InspectionState.Published => "已发布",
        InspectionState.Closed => "已完结",
        _ => state.ToString(),
    };

    public static string Name(FindingSeverity severity) => severity switch
    {
        FindingSeverity.General => "一般",
        FindingSeverity.Serious => "较重",
        FindingSeverity.Grave => "严重",
        _ => severity.ToString(),
    };

    /// <summary>A severity from its Chinese name, its API word or its number; null when it is none of these.</summary>
    public static FindingSeverity? FindSeverity(string? text) =>
        Enum.GetValues<FindingSeverity>().Cast<FindingSeverity?>().FirstOrDefault(s =>
            Name(s!.Value) == text?.Trim() || string.Equals(s.Value.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase)
            || ((int)s.Value).ToString(System.Globalization.CultureInfo.InvariantCulture) == text?.Trim());

    /// <summary>The ledger's 问题来源 of the items an inspection's findings become.</summary>
    public static ItemSource SourceOf(InspectionKind kind) => kind switch
    {
        InspectionKind.Announced => ItemSource.AnnouncedInspection,
        InspectionKind.Covert => ItemSource.CovertVisit,
        InspectionKind.Thematic => ItemSource.ThematicInspection,
        InspectionKind.Revisit => ItemSource.Revisit,
        _ => ItemSource.Other,
    };
}
