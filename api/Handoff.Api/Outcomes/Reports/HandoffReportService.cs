using Handoff.Api.Handoffs;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Handoff.Api.Outcomes.Reports;

/// <summary>Who reads a report: managers and admins everything, SDRs and RSMs the handoffs they are on.</summary>
public sealed record ReportReader(Caller Caller, bool SeesAll);

/// <summary>Loads the report columns of a range (one indexed range scan of the handoff rows) and computes the report.</summary>
public sealed class HandoffReportService(HandoffDbContext db, IClock clock, IOptions<OutcomeOptions> options)
{
    public OutcomeOptions Options => options.Value;

    public async Task<HandoffReport> BuildAsync(LocalDate from, LocalDate to, ReportGroupBy groupBy, ReportReader reader, CancellationToken ct)
    {
        var zone = options.Value.Zone;
        var spec = new ReportSpec(from, to, zone, groupBy, clock.GetCurrentInstant(), Duration.FromTimeSpan(options.Value.NoOutcomeAfter), options.Value.MinSample);
        var (start, end) = (Start(from, zone), Start(to.PlusDays(1), zone));
        // The rows are streamed through the report's one pass, not kept: each row is garbage as soon as it is counted.
        var pass = new ReportCalculator.ReportPass(spec, 0);
        await ReadAsync(start, end, reader, (in ReportRow row) => pass.Add(in row), ct);
        return pass.Finish(await TargetsAsync(from, to, zone, reader, ct));
    }

    public static Instant Start(LocalDate date, DateTimeZone zone) => zone.AtStartOfDay(date).ToInstant();

    /// <summary>Handoffs whose meeting (as first booked) starts in [from, to).</summary>
    public async Task<List<ReportRow>> LoadAsync(Instant from, Instant to, ReportReader reader, CancellationToken ct)
    {
        var rows = new List<ReportRow>();
        await ReadAsync(from, to, reader, (in ReportRow row) => rows.Add(row), ct);
        return rows;
    }

    public delegate void RowSink(in ReportRow row);

    private IQueryable<HandoffEntity> Range(Instant from, Instant to, ReportReader reader)
    {
        var handoffs = db.Handoffs.AsNoTracking().Where(h => h.Start >= from && h.Start < to);
        return reader.SeesAll ? handoffs : HandoffsApi.Visible(handoffs, reader.Caller with { IsAdmin = false });
    }

    /// <summary>Streams the report columns of [from, to) to <paramref name="sink"/>, one row at a time.</summary>
    private async Task ReadAsync(Instant from, Instant to, ReportReader reader, RowSink sink, CancellationToken ct)
    {
        // One range scan of the handoff rows: the outcome and the check log's codes are copied onto them when written.
        // Only the columns the report uses, into a struct (no key, no record, no tracking).
        var query = Range(from, to, reader).Select(h => new ReportRow(h.SdrKey, h.RsmKeys, h.Territory, h.Vertical, h.Start, h.End, h.CreatedAt, h.LeadInAt,
            h.SentAnyway, h.ProspectZone, h.Outcome, h.OutcomeStart, h.OutcomeEnd, h.OutcomeAmount, h.CheckedCodes));
        var sqlite = db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true;
        if (sqlite)
        {
            // A report reads every row of a range: on SQLite, memory-map the file and give this connection a larger page
            // cache, so the index lookups into wide rows (each carries its JSON record) are memory reads, not read calls.
            await db.Database.OpenConnectionAsync(ct);
        }
        try
        {
            if (sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA mmap_size = 268435456; PRAGMA cache_size = -32768;", ct);
                if (reader.SeesAll)
                {
                    // The whole range (managers, admins): SQLite's statement API, without ADO.NET's work per value.
                    SqliteReportScan.Read(db, from, to, sink, ct);
                    return;
                }
            }
            await foreach (var row in query.AsAsyncEnumerable().WithCancellation(ct))
            {
                sink(in row);
            }
        }
        finally
        {
            if (sqlite)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>Targets of the months the range touches, with their progress (meetings booked in the month, and held).</summary>
    private async Task<IReadOnlyList<TargetProgress>> TargetsAsync(LocalDate from, LocalDate to, DateTimeZone zone, ReportReader reader, CancellationToken ct)
    {
        var first = new LocalDate(from.Year, from.Month, 1);
        var last = new LocalDate(to.Year, to.Month, 1);
        var targets = await db.HandoffTargets.AsNoTracking().Where(t => t.Month >= first && t.Month <= last).ToListAsync(ct);
        if (targets.Count == 0)
        {
            return [];
        }
        // The report's own rows are not kept: the months' rows are read again (only when there are targets).
        var monthRows = await LoadAsync(Start(first, zone), Start(last.PlusMonths(1), zone), reader, ct);
        var now = clock.GetCurrentInstant();
        var grace = Duration.FromTimeSpan(options.Value.NoOutcomeAfter);
        return targets.OrderBy(t => t.Month).ThenBy(t => t.Scope).ThenBy(t => t.SubjectKey, StringComparer.Ordinal)
            .Select(t => TargetMath.Progress(t, monthRows, zone, now, grace)).ToArray();
    }
}

/// <summary>How far a monthly target has come, from the rows of its month.</summary>
public static class TargetMath
{
    public static TargetProgress Progress(HandoffTargetEntity t, IEnumerable<ReportRow> rows, DateTimeZone zone, Instant now, Duration grace)
    {
        var members = Codes.Split(t.Members);
        var mine = rows.Where(r =>
        {
            var month = r.Start.InZone(zone).Date;
            return month.Year == t.Month.Year && month.Month == t.Month.Month && t.Scope switch
            {
                TargetScope.Sdr => r.SdrKey == t.SubjectKey,
                TargetScope.Team => members.Contains(r.SdrKey),
                _ => string.Equals(r.Territory, t.Subject, StringComparison.OrdinalIgnoreCase),
            };
        }).ToArray();
        var held = mine.Count(r => MeetingStates.Of(r, now, grace) is MeetingState.Held or MeetingState.Opportunity);
        return new TargetProgress(t.Month.ToString("yyyy-MM", null), t.Scope.ToString().ToLowerInvariant(), t.Subject, t.Handoffs, mine.Length,
            t.Handoffs == 0 ? 1 : Math.Round((double)mine.Length / t.Handoffs, 4), t.Held, held);
    }
}
