namespace Duban.Core.Spreadsheets;

/// <param name="UpdateExisting">
/// Rows naming items that exist are skipped; with this, each such item is updated where the row differs, through
/// the item's own edit (history, rules), its workflow state untouched.
/// </param>
public sealed record ImportOptions(string? Sheet = null, bool DryRun = false, bool SkipInvalid = false, bool UpdateExisting = false)
{
    /// <summary>Told how far the import has come, for a progress bar; may be null.</summary>
    public IProgress<ImportProgress>? Progress { get; init; }

    /// <summary>
    /// The hand-made column mappings to use, as they were when the user saw the preview; null reads them afresh.
    /// </summary>
    public IReadOnlyDictionary<string, LedgerColumn?>? Mappings { get; init; }
}

public enum ImportPhase
{
    /// <summary>Reading and checking rows as they come (how many the sheet holds is not known yet).</summary>
    Checking,
    Saving,
}

/// <summary>How far an import has come: rows done in the current phase, of how many when known.</summary>
public sealed record ImportProgress(ImportPhase Phase, int Done, int? Total);

/// <summary>A problem with one cell: the sheet row as Excel numbers it, the column as the file names it, and what to do.</summary>
public sealed record ImportIssue(int Row, string Column, string Message);

/// <summary>A row that was not imported, as the file had it, with what is wrong in it.</summary>
public sealed record RejectedRow(int Number, IReadOnlyList<string?> Cells, string Errors);

/// <summary>
/// What an import found and did. Without --skip-invalid, any error means nothing was imported. Valid rows are either
/// new (imported) or name an item that exists (<see cref="Existing"/>: by 编号 in the campaign, or imported before
/// from the same file), which is never created again; <see cref="Updated"/> of those were changed when asked.
/// </summary>
public sealed record ImportReport(int Rows, int Valid, int Imported, int Existing, IReadOnlyList<ImportIssue> Errors,
    IReadOnlyList<ImportIssue> Warnings)
{
    /// <summary>Existing items changed by the rows (or, in a dry run, that would be).</summary>
    public int Updated { get; init; }

    /// <summary>Valid rows that would create an item.</summary>
    public int New => Valid - Existing;

    public IReadOnlyList<string?> Header { get; init; } = [];

    public IReadOnlyList<RejectedRow> Rejected { get; init; } = [];

    /// <summary>The first valid rows as the import understood them, for the preview before confirming.</summary>
    public IReadOnlyList<PreviewRow> Preview { get; init; } = [];

    /// <summary>Headers that neither the synonym table nor a remembered mapping knows: the user may map them.</summary>
    public IReadOnlyList<string> Unmapped { get; init; } = [];
}

/// <summary>
/// A valid row as it will be imported: where it goes, what it says, when it is due and in which state, and the code of
/// the item it names when that exists.
/// </summary>
public sealed record PreviewRow(int Row, string Unit, string Problem, string Deadline, Ledger.ItemState State, string? Existing);
