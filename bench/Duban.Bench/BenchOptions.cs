using System.Globalization;

namespace Duban.Bench;

internal sealed record BenchOptions(string DataDir, int Items, int Units)
{
    public static BenchOptions? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != "generate")
        {
            return null;
        }
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var data = Value("--data");
        return data is null ? null : new BenchOptions(data,
            int.Parse(Value("--items") ?? "1000000", CultureInfo.InvariantCulture),
            int.Parse(Value("--units") ?? "500", CultureInfo.InvariantCulture));
    }
}
