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
    private HandoffDbContext _db = null!;
    private HandoffReportService _reports = null!;

    public static int Rows => int.TryParse(Environment.GetEnvironmentVariable("HANDOFF_BENCH_REPORT_ROWS"), out var n) ? n : 100_000;

    public static IEnumerable<DatabaseProvider> Providers() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(BenchDatabase.PostgresVariable))
            ? [DatabaseProvider.Sqlite]
            : [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [ParamsSource(nameof(Providers))]
    public DatabaseProvider Provider { get; set; }

    // BenchmarkDotNet runs the global setup once per benchmark and provider: seed each provider's store once per
    // process (the in-process toolchain runs them all in one) and drop the stores when the process ends.
    private static readonly Dictionary<DatabaseProvider, BenchDatabase> Stores = [];

    /// <summary>
    /// Seeds every provider's store now. Program calls it before an in-process run, because the in-process toolchain
    /// gives each benchmark five minutes including its global setup, and seeding 100,000 handoffs on a loaded shared
    /// machine can take longer than that.
    /// </summary>
    public static void PrepareStores()
    {
        foreach (var provider in Providers())
        {
            StoreFor(provider);
        }
    }

    private static BenchDatabase StoreFor(DatabaseProvider provider)
    {
        if (Stores.TryGetValue(provider, out var store))
        {
            return store;
        }
        store = Stores[provider] = BenchDatabase.Create(provider, "report");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => store.Dispose();
        using var seed = HandoffDb.Create(provider, store.ConnectionString);
        seed.Database.Migrate();
        ReportBenchData.Seed(seed, Rows, Now);
        if (provider == DatabaseProvider.Postgres)
        {
            seed.Database.ExecuteSqlRaw("VACUUM ANALYZE"); // what autovacuum does to a table that has just grown
        }
        return store;
    }

    [GlobalSetup]
    public void Setup()
    {
        _db = HandoffDb.Create(Provider, StoreFor(Provider).ConnectionString);
        _reports = new HandoffReportService(_db, new StoppedClock(Now), Options.Create(new OutcomeOptions()));
    }

    [GlobalCleanup]
    public void Cleanup() => _db.Dispose();

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
            select new ReportRow(h.SdrKey, h.RsmKeys, h.Territory, h.Vertical, h.Start, h.End, h.CreatedAt, h.LeadInAt, h.SentAnyway,
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

    /// <summary>The report as before streaming: every row listed first (objects kept until computed), then one pass over the list.</summary>
    [Benchmark(Description = "report, all 26 weeks by SDR, rows listed first")]
    public async Task<int> AllBySdrListed()
    {
        var (from, to) = (new LocalDate(2026, 5, 25), new LocalDate(2026, 11, 23));
        var zone = _reports.Options.Zone;
        var rows = await _reports.LoadAsync(HandoffReportService.Start(from, zone), HandoffReportService.Start(to.PlusDays(1), zone), _manager, CancellationToken.None);
        var spec = new ReportSpec(from, to, zone, ReportGroupBy.Sdr, Now, Duration.FromTimeSpan(_reports.Options.NoOutcomeAfter), _reports.Options.MinSample);
        return ReportCalculator.Compute(rows, spec, []).Totals.Booked;
    }

    [Benchmark(Description = "report, all 26 weeks by SDR")]
    public async Task<int> AllBySdr() =>
        (await _reports.BuildAsync(new LocalDate(2026, 5, 25), new LocalDate(2026, 11, 23), ReportGroupBy.Sdr, _manager, CancellationToken.None)).Totals.Booked;
}
