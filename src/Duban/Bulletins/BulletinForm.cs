using System.Globalization;
using Duban.Core.Bulletins;
using Duban.Core.Common.Workflow;

namespace Duban.Bulletins;

/// <summary>
/// The editor's form as an edit: one textarea per paragraph, each with its part and the numbers it carries; a line
/// break in a textarea makes a new paragraph after it (the numbers stay with the first line), an emptied one goes.
/// </summary>
internal static class BulletinForm
{
    public static (BulletinEdit Edit, int? Version) Read(IFormCollection form)
    {
        var texts = form["paragraph"];
        var parts = form["part"];
        var figures = form["figures"];
        var body = new List<BulletinParagraph>();
        for (var i = 0; i < texts.Count; i++)
        {
            var part = i < parts.Count && int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) && Enum.IsDefined((BulletinPart)p)
                ? (BulletinPart)p
                : BulletinPart.Requirements;
            var keys = i < figures.Count ? (figures[i] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries) : [];
            var lines = (texts[i] ?? string.Empty).ReplaceLineEndings("\n").Split('\n');
            body.AddRange(lines.Select((line, n) => new BulletinParagraph(line, part, n == 0 ? keys : null)));
        }
        var input = new ActionInput(form.Where(f => f.Key is not ("paragraph" or "part" or "figures" or "main" or "copy"))
            .Select(f => new KeyValuePair<string, string?>(f.Key, f.Value.ToString())));
        // The page always sends both lists: an empty select clears them.
        var edit = new BulletinEdit(input.Text("title") ?? string.Empty, body, [.. Units(form["main"], RecipientRole.Main)],
            [.. Units(form["copy"], RecipientRole.Copy)], input.Text("signature") ?? string.Empty,
            input.Date("date", "成文日期"), input.Date("feedbackDueOn", "整改反馈期限"));
        return (edit, input.Version);
    }

    private static IEnumerable<BulletinUnit> Units(Microsoft.Extensions.Primitives.StringValues values, RecipientRole role) =>
        values.Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : -1)
            .Select(id => new BulletinUnit(id, string.Empty, role));
}
