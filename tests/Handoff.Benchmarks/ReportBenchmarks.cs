using BenchmarkDotNet.Attributes;
using Handoff.Api.Handoffs;
using Handoff.Api.Outcomes;
using Handoff.Api.Outcomes.Reports;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Handoff.Benchmarks;

/// <summary>
/// The handoff report over 100,000 handoffs in SQLite (26 weeks; 80 % with an outcome, 40 % with a check log):
/// the report of the last 8 weeks (~31,000 handoffs) and of all 26 weeks grouped by SDR, against the baseline of
/// only reading the 26 weeks' report columns (the range query with its two joins). The target is "well under a
/// second" for the whole store. HANDOFF_BENCH_REPORT_ROWS shrinks the store for the smoke run.
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 14, 0);
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"handoff-report-bench-{Guid.NewGuid():N}.db");
    private HandoffDbContext _db = null!;
    private HandoffReportService _reports = null!;
    private readonly ReportReader _manager = new(new Caller("boss@example.com", "boss@example.com", "Boss", false), SeesAll: true);

    public static int Rows => int.TryParse(Environment.GetEnvironmentVariable("HANDOFF_BENCH_REPORT_ROWS"), out var n) ? n : 100_000;

    [GlobalSetup]
    public void Setup()
    {
        var connection = $"Data Source={_file};Pooling=True";
        using (var seed = HandoffDb.Create(DatabaseProvider.Sqlite, connection))
        {
            seed.Database.Migrate();
            seed.ChangeTracker.AutoDetectChangesEnabled = false;
            var random = new Random(13);
            string[] sdrs = [.. Enumerable.Range(0, 40).Select(i => $"sdr{i:00}@example.com")];
            string[] rsms = [.. Enumerable.Range(0, 60).Select(i => $"rsm{i:00}@example.com")];
            string[] codes = ["PROSPECT_OUTSIDE_BUSINESS_HOURS", "RSM_BUSY", "TRAVEL_TIME_BEFORE", "RSM_OUTSIDE_WORKING_HOURS", "DIFFERENT_DAY"];
            string[] zones = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"];
            // Handoffs are recorded as they are sent, so rows arrive in (roughly) time order, as in a real store.
            var starts = Enumerable.Range(0, Rows).Select(_ => Now - Duration.FromMinutes(random.Next(26 * 7 * 24 * 60))).Order().ToArray();
            for (var i = 0; i < Rows; i++)
            {
                var start = starts[i];
                var sent = start - Duration.FromHours(2 + random.Next(120));
                var sentAnyway = random.Next(8) == 0 ? $"|{codes[random.Next(codes.Length)]}|" : "";
                var h = new HandoffEntity
                {
                    Id = Guid.NewGuid(), Key = $"bench-{i:000000}", SdrKey = sdrs[random.Next(sdrs.Length)], RsmKeys = $"|{rsms[random.Next(rsms.Length)]}|",
                    Territory = $"Territory {random.Next(12)}", Vertical = random.Next(2) == 0 ? "metals-recycling" : "food-processing",
                    LeadInAt = sent - Duration.FromMinutes(1 + random.Next(600)), SentAnyway = sentAnyway, ProspectZone = zones[random.Next(zones.Length)],
                    Start = start, End = start + Duration.FromHours(1), ContentHash = "x", Record = HandoffRecordData.Empty, Version = 1, CreatedAt = sent, UpdatedAt = sent,
                };
                seed.Handoffs.Add(h);
                if (random.Next(10) < 8)
                {
                    seed.HandoffOutcomes.Add(new HandoffOutcomeEntity
                    {
                        Id = Guid.NewGuid(), HandoffId = h.Id, HandoffKey = h.Key, Kind = (OutcomeKind)random.Next(6), RecordedBy = "bench", HandoffVersion = 1,
                        RecordedAt = h.End, Version = 1, CreatedAt = h.End, UpdatedAt = h.End,
                    });
                }
                if (random.Next(10) < 4)
                {
                    seed.DraftCheckLogs.Add(new DraftCheckLogEntity
                    {
                        Id = Guid.NewGuid(), HandoffKey = h.Key, FirstAt = sent, LastAt = sent, FirstVerdict = "review", LastVerdict = "ok",
                        FirstCodes = $"|{codes[random.Next(codes.Length)]}|", SeenCodes = $"|{codes[random.Next(codes.Length)]}|", Checks = 3, Changes = 1,
                    });
                }
                if (i % 5000 == 4999)
                {
                    seed.SaveChanges();
                    seed.ChangeTracker.Clear();
                }
            }
            seed.SaveChanges();
        }
        _db = HandoffDb.Create(DatabaseProvider.Sqlite, connection);
        _reports = new HandoffReportService(_db, new StoppedClock(Now), Options.Create(new OutcomeOptions()));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _db.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(f);
        }
    }

    [Benchmark(Baseline = true, Description = "read 26 weeks of report columns")]
    public async Task<int> ReadAll() =>
        (await _reports.LoadAsync(Now - Duration.FromDays(26 * 7 + 1), Now + Duration.FromDays(1), _manager, CancellationToken.None)).Count;

    [Benchmark(Description = "report, last 8 weeks by week")]
    public async Task<int> EightWeeks() =>
        (await _reports.BuildAsync(new LocalDate(2026, 9, 28), new LocalDate(2026, 11, 23), ReportGroupBy.Week, _manager, CancellationToken.None)).Totals.Booked;

    [Benchmark(Description = "report, all 26 weeks by SDR")]
    public async Task<int> AllBySdr() =>
        (await _reports.BuildAsync(new LocalDate(2026, 5, 25), new LocalDate(2026, 11, 23), ReportGroupBy.Sdr, _manager, CancellationToken.None)).Totals.Booked;
}
