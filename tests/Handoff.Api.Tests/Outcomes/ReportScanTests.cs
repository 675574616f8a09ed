using System.Text;
using Handoff.Api.Outcomes;
using Handoff.Api.Outcomes.Reports;
using Handoff.Api.Tests.Support;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Handoff.Api.Tests.Outcomes;

/// <summary>
/// The report's SQLite scan (SQLite's statement API) reads every row exactly as EF does: instants with and without
/// fractions of a second, the range's boundaries, nulls in every nullable column, amounts, every outcome, text
/// beyond ASCII and longer than its buffer.
/// </summary>
public class ReportScanTests
{
    private static readonly Instant From = Instant.FromUtc(2026, 3, 8, 7, 0); // 2 AM Eastern, the night clocks go forward

    [Test]
    public async Task EveryRow_IsEFsReading()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.OpenContext();
        await db.Database.MigrateAsync();
        var to = From + Duration.FromDays(30);
        Seed(db, to);

        var expected = await db.Handoffs.AsNoTracking().Where(h => h.Start >= From && h.Start < to)
            .Select(h => new ReportRow(h.SdrKey, h.RsmKeys, h.Territory, h.Vertical, h.Start, h.End, h.CreatedAt, h.LeadInAt,
                h.SentAnyway, h.ProspectZone, h.Outcome, h.OutcomeStart, h.OutcomeEnd, h.OutcomeAmount, h.CheckedCodes)).ToListAsync();
        var scanned = new List<ReportRow>();
        await db.Database.OpenConnectionAsync();
        SqliteReportScan.Read(db, From, to, (in ReportRow r) => scanned.Add(r), CancellationToken.None);
        await db.Database.CloseConnectionAsync();

        Assert.Multiple(() =>
        {
            Assert.That(expected, Has.Count.GreaterThan(400), "the range holds most of the seeded rows");
            Assert.That(expected.Any(r => r.Start == From), "a row starts exactly at the range's start");
            Assert.That(Sorted(scanned), Is.EqualTo(Sorted(expected)));
            Assert.That(scanned.Any(r => r.Amount is not null) && scanned.Any(r => r.NewStart is not null) && scanned.Any(r => r.Territory is null));
        });
    }

    [TestCase("2026-03-08 07:00:00", "2026-03-08T07:00:00Z")]
    [TestCase("2026-03-08 07:00:00.5", "2026-03-08T07:00:00.5Z")]
    [TestCase("2026-12-31 23:59:59.9999999", "2026-12-31T23:59:59.9999999Z")]
    [TestCase("2024-02-29 12:34:56.0000001", "2024-02-29T12:34:56.0000001Z")]
    public void StoredText_RoundTrips(string stored, string iso)
    {
        var instant = NodaTime.Text.InstantPattern.ExtendedIso.Parse(iso).Value;

        Assert.That(SqliteReportScan.StoredText(instant), Is.EqualTo(stored));
        Assert.That(SqliteReportScan.TryParseStored(Encoding.UTF8.GetBytes(stored), out var read), Is.True);
        Assert.That(read, Is.EqualTo(instant));
    }

    [TestCase("2026-03-08T07:00:00")]
    [TestCase("2026-03-08 07:00:00Z")]
    [TestCase("2026-02-30 07:00:00")]
    [TestCase("2026-03-08 07:00:00.")]
    [TestCase("2026-03-08 07:00:00.12345678")]
    [TestCase("2026-03-08 24:00:00")]
    public void OtherLayouts_AreLeftToTheGeneralParse(string stored) =>
        Assert.That(SqliteReportScan.TryParseStored(Encoding.UTF8.GetBytes(stored), out _), Is.False);

    private static List<string> Sorted(IEnumerable<ReportRow> rows) => rows.Select(r => r.ToString()).Order(StringComparer.Ordinal).ToList();

    private static readonly HandoffRecordData Record = new(
        "SDR", "sdr@example.com", "2026-03-10T15:00:00Z", "2026-03-10T16:00:00Z", "America/New_York", "Fresno, CA", null,
        [new RsmData("rsm0@example.com", "RSM", "America/Los_Angeles")], ["buyer@prospect.example"], "ok", [], [], [], [], [], new HandoffNotesData(null, null, null), [], null, "test");

    private static void Seed(HandoffDbContext db, Instant to)
    {
        var random = new Random(7);
        string?[] territories = [null, "San Joaquin Valley", "Île-de-France — Nord", new string('T', 200)];
        string?[] verticals = [null, "metals-recycling", "food-processing"];
        string?[] zones = [null, "America/New_York", "America/Los_Angeles", "Europe/Paris"];
        for (var i = 0; i < 500; i++)
        {
            // The first row starts exactly at From, another exactly at the end (outside); the rest spread over the month
            // with fractions of a second (ticks), as the clock writes them.
            var start = i == 0 ? From : i == 1 ? to : From + Duration.FromTicks(random.NextInt64(Duration.FromDays(31).BclCompatibleTicks));
            var sent = start - Duration.FromMinutes(30 + random.Next(5000)) - Duration.FromTicks(random.Next(10_000_000));
            var h = new HandoffEntity
            {
                Id = Guid.NewGuid(), Key = $"scan-{i:000}", SdrKey = $"sdr{random.Next(5)}@example.com",
                RsmKeys = random.Next(3) == 0 ? "|a@example.com|b@example.com|" : $"|rsm{random.Next(4)}@example.com|",
                Territory = territories[random.Next(territories.Length)], Vertical = verticals[random.Next(verticals.Length)],
                LeadInAt = random.Next(4) == 0 ? null : sent - Duration.FromMinutes(random.Next(600)),
                SentAnyway = random.Next(4) == 0 ? "|RSM_BUSY|" : "", ProspectZone = zones[random.Next(zones.Length)],
                Start = start, End = start + Duration.FromMinutes(30 + random.Next(4) * 15), ContentHash = "x", Record = Record, Version = 1,
                CreatedAt = sent, UpdatedAt = sent,
            };
            db.Handoffs.Add(h);
            if (random.Next(10) < 7)
            {
                var kind = (OutcomeKind)random.Next(6);
                var moved = kind == OutcomeKind.Rescheduled ? start + Duration.FromDays(2) + Duration.FromTicks(random.Next(1000)) : (Instant?)null;
                db.HandoffOutcomes.Add(new HandoffOutcomeEntity
                {
                    Id = Guid.NewGuid(), HandoffId = h.Id, HandoffKey = h.Key, Kind = kind, NewStart = moved, NewEnd = moved + Duration.FromHours(1),
                    Amount = kind == OutcomeKind.OpportunityCreated ? random.Next(3) switch { 0 => null, 1 => 55000m, _ => 1234.56m } : null,
                    RecordedBy = "test", HandoffVersion = 1, RecordedAt = h.End, Version = 1, CreatedAt = h.End, UpdatedAt = h.End,
                });
            }
            if (random.Next(10) < 4)
            {
                db.DraftCheckLogs.Add(new DraftCheckLogEntity
                {
                    Id = Guid.NewGuid(), HandoffKey = h.Key, FirstAt = sent, LastAt = sent, FirstVerdict = "review", LastVerdict = "ok",
                    FirstCodes = "|RSM_BUSY|", SeenCodes = random.Next(2) == 0 ? "|RSM_BUSY|" : "|RSM_BUSY|TRAVEL_TIME_BEFORE|", Checks = 2, Changes = 1,
                });
            }
        }
        db.SaveChanges();
    }
}
