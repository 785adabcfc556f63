using System.Collections.Concurrent;
using Duban.Core.Accounts;
using Duban.Core.Common;
using Duban.Core.Data;
using Duban.Core.Spreadsheets;

namespace Duban.Spreadsheets;

/// <summary>
/// Runs page imports in the background so a large sheet shows a progress bar rather than a hanging request. The file
/// waits under data/imports until it is imported or the job expires (<see cref="Lifetime"/> after its last work; the
/// folder is swept at start and every few minutes). One import runs at a time, so memory stays bounded. Jobs live in
/// this instance's memory: behind a load balancer, the import pages need sticky sessions.
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, DatabaseSettings database, TimeProvider clock, ILogger<ImportJobs> log)
    : BackgroundService
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    private string Folder => Path.Combine(database.DataDirectory, "imports");

    /// <summary>Keeps the uploaded file and starts checking it.</summary>
    public async Task<ImportJob> StartAsync(int userId, Stream content, string fileName, string campaignCode, string? sheet,
        long maxBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var id = Guid.NewGuid();
        var staged = Path.Combine(Folder, id.ToString("N") + Path.GetExtension(fileName).ToLowerInvariant());
        try
        {
            await using var file = File.Create(staged);
            await CopyWithLimitAsync(content, file, maxBytes, cancellationToken);
        }
        catch
        {
            File.Delete(staged);
            throw;
        }
        var job = new ImportJob(id, userId, Path.GetFileName(fileName), staged, campaignCode, sheet, clock.GetUtcNow().UtcDateTime);
        _jobs[id] = job;
        Begin(job, [ImportJobState.Waiting], ImportJobState.Checking, new ImportOptions(sheet, DryRun: true));
        return job;
    }

    /// <summary>The user's own job, or null (another user's job is as good as missing).</summary>
    public ImportJob? Find(Guid id, int userId) =>
        _jobs.TryGetValue(id, out var job) && job.UserId == userId && !Expired(job) ? job : null;

    /// <summary>Refuses work on a job that is busy or done, before anything else is changed for it.</summary>
    public static void EnsureCheckable(ImportJob job)
    {
        if (job.State is not (ImportJobState.Checked or ImportJobState.Failed))
        {
            throw Busy(job);
        }
    }

    /// <summary>Checks the file again, after the user mapped columns by hand.</summary>
    public void Recheck(ImportJob job) =>
        Begin(job, [ImportJobState.Checked, ImportJobState.Failed], ImportJobState.Checking, new ImportOptions(job.Sheet, DryRun: true));

    /// <summary>
    /// Imports the checked file: all rows, or with <paramref name="skipInvalid"/> only the valid ones; rows naming
    /// items that exist are skipped, or with <paramref name="updateExisting"/> update those items.
    /// </summary>
    public void Confirm(ImportJob job, bool skipInvalid, bool updateExisting)
    {
        if (job.State == ImportJobState.Checked && job.ErrorCount > 0 && !skipInvalid)
        {
            throw SpreadsheetErrors.RowsHaveErrors();
        }
        if (job.State == ImportJobState.Checked && job.Report is { Valid: 0 })
        {
            throw SpreadsheetErrors.NothingToImport();
        }
        if (job.State == ImportJobState.Checked && job.Report is { New: 0 } && !updateExisting)
        {
            throw SpreadsheetErrors.AllExist();
        }
        Begin(job, [ImportJobState.Checked], ImportJobState.Importing,
            new ImportOptions(job.Sheet, SkipInvalid: skipInvalid, UpdateExisting: updateExisting));
    }

    private static DubanException Busy(ImportJob job) =>
        new(ErrorKind.Conflict, job.IsRunning ? "导入任务正在进行，请稍候。" : "这个文件已经导入过了。");

    /// <summary>Moves the job on atomically (a double click starts one run, not two) and runs the work in the background.</summary>
    private void Begin(ImportJob job, ImportJobState[] from, ImportJobState to, ImportOptions options)
    {
        lock (job)
        {
            if (!from.Contains(job.State))
            {
                throw Busy(job);
            }
            job.State = ImportJobState.Waiting;
            job.Progress = null;
            job.Error = null;
            job.Notice = null;
            job.LastActivity = clock.GetUtcNow().UtcDateTime;
        }
        _ = Task.Run(() => RunAsync(job, to, options));
    }

    private async Task RunAsync(ImportJob job, ImportJobState state, ImportOptions options)
    {
        await _oneAtATime.WaitAsync();
        try
        {
            job.State = state;
            File.Delete(job.RejectedPath);
            var checking = state == ImportJobState.Checking;
            var report = await ImportAsync(job, options with { Progress = new Reporter(job) });
            if (report.Rejected.Count > 0)
            {
                await using var output = File.Create(job.RejectedPath);
                await RejectedRows.WriteAsync(output, report);
            }
            Keep(job, report);
            if (!checking && report.Errors.Count > 0 && (!options.SkipInvalid || report.Valid == 0))
            {
                // The data changed since the check (a unit or category gone): nothing was written; show why.
                job.Notice = "导入前再次检查时发现错误，未导入任何行。请查看下面的错误。";
                job.State = ImportJobState.Checked;
            }
            else
            {
                job.State = checking ? ImportJobState.Checked : ImportJobState.Imported;
                if (!checking)
                {
                    File.Delete(job.StagedPath);
                }
            }
        }
        catch (DubanException e)
        {
            job.Error = e.Message;
            job.State = ImportJobState.Failed;
        }
        catch (Exception e)
        {
            // Nothing waits on this task: whatever went wrong must end up on the job, or its page would spin forever.
            log.LogError(e, "Import {Job} of {File} failed", job.Id, job.FileName);
            job.Error = "导入时出错，未导入任何行。请稍后重试；问题持续时请联系系统管理员。";
            job.State = ImportJobState.Failed;
        }
        finally
        {
            job.LastActivity = clock.GetUtcNow().UtcDateTime;
            _oneAtATime.Release();
        }
    }

    // The rejected rows are on disk now; the job keeps the figures and as many issues as a person would read.
    private static void Keep(ImportJob job, ImportReport report)
    {
        job.ErrorCount = report.Errors.Count;
        job.InvalidRows = report.Errors.Select(e => e.Row).Distinct().Count(r => r > 0);
        job.RejectedRows = report.Rejected.Count;
        job.Report = report with
        {
            Rejected = [],
            Errors = [.. report.Errors.Take(ImportJob.KeptIssues)],
            Warnings = [.. report.Warnings.Take(ImportJob.KeptIssues)],
        };
    }

    private async Task<ImportReport> ImportAsync(ImportJob job, ImportOptions options)
    {
        await using var scope = scopes.CreateAsyncScope();
        var actor = await scope.ServiceProvider.GetRequiredService<ActorLoader>().LoadForBackgroundWorkAsync(job.UserId)
            ?? throw SpreadsheetErrors.AccountDisabled();
        scope.ServiceProvider.GetRequiredService<ScopedActorAccessor>().Actor = actor;
        // The preview's mappings are the import's: what the user saw is what comes in.
        if (options.DryRun || job.Mappings is null)
        {
            job.Mappings = await scope.ServiceProvider.GetRequiredService<ColumnMappings>().LoadAsync();
        }
        await using var content = File.OpenRead(job.StagedPath);
        return await scope.ServiceProvider.GetRequiredService<LedgerImporter>()
            .ImportAsync(content, job.FileName, job.CampaignCode, options with { Mappings = job.Mappings });
    }

    private static async Task CopyWithLimitAsync(Stream content, Stream target, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw TooLarge(maxBytes);
            }
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        if (total == 0)
        {
            throw SpreadsheetErrors.FileEmpty();
        }
    }

    public static DubanException TooLarge(long maxBytes) =>
        new(ErrorKind.Validation, $"文件超过 {(maxBytes >= 1024 * 1024 ? $"{maxBytes / 1024 / 1024} MB" : $"{maxBytes / 1024} KB")} 的上限，请分成几个文件导入。");

    private bool Expired(ImportJob job) => !job.IsRunning && clock.GetUtcNow().UtcDateTime - job.LastActivity > Lifetime;

    /// <summary>Sweeps at start (files left by a previous run) and then every few minutes.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SweepEvery, clock);
        do
        {
            Sweep();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Drops expired jobs and any staged file that no live job owns and that is older than the lifetime.</summary>
    internal void Sweep()
    {
        foreach (var job in _jobs.Values.Where(Expired))
        {
            _jobs.TryRemove(job.Id, out _);
        }
        if (!Directory.Exists(Folder))
        {
            return;
        }
        var live = _jobs.Values.SelectMany(j => new[] { j.StagedPath, j.RejectedPath }).ToHashSet();
        foreach (var file in Directory.EnumerateFiles(Folder))
        {
            if (!live.Contains(file) && clock.GetUtcNow().UtcDateTime - File.GetLastWriteTimeUtc(file) > Lifetime)
            {
                File.Delete(file);
            }
        }
    }

    public override void Dispose()
    {
        _oneAtATime.Dispose();
        base.Dispose();
    }

    // Progress<T> would post to a synchronisation context; the page only needs the latest figure.
    private sealed class Reporter(ImportJob job) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => job.Progress = value;
    }
}
