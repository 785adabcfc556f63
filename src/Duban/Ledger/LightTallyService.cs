using Duban.Core.Ledger;

namespace Duban.Ledger;

/// <summary>Builds the light tally once the database is ready, then again whenever a reader finds it behind (see LightTally).</summary>
internal sealed class LightTallyService(LightTally tally, ILogger<LightTallyService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await tally.RebuildAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The tally is an optimisation: without it the counts come from the database.
                logger.LogWarning(e, "Rebuilding the light tally failed");
            }
            await Task.Delay(LightTally.MinRebuildInterval, stoppingToken);
            await tally.WaitForRebuildRequestAsync(stoppingToken);
        }
    }
}
