namespace Duban.Core.Documents;

/// <summary>How official documents become PDFs: the LibreOffice to run and the fonts it sees (section "Documents").</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>The fontconfig file the project ships, copied next to the binaries.</summary>
    public static readonly string ShippedFontConfigFile = Path.Combine(AppContext.BaseDirectory, "Documents", "fonts.conf");

    /// <summary>LibreOffice's soffice: a name looked up on PATH, or a path.</summary>
    public string LibreOfficePath { get; set; } = "soffice";

    /// <summary>
    /// FONTCONFIG_FILE for LibreOffice (mapping the official fonts' names to installed free faces); a relative path is
    /// taken from the binaries' folder; empty leaves LibreOffice with the system's configuration.
    /// </summary>
    public string FontConfigFile { get; set; } = ShippedFontConfigFile;

    public int ConversionTimeoutSeconds { get; set; } = 120;

    /// <summary>Where each conversion gets its own folder; empty is the system's temporary folder.</summary>
    public string TemporaryFolder { get; set; } = string.Empty;
}
