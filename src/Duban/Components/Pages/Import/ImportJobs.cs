using System.Collections.Concurrent;
using Duban.Core.Accounts;
using Duban.Core.Common;
using Duban.Core.Data;
using Duban.Core.Spreadsheets;

namespace Duban.Components.Pages.Import;

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
    public Guid Id { get; } = id;
    public int UserId { get; } = userId;
    public string FileName { get; } = fileName;
    public string StagedPath { get; } = stagedPath;
    public string CampaignCode { get; } = campaignCode;
    public string? Sheet { get; } = sheet;
    public DateTime CreatedAt { get; } = createdAt;

    public string RejectedPath => StagedPath + ".rejected.xlsx";

    // Written by the background run, read by page requests: each is replaced whole, never changed in place.
    private volatile ImportProgress? _progress;

    public ImportProgress? Progress
    {
        get => _progress;
        internal set => _progress = value;
    }

    public ImportJobState State { get; internal set; } = ImportJobState.Waiting;
    public ImportReport? Report { get; internal set; }
    public string? Error { get; internal set; }

    public bool IsRunning => State is ImportJobState.Waiting or ImportJobState.Checking or ImportJobState.Importing;
}

/// <summary>
/// Runs page imports in the background so a large sheet shows a progress bar rather than a hanging request. The file
/// waits under data/imports; one import runs at a time (memory stays bounded); jobs and their files are dropped after
/// <see cref="Lifetime"/>. Jobs live in this instance's memory: behind a load balancer, uploads need sticky sessions.
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, DatabaseSettings database, TimeProvider clock, ILogger<ImportJobs> log)
    : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    private string Folder => Path.Combine(database.DataDirectory, "imports");

    /// <summary>Keeps the uploaded file and starts checking it.</summary>
    public async Task<ImportJob> StartAsync(int userId, Stream content, string fileName, string campaignCode, string? sheet,
        long maxBytes, CancellationToken cancellationToken)
    {
        DropExpired();
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
        Run(job, ImportJobState.Checking, new ImportOptions(sheet, DryRun: true));
        return job;
    }

    /// <summary>The user's own job, or null (another user's job is as good as missing).</summary>
    public ImportJob? Find(Guid id, int userId) =>
        _jobs.TryGetValue(id, out var job) && job.UserId == userId && !Expired(job) ? job : null;

    /// <summary>Checks the file again, after the user mapped columns by hand.</summary>
    public void Recheck(ImportJob job)
    {
        EnsureIdle(job, ImportJobState.Checked, ImportJobState.Failed);
        Run(job, ImportJobState.Checking, new ImportOptions(job.Sheet, DryRun: true));
    }

    /// <summary>Imports the checked file: all rows, or with <paramref name="skipInvalid"/> only the valid ones.</summary>
    public void Confirm(ImportJob job, bool skipInvalid)
    {
        EnsureIdle(job, ImportJobState.Checked);
        if (job.Report is { } report && report.Errors.Count > 0 && !skipInvalid)
        {
            throw new DubanException(ErrorKind.Validation, "文件中有错误行：请改正后重新上传，或选择跳过错误行导入其余各行。");
        }
        if (job.Report is { Valid: 0 })
        {
            throw new DubanException(ErrorKind.Validation, "没有可以导入的正确行。");
        }
        Run(job, ImportJobState.Importing, new ImportOptions(job.Sheet, SkipInvalid: skipInvalid));
    }

    private static void EnsureIdle(ImportJob job, params ImportJobState[] allowed)
    {
        if (!allowed.Contains(job.State))
        {
            throw new DubanException(ErrorKind.Conflict, job.IsRunning ? "导入任务正在进行，请稍候。" : "这个文件已经导入过了。");
        }
    }

    private void Run(ImportJob job, ImportJobState state, ImportOptions options)
    {
        job.State = ImportJobState.Waiting;
        job.Progress = null;
        job.Error = null;
        File.Delete(job.RejectedPath);
        _ = Task.Run(async () =>
        {
            await _oneAtATime.WaitAsync();
            try
            {
                job.State = state;
                var report = await ImportAsync(job, options with { Progress = new Reporter(job) });
                if (report.Rejected.Count > 0)
                {
                    await using var output = File.Create(job.RejectedPath);
                    await RejectedRows.WriteAsync(output, report);
                }
                // The rejected rows are on disk now; the job keeps only what the page shows.
                job.Report = report with { Rejected = [] };
                job.State = state == ImportJobState.Checking ? ImportJobState.Checked : ImportJobState.Imported;
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
                _oneAtATime.Release();
            }
        });
    }

    private async Task<ImportReport> ImportAsync(ImportJob job, ImportOptions options)
    {
        await using var scope = scopes.CreateAsyncScope();
        var actor = await scope.ServiceProvider.GetRequiredService<ActorLoader>().LoadAsync(job.UserId)
            ?? throw new DubanException(ErrorKind.Forbidden, "账户已停用，导入已取消。");
        scope.ServiceProvider.GetRequiredService<ScopedActorAccessor>().Actor = actor;
        await using var content = File.OpenRead(job.StagedPath);
        return await scope.ServiceProvider.GetRequiredService<LedgerImporter>()
            .ImportAsync(content, job.FileName, job.CampaignCode, options);
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
            throw new DubanException(ErrorKind.Validation, "文件是空的。");
        }
    }

    public static DubanException TooLarge(long maxBytes) =>
        new(ErrorKind.Validation, $"文件超过 {(maxBytes >= 1024 * 1024 ? $"{maxBytes / 1024 / 1024} MB" : $"{maxBytes / 1024} KB")} 的上限，请分成几个文件导入。");

    private bool Expired(ImportJob job) => clock.GetUtcNow().UtcDateTime - job.CreatedAt > Lifetime;

    private void DropExpired()
    {
        foreach (var job in _jobs.Values.Where(j => Expired(j) && !j.IsRunning))
        {
            if (_jobs.TryRemove(job.Id, out _))
            {
                File.Delete(job.StagedPath);
                File.Delete(job.RejectedPath);
            }
        }
    }

    public void Dispose() => _oneAtATime.Dispose();

    // Progress<T> would post to a synchronisation context; the page only needs the latest figure.
    private sealed class Reporter(ImportJob job) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => job.Progress = value;
    }
}
