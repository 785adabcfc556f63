using Duban.Cli;

return await DubanCommandLine.RunAsync(args);

/// <summary>The entry point; public so the test host can start the real pipeline.</summary>
public partial class Program;
