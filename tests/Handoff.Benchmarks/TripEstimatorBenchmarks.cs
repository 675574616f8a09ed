using BenchmarkDotNet.Attributes;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Travel;
using NodaTime;

namespace Handoff.Benchmarks;

/// <summary>
/// What reported trips cost a travel estimate, which the check makes up to three times per RSM. Baseline: the
/// map model alone. The estimator scans every report kept (a year's worth), so the cost grows with their number;
/// <see cref="Reports"/> spans a small team's year to a large org's. Reports are seeded (Random(42)) around the
/// western US, a tenth of them near the measured trip.
/// </summary>
[MemoryDiagnoser]
public class TripEstimatorBenchmarks
{
    private static readonly Place Fresno = new("Fresno, CA 93706", new GeoPoint(36.7378, -119.7871), "America/Los_Angeles", "US", "CA", "93706", "Fresno");
    private static readonly Place Sacramento = new("Sacramento, CA 95814", new GeoPoint(38.5816, -121.4944), "America/Los_Angeles", "US", "CA", "95814", "Sacramento");
    private static readonly RsmProfile Dana = new("dana@example.com", "Dana Ruiz", Travel: TravelProfile.Default);
    private static readonly Instant Departure = Instant.FromUtc(2026, 12, 3, 17, 30);

    private readonly TravelOptions options = new();
    private TripEstimator estimator = null!;
    private OrgSnapshot org = null!;

    [Params(100, 10_000)]
    public int Reports { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        Place Near(Place p, double km) => p with { Point = new GeoPoint(p.Point.Latitude + (random.NextDouble() - 0.5) * km / 111, p.Point.Longitude + (random.NextDouble() - 0.5) * km / 90) };
        var trips = Enumerable.Range(0, Reports).Select(i =>
        {
            var near = i % 10 == 0;
            var from = near ? Near(Fresno, 20) : Near(Fresno, 1500);
            var to = near ? Near(Sacramento, 20) : Near(Sacramento, 1500);
            var departed = Departure - Duration.FromDays(random.Next(1, 365)) + Duration.FromMinutes(random.Next(-180, 180));
            return new ReportedTrip(Guid.NewGuid(), Dana.Email, from, to, departed, departed + Duration.FromMinutes(150 + random.Next(60)));
        });
        estimator = new TripEstimator(options, new FixedFieldIntel(new FieldIntel(trips: trips)));
        org = new OrgSnapshot([Dana]);
    }

    [Benchmark(Baseline = true)]
    public TravelLeg MapModel() => TravelEstimator.Estimate(Fresno.Point, Sacramento.Point, TravelProfile.Default, options);

    [Benchmark]
    public TripEstimate WithReports() => estimator.Estimate(Dana, Fresno, Sacramento, Departure, null, org);
}
