using Handoff.Api.Outcomes;
using Handoff.Storage;
using NodaTime;

namespace Handoff.Benchmarks;

/// <summary>
/// A seeded store of handoffs for the report benchmark: 26 weeks before <c>now</c>, inserted in send order like a real
/// store, 40 SDRs and 60 RSMs; 80 % with an outcome and 40 % with a draft check log, written through the context so
/// the handoff rows' report copies are kept in step as in production.
/// </summary>
public static class ReportBenchData
{
    private static readonly string[] Codes = ["PROSPECT_OUTSIDE_BUSINESS_HOURS", "RSM_BUSY", "TRAVEL_TIME_BEFORE", "RSM_OUTSIDE_WORKING_HOURS", "DIFFERENT_DAY"];
    private static readonly string[] Zones = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"];

    public static void Seed(HandoffDbContext db, int rows, Instant now)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var random = new Random(13);
        string[] sdrs = [.. Enumerable.Range(0, 40).Select(i => $"sdr{i:00}@example.com")];
        string[] rsms = [.. Enumerable.Range(0, 60).Select(i => $"rsm{i:00}@example.com")];
        var starts = Enumerable.Range(0, rows).Select(_ => now - Duration.FromMinutes(random.Next(26 * 7 * 24 * 60))).Order().ToArray();
        for (var i = 0; i < rows; i++)
        {
            var start = starts[i];
            var sent = start - Duration.FromHours(2 + random.Next(120));
            var sentAnyway = random.Next(8) == 0 ? $"|{Codes[random.Next(Codes.Length)]}|" : "";
            var sdr = sdrs[random.Next(sdrs.Length)];
            var rsm = rsms[random.Next(rsms.Length)];
            var vertical = random.Next(2) == 0 ? "metals-recycling" : "food-processing";
            var h = new HandoffEntity
            {
                Id = Guid.NewGuid(), Key = $"bench-{i:000000}", SdrKey = sdr, RsmKeys = $"|{rsm}|", Territory = $"Territory {random.Next(12)}", Vertical = vertical,
                LeadInAt = sent - Duration.FromMinutes(1 + random.Next(600)), SentAnyway = sentAnyway, ProspectZone = Zones[random.Next(Zones.Length)],
                Start = start, End = start + Duration.FromHours(1), ContentHash = "x", Record = Record(i, sdr, rsm, vertical, start), Version = 1,
                CreatedAt = sent, UpdatedAt = sent,
            };
            db.Handoffs.Add(h);
            if (random.Next(10) < 8)
            {
                db.HandoffOutcomes.Add(new HandoffOutcomeEntity
                {
                    Id = Guid.NewGuid(), HandoffId = h.Id, HandoffKey = h.Key, Kind = (OutcomeKind)random.Next(6), RecordedBy = "bench", HandoffVersion = 1,
                    RecordedAt = h.End, Version = 1, CreatedAt = h.End, UpdatedAt = h.End,
                });
            }
            if (random.Next(10) < 4)
            {
                db.DraftCheckLogs.Add(new DraftCheckLogEntity
                {
                    Id = Guid.NewGuid(), HandoffKey = h.Key, FirstAt = sent, LastAt = sent, FirstVerdict = "review", LastVerdict = "ok",
                    FirstCodes = $"|{Codes[random.Next(Codes.Length)]}|", SeenCodes = $"|{Codes[random.Next(Codes.Length)]}|", Checks = 3, Changes = 1,
                });
            }
            if (i % 5000 == 4999)
            {
                db.SaveChanges();
                db.ChangeTracker.Clear();
            }
        }
        db.SaveChanges();
        db.ChangeTracker.Clear();
    }

    /// <summary>A record the size of a real send (~1.3 KB of JSON): the report must not pay for reading it.</summary>
    private static HandoffRecordData Record(int i, string sdr, string rsm, string vertical, Instant start)
    {
        var prospect = $"buyer{i}@prospect{i % 997}.example";
        var at = Api.Infrastructure.Instants.Format(start);
        return new HandoffRecordData(
            "Bench SDR", sdr, at, Api.Infrastructure.Instants.Format(start + Duration.FromHours(1)), "America/New_York", "Microsoft Teams Meeting", vertical,
            [new RsmData(rsm, "Bench RSM", "America/Chicago")], [prospect], "ok", [], [],
            [new PartyTimeData("organizer", sdr, "Bench SDR", "America/New_York", "Eastern Time", "2026-11-20T10:00:00", "2026-11-20T11:00:00", "-05:00"),
             new PartyTimeData("rsm", rsm, "Bench RSM", "America/Chicago", "Central Time", "2026-11-20T09:00:00", "2026-11-20T10:00:00", "-06:00")],
            [],
            [new LeadSnapshotData(prospect, LeadData.Empty with { CameInAt = at, Company = $"Prospect {i % 997}", Vertical = vertical, Source = "webinar", Score = 70 })],
            new HandoffNotesData("Budget approved for Q1; current baler fails twice a week.", "Downtime on line 2 costs them a shift a month.",
                "Walk the plant with the maintenance lead and size a replacement."),
            ["Ask about their downtime log.", "Bring the uptime case study from a similar plant."], null, "send");
    }
}
