using System.Globalization;

namespace Duban.Bench;

/// <summary>How the benches report timings: the first (cold) run apart, then the warm runs' median, min and max.</summary>
internal static class BenchTimes
{
    /// <summary>The median of the warm runs (all but the first), or the first when there is only one.</summary>
    public static double Median(List<double> times)
    {
        var rest = times.Skip(1).Order().ToList();
        return rest.Count == 0 ? times[0] : rest[rest.Count / 2];
    }

    public static void Report(string what, List<double> times)
    {
        var rest = times.Skip(1).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: first {times[0]:F1} ms; median of {rest.Count} {Median(times):F1} ms; min {rest.FirstOrDefault():F1} ms; max {rest.LastOrDefault():F1} ms"));
    }
}
