using Duban.Bench;

// bench generator: fills a data folder with a ledger of N items for bench/run.sh.
//   dotnet Duban.Bench.dll generate --data DIR [--items 1000000] [--units 500]
var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: Duban.Bench generate --data DIR [--items N] [--units N]");
    return 2;
}
await LedgerGenerator.RunAsync(options);
return 0;
