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
/// The handoff report over 100,000 handoffs (26 weeks; 80 % with an outcome, 40 % with a check log; each row carries
/// a ~1.3 KB JSON record like a real send), in SQLite and, when HANDOFF_TEST_POSTGRES names a server, PostgreSQL:
/// the report of the last 8 weeks (~31,000 handoffs) and of all 26 weeks grouped by SDR, against the baseline of the
/// first version's read (the range query joining each handoff to its outcome and check log). The target is "well
/// under a second" for the whole store. HANDOFF_BENCH_REPORT_ROWS shrinks the store for the smoke run.
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 14, 0);
    private readonly ReportReader _manager = new(new Caller("boss@example.com", "boss@example.com", "Boss", false), SeesAll: true);
    private BenchDatabase _store = null!;
    private HandoffDbContext _db = null!;
    private HandoffReportService _reports = null!;

    public static int Rows => int.TryParse(Environment.GetEnvironmentVariable("HANDOFF_BENCH_REPORT_ROWS"), out var n) ? n : 100_000;

    public static IEnumerable<DatabaseProvider> Providers() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(BenchDatabase.PostgresVariable))
            ? [DatabaseProvider.Sqlite]
            : [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [ParamsSource(nameof(Providers))]
    public DatabaseProvider Provider { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _store = BenchDatabase.Create(Provider, "report");
        using (var seed = HandoffDb.Create(Provider, _store.ConnectionString))
        {
            seed.Database.Migrate();
            ReportBenchData.Seed(seed, Rows, Now);
            if (Provider == DatabaseProvider.Postgres)
            {
                seed.Database.ExecuteSqlRaw("VACUUM ANALYZE"); // what autovacuum does to a table that has just grown
            }
        }
        _db = HandoffDb.Create(Provider, _store.ConnectionString);
        _reports = new HandoffReportService(_db, new StoppedClock(Now), Options.Create(new OutcomeOptions()));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _db.Dispose();
        _store.Dispose();
    }

    [Benchmark(Baseline = true, Description = "first version's read: 26 weeks joined to outcomes and check logs")]
    public async Task<int> JoinedRead()
    {
        var (since, until) = (Now - Duration.FromDays(26 * 7 + 1), Now + Duration.FromDays(1));
        var rows = await (
            from h in _db.Handoffs.AsNoTracking().Where(h => h.Start >= since && h.Start < until)
            join o in _db.HandoffOutcomes on h.Id equals o.HandoffId into os
            from o in os.DefaultIfEmpty()
            join c in _db.DraftCheckLogs on h.Key equals c.HandoffKey into cs
            from c in cs.DefaultIfEmpty()
            select new ReportRow(h.Key, h.SdrKey, h.RsmKeys, h.Territory, h.Vertical, h.Start, h.End, h.CreatedAt, h.LeadInAt, h.SentAnyway,
                h.ProspectZone, o == null ? null : o.Kind, o == null ? null : o.NewStart, o == null ? null : o.NewEnd, o == null ? null : o.Amount,
                c == null ? null : c.SeenCodes)).ToListAsync();
        return rows.Count;
    }

    [Benchmark(Description = "read 26 weeks of report columns (one scan)")]
    public async Task<int> ReadAll() =>
        (await _reports.LoadAsync(Now - Duration.FromDays(26 * 7 + 1), Now + Duration.FromDays(1), _manager, CancellationToken.None)).Count;

    [Benchmark(Description = "report, last 8 weeks by week")]
    public async Task<int> EightWeeks() =>
        (await _reports.BuildAsync(new LocalDate(2026, 9, 28), new LocalDate(2026, 11, 23), ReportGroupBy.Week, _manager, CancellationToken.None)).Totals.Booked;

    [Benchmark(Description = "report, all 26 weeks by SDR")]
    public async Task<int> AllBySdr() =>
        (await _reports.BuildAsync(new LocalDate(2026, 5, 25), new LocalDate(2026, 11, 23), ReportGroupBy.Sdr, _manager, CancellationToken.None)).Totals.Booked;
}
