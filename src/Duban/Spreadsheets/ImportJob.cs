using Duban.Core.Spreadsheets;

namespace Duban.Spreadsheets;

public enum ImportJobState
{
    Waiting,
    Checking,
    Checked,
    Importing,
    Imported,
    Failed,
}

/// <summary>One sheet uploaded through the pages: checked first (a dry run), imported once its owner confirms.</summary>
public sealed class ImportJob(Guid id, int userId, string fileName, string stagedPath, string campaignCode, string? sheet, DateTime createdAt)
{
    /// <summary>The page lists this many errors at most; the rejected-rows file has them all.</summary>
    public const int KeptIssues = 5000;

    public Guid Id { get; } = id;
    public int UserId { get; } = userId;
    public string FileName { get; } = fileName;
    public string StagedPath { get; } = stagedPath;
    public string CampaignCode { get; } = campaignCode;
    public string? Sheet { get; } = sheet;

    public string RejectedPath => StagedPath + ".rejected.xlsx";

    // Written by the background run, read by page requests: each is replaced whole, never changed in place.
    private volatile ImportProgress? _progress;

    public ImportProgress? Progress
    {
        get => _progress;
        internal set => _progress = value;
    }

    public ImportJobState State { get; internal set; } = ImportJobState.Waiting;

    /// <summary>The last check's or import's report, its lists cut to <see cref="KeptIssues"/>.</summary>
    public ImportReport? Report { get; internal set; }

    public int ErrorCount { get; internal set; }
    public int InvalidRows { get; internal set; }
    public int RejectedRows { get; internal set; }
    public string? Error { get; internal set; }

    /// <summary>A note for the page, e.g. why a confirmed import wrote nothing after all.</summary>
    public string? Notice { get; internal set; }

    /// <summary>The column mappings the preview used; the import uses the same, whatever others map meanwhile.</summary>
    public IReadOnlyDictionary<string, LedgerColumn?>? Mappings { get; internal set; }

    /// <summary>When the job last started or finished work; it expires that long after.</summary>
    public DateTime LastActivity { get; internal set; } = createdAt;

    public bool IsRunning => State is ImportJobState.Waiting or ImportJobState.Checking or ImportJobState.Importing;
}
