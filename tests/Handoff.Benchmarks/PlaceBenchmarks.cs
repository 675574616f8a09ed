using BenchmarkDotNet.Attributes;
using Handoff.Places;
using Handoff.Scheduling.Places;

namespace Handoff.Benchmarks;

/// <summary>
/// Resolving meeting locations against the offline gazetteer. Baseline: one frozen-dictionary lookup of a ZIP,
/// the floor any parse pays. Inputs are the shapes SDRs type; the gazetteer is loaded in setup, not measured.
/// </summary>
[MemoryDiagnoser]
public class PlaceBenchmarks
{
    private Gazetteer gazetteer = null!;
    private GazetteerPlaceResolver resolver = null!;
    // What a check passes: the prospect's e-mail country, the invited RSM's home base and zones.
    private readonly PlaceHints hints = new(["GB"], [new Place("Chicago, IL", new GeoPoint(41.85, -87.65), "America/Chicago", "US", "IL")], ["America/Chicago"]);

    [GlobalSetup]
    public void Setup()
    {
        gazetteer = Gazetteer.Default;
        resolver = new GazetteerPlaceResolver(gazetteer);
    }

    [Benchmark(Baseline = true)]
    public GazetteerEntry? ZipLookup() => gazetteer.TryGetPostalCode("93706", out var entry) ? entry : null;

    [Benchmark]
    public LocationMatch Zip() => resolver.Resolve("93706");

    [Benchmark]
    public LocationMatch CityAndState() => resolver.Resolve("Fresno, CA");

    [Benchmark]
    public LocationMatch FullAddress() => resolver.Resolve("Acme Metals, 2200 E Jensen Ave Ste 4, Fresno, CA 93706");

    [Benchmark]
    public LocationMatch CanadianAddress() => resolver.Resolve("Suite 300, 1 Main St., Toronto, ON M5H 2N2");

    [Benchmark]
    public LocationMatch TeamsLink() => resolver.Resolve("https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjE2%40thread.v2/0");

    [Benchmark]
    public LocationMatch Unknown() => resolver.Resolve("Conference room B");

    [Benchmark]
    public LocationMatch Coordinates() => resolver.Resolve("36.74,-119.78");

    [Benchmark]
    public LocationMatch UkAddress() => resolver.Resolve("Acme Ltd, 1 Poultry, London EC2R 8EJ, United Kingdom");

    [Benchmark]
    public LocationMatch GermanAddress() => resolver.Resolve("Acme GmbH, Friedrichstraße 43, 10117 Berlin, Deutschland");

    [Benchmark]
    public LocationMatch CityRegionCountry() => resolver.Resolve("Munich, Bavaria, Germany");

    [Benchmark]
    public LocationMatch NonLatinCountry() => resolver.Resolve("Osaka, 日本");

    [Benchmark]
    public LocationMatch AmbiguousWithHints() => resolver.Resolve("Springfield", hints);
}
