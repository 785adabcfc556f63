using System.Text.RegularExpressions;

namespace Duban.Core.Signals;

/// <summary>
/// 守摊子: an item whose every measure is a generic phrase (a list in the settings: 加强学习, 提高认识, 严格落实…) with no
/// concrete action left once the phrases and punctuation are taken out, and no number, date or named person.
/// </summary>
public sealed partial class NoAmbitionDetector : ISignalDetector
{
    public SignalKind Kind => SignalKind.NoAmbition;

    public string Rule(SignalOptions options) =>
        $"整改措施全部是“{string.Join("”“", options.Phrases.Take(5))}”等套话，没有具体动作、数字、时间或责任人。";

    public IEnumerable<SignalFinding> Detect(SignalContext context) =>
        context.ItemsThen.Where(i => i.State != Ledger.ItemState.Draft && i.Measures.Count > 0 && i.Measures.All(m => IsGeneric(m, context.Options.Phrases)))
            .Select(i => new SignalFinding(Kind, i.UnitId, i.Id, i.Code, i.Measures.Count,
                [.. i.Measures.Select(m => new SignalEvidence("整改措施", Text: m, ItemId: i.Id))]));

    /// <summary>A measure that says nothing concrete: only phrases of the list, joiners and punctuation, and no digit.</summary>
    public static bool IsGeneric(string measure, IReadOnlyList<string> phrases)
    {
        if (Digits().IsMatch(measure))
        {
            return false;
        }
        var rest = phrases.OrderByDescending(p => p.Length).Aggregate(measure, (text, phrase) => text.Replace(phrase, string.Empty, StringComparison.Ordinal));
        return Filler().Replace(rest, string.Empty).Length == 0;
    }

    [GeneratedRegex(@"[0-9０-９一二三四五六七八九十百]+\s*(个|项|次|天|日|月|年|人|份|条|%)|[0-9０-９]")]
    private static partial Regex Digits();

    // What may stand between phrases without making a measure concrete: punctuation, spaces, joiners and vague objects.
    [GeneratedRegex(@"[\s，。、；：,.;:！!和与及并要的了工作意识思想]")]
    private static partial Regex Filler();
}
