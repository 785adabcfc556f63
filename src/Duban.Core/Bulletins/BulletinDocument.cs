using Duban.Core.Documents;

namespace Duban.Core.Bulletins;

/// <summary>A bulletin as an official document (GB/T 9704): the mark, its number, the text, the table, 主送 and 抄送.</summary>
public static class BulletinDocument
{
    /// <summary>The document; <paramref name="number"/> and <paramref name="printedOn"/> stand in for what a bulletin is about to take.</summary>
    public static OfficialDocument Of(Bulletin bulletin, BulletinOptions options, string? number = null, DateOnly? printedOn = null)
    {
        var units = bulletin.Units;
        var main = string.Join("、", units.Where(u => u.Role == RecipientRole.Main).Select(u => u.UnitName));
        var copy = string.Join("、", units.Where(u => u.Role == RecipientRole.Copy).Select(u => u.UnitName));
        var table = bulletin.Table;
        return new OfficialDocument(options.IssuerMark, number ?? bulletin.NumberText, bulletin.Title, main.Length > 0 ? main : null,
            [.. bulletin.Body.Select(p => new DocumentParagraph(p.Text, p.Heading))], bulletin.Signature, bulletin.DocumentDate,
            table.Rows.Count > 0 ? table.ToDocument() : null, copy.Length > 0 ? copy : null, options.IssuingOrgan,
            printedOn ?? (bulletin.PublishedAt is { } at ? Common.ChinaTime.DateOf(at) : bulletin.DocumentDate));
    }

    public static byte[] Write(Bulletin bulletin, BulletinOptions options, string? number = null, DateOnly? printedOn = null)
    {
        using var stream = new MemoryStream();
        OfficialDocumentWriter.Write(Of(bulletin, options, number, printedOn), stream);
        return stream.ToArray();
    }

    /// <summary>The file's name as offices file it: the number and the title.</summary>
    public static string FileName(Bulletin bulletin, string extension) =>
        $"{(bulletin.NumberText is { } number ? number + " " : string.Empty)}{bulletin.Title}{extension}";
}
