using Handoff.Api.Demo;
using Handoff.Api.Infrastructure;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Handoff.Api.Outcomes;

/// <summary>
/// Eight weeks of demo handoff history before the current week (in the org's zone), made from the week's date so it
/// is the same on every run of the same week and never goes stale: three SDRs booking the four demo RSMs, speed to
/// lead from minutes to a day, warnings caught and fixed in the draft (the check log), a few sent anyway, and
/// outcomes (Tuesday and Wednesday mornings held more, Friday afternoons and warnings sent anyway missed more, the
/// last days' meetings still awaiting one, a few with none past the grace period). Seeded once into a store with no
/// handoffs, so /reports means something on first run.
/// </summary>
public static class DemoHistorySeed
{
    public const string KeyPrefix = "demo-";
    public static readonly string[] Sdrs = ["sdr@example.com", "maya.ortiz@example.com", "leo.park@example.com"];
    private static readonly string[] SdrNames = ["Demo SDR", "Maya Ortiz", "Leo Park"];
    private static readonly string[] Caught = [WarningCodes.ProspectOutsideBusinessHours, WarningCodes.RsmBusy, WarningCodes.TravelTimeBefore, WarningCodes.RsmOutsideWorkingHours, WarningCodes.DifferentDay];
    private static readonly string[] SentCodes = [WarningCodes.ProspectOutsideBusinessHours, WarningCodes.RsmOutsideWorkingHours, WarningCodes.TravelTimeBefore];
    private static readonly int[] SpeedMinutes = [2, 4, 6, 9, 14, 22, 35, 50, 75, 110, 180, 300, 600, 1500];
    private static readonly (string Company, string Vertical)[] Prospects =
    [
        ("Acme Metals", "metals-recycling"), ("Valley Scrap", "metals-recycling"), ("Kern Recycling", "metals-recycling"), ("Prairie Foods", "food-processing"),
        ("Harbor Seafood", "food-processing"), ("Summit Alloys", "metals-recycling"), ("Bluegrass Dairy", "food-processing"), ("Copperline", "metals-recycling"),
    ];

    public static async Task<int> SeedIfEmptyAsync(HandoffDbContext db, IClock clock, DateTimeZone orgZone, CancellationToken ct)
    {
        if (await db.Handoffs.AnyAsync(ct) || await db.AuditEntries.AnyAsync(a => a.Resource == "handoff", ct))
        {
            return 0;
        }
        var now = clock.GetCurrentInstant();
        var thisWeek = now.InZone(orgZone).Date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        var territories = DemoOrg.Territories.SelectMany(t => t.Assignments.Where(a => a.Priority == 1).Select(a => (a.RsmEmail, t.Name)))
            .GroupBy(x => x.RsmEmail).ToDictionary(g => g.Key, g => g.First().Name);
        var count = 0;
        for (var weeksAgo = 8; weeksAgo >= 0; weeksAgo--)
        {
            var monday = thisWeek.PlusWeeks(-weeksAgo);
            var random = new Random(monday.DayNumber()); // the same week makes the same history
            var perWeek = 11 + random.Next(6);
            for (var i = 0; i < perWeek; i++)
            {
                var (handoff, outcome, log) = Make(monday, i, random, now, territories);
                if (weeksAgo == 0 && handoff.CreatedAt > now)
                {
                    continue; // the current week: only what was booked by now
                }
                db.Handoffs.Add(handoff);
                if (outcome is not null) { db.HandoffOutcomes.Add(outcome); }
                if (log is not null) { db.DraftCheckLogs.Add(log); }
                count++;
            }
        }
        await db.SaveChangesAsync(ct);
        return count;
    }

