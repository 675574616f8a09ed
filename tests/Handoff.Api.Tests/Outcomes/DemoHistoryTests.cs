using Handoff.Api.Outcomes;
using Handoff.Api.Outcomes.Reports;
using Handoff.Api.Tests.Support;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;

namespace Handoff.Api.Tests.Outcomes;

/// <summary>The demo's eight weeks of handoff history: the same for the same week, outcomes only for what has happened.</summary>
public sealed class DemoHistoryTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    [Test]
    public async Task The_same_week_seeds_the_same_history_and_nothing_is_held_before_it_happens()
    {
        var now = Instant.FromUtc(2026, 12, 4, 17, 0);
        var first = await SeedAsync(now);
        var again = await SeedAsync(now + Duration.FromHours(1));
        Assert.That(again.Keys, Is.EqualTo(first.Keys), "deterministic from the current week");
        Assert.That(again.Outcomes, Is.EqualTo(first.Outcomes));
        Assert.That(first.Keys, Has.Count.InRange(8 * 11, 9 * 16));
        Assert.That(first.Keys.First(), Does.StartWith("demo-20261005-"), "eight weeks before the week of Monday 2026-11-30");
        Assert.That(first.FutureHeld, Is.Zero);

        var rows = first.Rows;
        var report = ReportCalculator.Compute(rows, new ReportSpec(new LocalDate(2026, 10, 5), new LocalDate(2026, 12, 4), NewYork, ReportGroupBy.Week, now,
            Duration.FromDays(3), 20), []);
        Assert.That(report.Weeks, Has.Count.EqualTo(9));
        Assert.That(report.Weeks.Where(w => w.Key != "2026-11-30").Select(w => w.Figures.HeldRate), Is.All.InRange(0.4, 0.95));
        Assert.That(report.Totals.NoOutcomeYet, Is.GreaterThan(0), "some past meetings never got an outcome");
        Assert.That(report.SlipsPrevented, Is.Not.Empty);
        Assert.That(report.WarningOutcomes.NoShowRateWithWarnings, Is.GreaterThan(report.WarningOutcomes.NoShowRateClean!.Value));
    }

    private sealed record Seeded(List<string> Keys, List<string> Outcomes, int FutureHeld, List<ReportRow> Rows);

    private static async Task<Seeded> SeedAsync(Instant now)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.OpenContext();
        await db.Database.MigrateAsync();
        Assert.That(await DemoHistorySeed.SeedIfEmptyAsync(db, new FakeClock(now), NewYork, CancellationToken.None), Is.GreaterThan(0));
        Assert.That(await DemoHistorySeed.SeedIfEmptyAsync(db, new FakeClock(now), NewYork, CancellationToken.None), Is.Zero, "once");
        var keys = await db.Handoffs.OrderBy(h => h.Key).Select(h => h.Key).ToListAsync();
        var outcomes = (await db.HandoffOutcomes.Select(o => new { o.HandoffKey, o.Kind, o.Amount }).ToListAsync())
            .OrderBy(o => o.HandoffKey, StringComparer.Ordinal).Select(o => $"{o.HandoffKey}:{o.Kind}:{o.Amount}").ToList();
        var futureHeld = await db.HandoffOutcomes.Join(db.Handoffs, o => o.HandoffId, h => h.Id, (o, h) => new { o.Kind, h.Start })
            .CountAsync(x => x.Start > now && (x.Kind == OutcomeKind.Held || x.Kind == OutcomeKind.NoShow));
        var service = new HandoffReportService(db, new FakeClock(now), Microsoft.Extensions.Options.Options.Create(new OutcomeOptions()));
        var rows = await service.LoadAsync(Instant.FromUtc(2000, 1, 1, 0, 0), Instant.FromUtc(2100, 1, 1, 0, 0), new ReportReader(new Handoff.Api.Handoffs.Caller("x", null, "x", true), true), CancellationToken.None);
        return new Seeded(keys, outcomes, futureHeld, rows);
    }
}
