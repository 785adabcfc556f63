namespace Duban.Modules;

/// <summary>
/// 我的待办's loads, one at a time. Its sections (<see cref="IDubanModule.MyWork"/>) share the request's database
/// context, and Blazor starts each section's loading while the page and the other sections still wait for theirs: a
/// context runs one query at a time, so each load waits for the one before it. The page cascades one to its sections.
/// </summary>
public sealed class MyWorkLoads
{
    // Blazor runs a request's components on one synchronisation context, so the tail needs no lock.
    private Task _tail = Task.CompletedTask;

    public Task<T> RunAsync<T>(Func<Task<T>> load)
    {
        var run = AfterAsync(_tail, load);
        _tail = run;
        return run;
    }

    private static async Task<T> AfterAsync<T>(Task before, Func<Task<T>> load)
    {
        // A load that failed is its own section's error; the next one still runs.
        await before.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return await load();
    }
}
