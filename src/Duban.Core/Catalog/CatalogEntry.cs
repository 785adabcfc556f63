using Duban.Core.Common;

namespace Duban.Core.Catalog;

/// <summary>One problem of the catalog (问题目录), with the text it comes from and the other spellings it goes by.</summary>
public sealed class CatalogEntry
{
    public const int TitleMaxLength = 100;
    public const int DescriptionMaxLength = 2000;
    public const int AliasesMaxLength = 200;
    public const int SourceMaxLength = 200;

    /// <summary>Aliases are stored as one text joined by this separator (the enumeration comma).</summary>
    public const char AliasSeparator = '、';

    public int Id { get; private set; }
    public CatalogSet Set { get; private set; }
    public string Code { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;
    public string? Description { get; private set; }
    public string? Aliases { get; private set; }
    public string Source { get; private set; } = string.Empty;
    public int SortOrder { get; private set; }

    /// <summary>True for entries the source names without wording (the office's six aspects), to be filled in.</summary>
    public bool IsPlaceholder { get; private set; }

    /// <summary>Built-in entries come with the system; seeding never overwrites a supervisor's edits to them.</summary>
    public bool IsBuiltIn { get; private set; }

    private CatalogEntry()
    {
    }

    internal CatalogEntry(CatalogSet set, string code, int sortOrder, string title, string? description,
        string? aliases, string source, bool isPlaceholder)
    {
        Set = set;
        Code = code;
        SortOrder = sortOrder;
        Title = title;
        Description = description;
        Aliases = aliases;
        Source = source;
        IsPlaceholder = isPlaceholder;
        IsBuiltIn = true;
    }

    public IReadOnlyList<string> AliasList =>
        Aliases?.Split(AliasSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>True when the text is this entry's title or one of its aliases.</summary>
    public bool IsCalled(string text)
    {
        var name = InputText.Clean(text);
        return Title == name || AliasList.Contains(name);
    }

    /// <summary>Changes the entry; saving a placeholder confirms it, otherwise a save that changes nothing is refused.</summary>
    public void Edit(string title, string? description, string? aliases, string source)
    {
        var before = (Title, Description, Aliases, Source, IsPlaceholder);
        Title = Check.Text(title, "名称", TitleMaxLength);
        Description = Check.OptionalText(description, "说明", DescriptionMaxLength, multiLine: true);
        var aliasText = Check.Text(aliases?.Replace('，', AliasSeparator).Replace(',', AliasSeparator), "别名", AliasesMaxLength, required: false);
        var aliasList = aliasText.Split(AliasSeparator).Select(a => InputText.Clean(a)).Where(a => a.Length > 0).ToList();
        Aliases = aliasList.Count == 0 ? null : string.Join(AliasSeparator, aliasList);
        Source = Check.Text(source, "来源", SourceMaxLength);
        IsPlaceholder = false;
        if ((Title, Description, Aliases, Source, IsPlaceholder) == before)
        {
            throw CommonErrors.NothingChanged();
        }
    }
}