    private static (HandoffEntity, HandoffOutcomeEntity?, DraftCheckLogEntity?) Make(
        LocalDate monday, int i, Random random, Instant now, IReadOnlyDictionary<string, string> territories)
    {
        var sdr = random.Next(Sdrs.Length);
        var rsm = DemoOrg.Rsms[random.Next(DemoOrg.Rsms.Count)];
        var zone = rsm.Zone ?? DateTimeZone.Utc;
        var day = monday.PlusDays(random.Next(5));
        var hour = 8 + random.Next(9);
        var start = zone.AtLeniently(day.At(new LocalTime(hour, random.Next(2) * 30))).ToInstant();
        var sent = start - Duration.FromHours(20 + random.Next(24 * 6));
        var leadIn = sent - Duration.FromMinutes(SpeedMinutes[random.Next(SpeedMinutes.Length)] + random.Next(3));
        var (company, vertical) = Prospects[random.Next(Prospects.Length)];
        var prospect = $"buyer{i}@{company.ToLowerInvariant().Replace(' ', '-')}.example";
        var sentAnyway = random.NextDouble() < 0.14 ? new[] { SentCodes[random.Next(SentCodes.Length)] } : [];
        var caught = random.NextDouble() < 0.38 ? Caught.OrderBy(_ => random.Next()).Take(1 + random.Next(2)).ToArray() : [];
        var key = $"{KeyPrefix}{monday:yyyyMMdd}-{i:00}";
        var record = new HandoffRecordData(
            SdrNames[sdr], Sdrs[sdr], Instants.Format(start), Instants.Format(start + Duration.FromHours(1)), "America/New_York", $"{company} (demo)", vertical,
            [new RsmData(rsm.Email, rsm.DisplayName, zone.Id)], [prospect], sentAnyway.Length > 0 ? "review" : "ok",
            sentAnyway.Select(c => new WarningData(c, "warning", "prospect", prospect, $"Sent with {c} on screen (demo history).")).ToArray(), sentAnyway,
            [], [], [new LeadSnapshotData(prospect, LeadData.Empty with { CameInAt = Instants.Format(leadIn), Company = company, Vertical = vertical, Source = "webinar" })],
            new HandoffNotesData(null, null, null), [], null, "send");
        var handoff = new HandoffEntity
        {
            Id = Guid.NewGuid(), Key = key, SdrKey = Sdrs[sdr], RsmKeys = $"|{rsm.Email}|", Territory = territories.GetValueOrDefault(rsm.Email),
            Vertical = vertical, LeadInAt = leadIn, SentAnyway = Codes.Join(sentAnyway), ProspectZone = zone.Id, Start = start,
            End = start + Duration.FromHours(1), ContentHash = key, Record = record, Version = 1, CreatedAt = sent, UpdatedAt = sent,
        };
        var log = caught.Length == 0 && sentAnyway.Length == 0 ? null : new DraftCheckLogEntity
        {
            Id = Guid.NewGuid(), HandoffKey = key, SdrKey = Sdrs[sdr], FirstAt = sent - Duration.FromMinutes(6), LastAt = sent,
            FirstVerdict = caught.Contains(WarningCodes.RsmBusy) ? "blocked" : "review", FirstCodes = Codes.Join(caught.Concat(sentAnyway)),
            LastVerdict = record.Verdict, LastCodes = Codes.Join(sentAnyway), SeenCodes = Codes.Join(caught.Concat(sentAnyway)),
            Checks = 2 + caught.Length * 2, Changes = caught.Length,
        };
        return (handoff, Outcome(handoff, random, now, sentAnyway.Length > 0, zone), log);
    }

    private static HandoffOutcomeEntity? Outcome(HandoffEntity h, Random random, Instant now, bool warned, DateTimeZone zone)
    {
        var roll = random.NextDouble();
        if (h.End > now || h.End + Duration.FromDays(2) > now && roll < 0.6)
        {
            return null; // upcoming, or recent and not recorded yet
        }
        var local = h.Start.InZone(zone).LocalDateTime;
        var noShow = 0.14 + (warned ? 0.2 : 0) + (local.DayOfWeek == IsoDayOfWeek.Friday && local.Hour >= 12 ? 0.2 : 0)
            - (local.DayOfWeek is IsoDayOfWeek.Tuesday or IsoDayOfWeek.Wednesday && local.Hour < 12 ? 0.08 : 0);
        OutcomeKind? kind = roll < 0.05 ? null : roll < 0.05 + noShow ? OutcomeKind.NoShow : roll < 0.11 + noShow ? OutcomeKind.Canceled
            : roll < 0.15 + noShow ? OutcomeKind.Disqualified : random.NextDouble() < 0.3 ? OutcomeKind.OpportunityCreated : OutcomeKind.Held;
        if (kind is not { } k)
        {
            return null; // past and never recorded: "no outcome yet"
        }
        var at = h.End + Duration.FromHours(2 + random.Next(30));
        return new HandoffOutcomeEntity
        {
            Id = Guid.NewGuid(), HandoffId = h.Id, HandoffKey = h.Key, Kind = k, CanceledBy = k == OutcomeKind.Canceled ? "prospect" : null,
            Amount = k == OutcomeKind.OpportunityCreated ? 5_000 * (2 + random.Next(20)) : null, Currency = k == OutcomeKind.OpportunityCreated ? "USD" : null,
            RecordedBy = h.RsmKeys.Trim('|'), Source = random.Next(3) == 0 ? "api" : "link", HandoffVersion = 1,
            RecordedAt = at > now ? now : at, Version = 1, CreatedAt = at > now ? now : at, UpdatedAt = at > now ? now : at,
        };
    }

    private static int DayNumber(this LocalDate date) => Period.Between(new LocalDate(2000, 1, 3), date, PeriodUnits.Days).Days;
}
