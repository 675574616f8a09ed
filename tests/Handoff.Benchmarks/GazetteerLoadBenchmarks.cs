using System.IO.Compression;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Handoff.Places;

namespace Handoff.Benchmarks;

/// <summary>
/// Loading the gazetteer (decompress, parse, build the frozen indexes and the grid), as the API's background
/// warm-up does once per process. Baseline: the US and Canadian rows alone (what the data held before it went
/// worldwide), cut from the same file in setup so both load through the same reader in one run.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class GazetteerLoadBenchmarks
{
    private byte[] world = null!;
    private byte[] northAmerica = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var resource = typeof(Gazetteer).Assembly.GetManifestResourceStream("Handoff.Places.gazetteer.tsv.gz")!;
        using var memory = new MemoryStream();
        resource.CopyTo(memory);
        world = memory.ToArray();
        using var reader = new StreamReader(new GZipStream(new MemoryStream(world), CompressionMode.Decompress), Encoding.UTF8);
        var lines = new List<string> { reader.ReadLine()!, reader.ReadLine()! };
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split('\t');
            if (fields[0] is "Z" or "F" || (fields[0] == "C" && fields[4] is "US" or "CA"))
            {
                lines.Add(line);
            }
        }
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        }
        northAmerica = output.ToArray();
    }

    [Benchmark(Baseline = true)]
    public Gazetteer UsAndCanadaOnly() => Gazetteer.Load(new MemoryStream(northAmerica));

    [Benchmark]
    public Gazetteer Worldwide() => Gazetteer.Load(new MemoryStream(world));
}
