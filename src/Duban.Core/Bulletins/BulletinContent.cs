using System.Text.Json;
using System.Text.RegularExpressions;
using Duban.Core.Documents;

namespace Duban.Core.Bulletins;

/// <summary>
/// One paragraph of a bulletin's body. Its heading level is read from its own numbering (一、 / （一） / 1. / （1）),
/// as officials write it; <paramref name="Figures"/> are the keys of the numbers the draft wrote into it.
/// </summary>
public sealed record BulletinParagraph(string Text, BulletinPart Part, IReadOnlyList<string>? Figures = null)
{
    public HeadingLevel Heading => BulletinText.HeadingOf(Text);

    public IReadOnlyList<string> FigureKeys => Figures ?? [];
}

/// <summary>
/// A number the draft computed: what it counts, its value as written, and the list it came from (the ledger as of
/// the cut-off, or the supervision lists), so a reader can open what was counted.
/// </summary>
public sealed record BulletinFigure(string Key, string Label, string Shown, string Href, string Before = "")
{
    /// <summary>Where the number stands in <paramref name="text"/> (after the words it followed when written), or −1 once edited away.</summary>
    public int FindIn(string text, int from)
    {
        var found = text.IndexOf(Before + Shown, from, StringComparison.Ordinal);
        return found < 0 ? -1 : found + Before.Length;
    }
}

/// <summary>A cell of the attached table: its text and, for counts, the list it came from.</summary>
public sealed record BulletinCell(string Text, string? Href = null);

/// <summary>The attachment (附件): counts by unit.</summary>
public sealed record BulletinTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<BulletinCell>> Rows)
{
    public DocumentTable ToDocument() => new(Title, Columns, [.. Rows.Select(r => (IReadOnlyList<string>)[.. r.Select(c => c.Text)])]);
}

/// <summary>A first-level heading and the paragraphs under it, as the API shows the body.</summary>
public sealed record BulletinSection(string? Heading, IReadOnlyList<string> Paragraphs);

public static partial class BulletinText
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static HeadingLevel HeadingOf(string text) =>
        FirstLevel().IsMatch(text) ? HeadingLevel.First
        : SecondLevel().IsMatch(text) ? HeadingLevel.Second
        : FourthLevel().IsMatch(text) ? HeadingLevel.Fourth
        : ThirdLevel().IsMatch(text) ? HeadingLevel.Third
        : HeadingLevel.None;

    /// <summary>The body grouped under its first-level headings; paragraphs before the first heading have none.</summary>
    public static IReadOnlyList<BulletinSection> Sections(IReadOnlyList<BulletinParagraph> body)
    {
        var sections = new List<BulletinSection>();
        string? heading = null;
        var paragraphs = new List<string>();
        foreach (var paragraph in body)
        {
            if (paragraph.Heading == HeadingLevel.First)
            {
                if (heading is not null || paragraphs.Count > 0)
                {
                    sections.Add(new BulletinSection(heading, paragraphs));
                }
                heading = paragraph.Text;
                paragraphs = [];
            }
            else
            {
                paragraphs.Add(paragraph.Text);
            }
        }
        if (heading is not null || paragraphs.Count > 0)
        {
            sections.Add(new BulletinSection(heading, paragraphs));
        }
        return sections;
    }

    /// <summary>
    /// Whether the text names the unit as the draft writes names: followed by its count in brackets and not the tail of
    /// a longer name (办公室 is not named by 区政府办公室（2个）).
    /// </summary>
    public static bool Names(string text, string unitName)
    {
        for (var at = text.IndexOf(unitName + "（", StringComparison.Ordinal); at >= 0; at = text.IndexOf(unitName + "（", at + 1, StringComparison.Ordinal))
        {
            if (at == 0 || "，、。：；".Contains(text[at - 1], StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The body as the diff and the revision history see it: one paragraph a line.</summary>
    public static string Plain(IReadOnlyList<BulletinParagraph> body) => string.Join("\n", body.Select(p => p.Text));

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)
        ?? throw new InvalidOperationException("A stored bulletin part is empty.");

    [GeneratedRegex(@"^[一二三四五六七八九十]+、")]
    private static partial Regex FirstLevel();

    [GeneratedRegex(@"^[（(][一二三四五六七八九十]+[）)]")]
    private static partial Regex SecondLevel();

    [GeneratedRegex(@"^\d+[.．、](?!\d)")]
    private static partial Regex ThirdLevel();

    [GeneratedRegex(@"^[（(]\d+[）)]")]
    private static partial Regex FourthLevel();
}
