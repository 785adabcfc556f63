namespace Duban.Core.Documents;

/// <summary>The heading levels of GB/T 9704 body text: 一、 / （一） / 1. / （1）, or none (a plain paragraph).</summary>
public enum HeadingLevel
{
    None,
    First,
    Second,
    Third,
    Fourth,
}

/// <summary>A paragraph of the body; a heading carries its own number in its text (一、基本情况).</summary>
public sealed record DocumentParagraph(string Text, HeadingLevel Heading = HeadingLevel.None);

/// <summary>A table with borders, printed as an attachment (附件) on a page of its own.</summary>
public sealed record DocumentTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// An official document (公文) as GB/T 9704-2012 lays it out: the issuing organ's mark and the document number above a
/// red rule (版头), the title, the main recipients, the body, the signature and date, an optional attachment table,
/// and the 版记 (抄送, the printing organ and date) at the foot of the last page.
/// </summary>
public sealed record OfficialDocument(
    string IssuerMark,
    string? Number,
    string Title,
    string? MainRecipients,
    IReadOnlyList<DocumentParagraph> Body,
    string Signature,
    DateOnly Date,
    DocumentTable? Attachment = null,
    string? CopyTo = null,
    string? PrintedBy = null,
    DateOnly? PrintedOn = null)
{
    /// <summary>A date as official documents write it: Arabic numerals, no leading zeros (2026年11月29日).</summary>
    public static string DateText(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}
