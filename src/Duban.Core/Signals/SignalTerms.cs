namespace Duban.Core.Signals;

/// <summary>The eight ailments (八种病相) the speech names, as signals the data can show.</summary>
public enum SignalKind
{
    /// <summary>打白条: promises not kept.</summary>
    BrokenPromise = 0,

    /// <summary>虚假空: work copied between units.</summary>
    CopiedWork = 1,

    /// <summary>走秀场: closures bunched before deadlines.</summary>
    ShowClosure = 2,

    /// <summary>中梗阻: stuck in one state.</summary>
    Stuck = 3,

    /// <summary>推拖绕: passed between units.</summary>
    PassedBuck = 4,

    /// <summary>灯下黑: blind to one's own faults.</summary>
    BlindSpot = 5,

    /// <summary>慵懒散: no progress reported.</summary>
    Idle = 6,

    /// <summary>守摊子: only generic measures.</summary>
    NoAmbition = 7,
}

public static class SignalTerms
{
    public static string Name(SignalKind kind) => kind switch
    {
        SignalKind.BrokenPromise => "打白条",
        SignalKind.CopiedWork => "虚假空",
        SignalKind.ShowClosure => "走秀场",
        SignalKind.Stuck => "中梗阻",
        SignalKind.PassedBuck => "推拖绕",
        SignalKind.BlindSpot => "灯下黑",
        SignalKind.Idle => "慵懒散",
        _ => "守摊子",
    };
}

/// <summary>One piece of what a flag rests on: a dated step with its actor, or a text, or a file.</summary>
public sealed record SignalEvidence(string What, DateTime? At = null, string? Actor = null, string? Text = null, int? ItemId = null);

/// <summary>A flag as a detector raises it: on a unit, or on one of its items, with its strength and evidence.</summary>
public sealed record SignalFinding(SignalKind Kind, int UnitId, int? ItemId, string? ItemCode, decimal Strength, IReadOnlyList<SignalEvidence> Evidence);
