using Duban.Bench;

// bench tool: fills a data folder with a ledger of N items for bench/run.sh, and runs the spreadsheet steps.
//   dotnet Duban.Bench.dll generate --data DIR [--items 1000000] [--units 500]
//   dotnet Duban.Bench.dll sheets STEP [--dir DIR] [--rows N]   (bench/sheets.sh runs the steps)
//   dotnet Duban.Bench.dll slips --data DIR [--runs 21] [--issue N]   (times the urge-slip proposal)
//   dotnet Duban.Bench.dll draws --data DIR [--count 100] [--rounds 3]   (a draw over the closed items, and its verify)
//   dotnet Duban.Bench.dll bulletins --data DIR [--runs 11]   (a bulletin's draft over the whole campaign, and its .docx)
//   dotnet Duban.Bench.dll assessment --data DIR [--runs 5]   (a yearly assessment of every unit, read back, and its sheet)
//   dotnet Duban.Bench.dll dashboard --data DIR [--runs 21]   (the dashboard's query in process; bench/dashboard.sh over HTTP)
//   dotnet Duban.Bench.dll signals --data DIR [--runs 11]   (gives items histories if they have none; the 病相 computation and board)
if (args.FirstOrDefault() == "sheets")
{
    return await SheetBench.RunAsync(args);
}
if (args.FirstOrDefault() == "slips")
{
    return await SlipBench.RunAsync(args);
}
if (args.FirstOrDefault() == "draws")
{
    return await DrawBench.RunAsync(args);
}
if (args.FirstOrDefault() == "dashboard")
{
    return await DashboardBench.RunAsync(args);
}
if (args.FirstOrDefault() == "bulletins")
{
    return await BulletinBench.RunAsync(args);
}
if (args.FirstOrDefault() == "signals")
{
    return await SignalBench.RunAsync(args);
}
if (args.FirstOrDefault() == "assessment")
{
    return await AssessmentBench.RunAsync(args);
}
var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: Duban.Bench generate --data DIR [--items N] [--units N]");
    return 2;
}
await LedgerGenerator.RunAsync(options);
return 0;
