namespace Duban.Core.Spreadsheets;

public sealed record ImportOptions(string? Sheet = null, bool DryRun = false, bool SkipInvalid = false);

/// <summary>A problem with one cell: the sheet row as Excel numbers it, the column as the file names it, and what to do.</summary>
public sealed record ImportIssue(int Row, string Column, string Message);

/// <summary>A row that was not imported, as the file had it, with what is wrong in it.</summary>
public sealed record RejectedRow(int Number, IReadOnlyList<string?> Cells, string Errors);

/// <summary>What an import found and did. Without --skip-invalid, any error means nothing was imported.</summary>
public sealed record ImportReport(int Rows, int Valid, int Imported, int AlreadyImported, IReadOnlyList<ImportIssue> Errors,
    IReadOnlyList<ImportIssue> Warnings)
{
    public IReadOnlyList<string?> Header { get; init; } = [];

    public IReadOnlyList<RejectedRow> Rejected { get; init; } = [];
}
