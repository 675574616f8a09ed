using Handoff.Api.Outcomes.Reports;
using Handoff.Storage;
using NodaTime;

namespace Handoff.Api.Tests.Outcomes;

/// <summary>
/// Every report figure against a fixture computed by hand (in the comments). Eight handoffs over four weeks around
/// the end of US daylight time (Sunday 2026-11-01): a meeting at 04:30 UTC on Monday Nov 2 is Sunday 23:30 in New
/// York, so it belongs to the week of Oct 26 in the org's zone.
/// </summary>
public sealed class ReportCalculatorTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 20, 17, 0);

    private static Instant At(int month, int day, int hour, int minute = 0) => Instant.FromUtc(2026, month, day, hour, minute);

    private static ReportRow Row(string key, string sdr, string rsms, Instant start, Instant sent, Instant? leadIn, OutcomeKind? outcome,
        string sentAnyway = "", string? seen = null, string? zone = null, decimal? amount = null) =>
        new(sdr, rsms, "West", "metals-recycling", start, start + Duration.FromHours(1), sent, leadIn, sentAnyway, zone, outcome, null, null, amount, seen);

    public static readonly ReportRow[] Fixture =
    [
        // A: held; speed 30 min; lead→meeting 1.0625 d; the draft once was outside the prospect's hours and was fixed: a slip prevented.
        Row("A", "ann@x", "|jo@x|", At(10, 27, 15), At(10, 26, 14), At(10, 26, 13, 30), OutcomeKind.Held,
            seen: "|PROSPECT_OUTSIDE_BUSINESS_HOURS|", zone: "America/Los_Angeles"),
        // B: no-show; speed 120 min; 2.0417 d; sent despite RSM_OUTSIDE_WORKING_HOURS (not a slip: it was sent).
        Row("B", "ann@x", "|jo@x|", At(10, 28, 15), At(10, 26, 16), At(10, 26, 14), OutcomeKind.NoShow,
            sentAnyway: "|RSM_OUTSIDE_WORKING_HOURS|", seen: "|RSM_OUTSIDE_WORKING_HOURS|", zone: "America/Los_Angeles"),
        // C: opportunity (held) worth 1000; speed 10 min; 2.6944 d; Sunday Nov 1 23:30 EST: week of Oct 26.
        Row("C", "bob@x", "|lee@x|", At(11, 2, 4, 30), At(10, 30, 12), At(10, 30, 11, 50), OutcomeKind.OpportunityCreated, zone: "America/Chicago", amount: 1000m),
        // D: two RSMs; ended Nov 10 17:00, +3 days < now: no outcome yet; prevented RSM_BUSY, sent TRAVEL_TIME_BEFORE anyway.
        Row("D", "bob@x", "|jo@x|lee@x|", At(11, 10, 16), At(11, 5, 12), null, null, sentAnyway: "|TRAVEL_TIME_BEFORE|", seen: "|RSM_BUSY|TRAVEL_TIME_BEFORE|"),
        // E: ended Nov 19 16:00, +3 days > now: awaiting an outcome; speed 90 min; 2.1875 d.
        Row("E", "ann@x", "|lee@x|", At(11, 19, 15), At(11, 17, 12), At(11, 17, 10, 30), null),
        // F: upcoming, sent despite PROSPECT_OUTSIDE_BUSINESS_HOURS.
        Row("F", "ann@x", "|jo@x|", At(11, 21, 15), At(11, 18, 12), null, null, sentAnyway: "|PROSPECT_OUTSIDE_BUSINESS_HOURS|"),
        // G: canceled.
        Row("G", "bob@x", "|jo@x|", At(11, 16, 15), At(11, 12, 12), null, OutcomeKind.Canceled),
        // H: upcoming; Sunday Nov 22 00:30 EST, the last day of the range: week of Nov 16.
        Row("H", "bob@x", "|lee@x|", At(11, 22, 5, 30), At(11, 18, 12), null, null),
    ];

    private static HandoffReport Compute(ReportGroupBy groupBy = ReportGroupBy.Week, int minSample = 2) =>
        ReportCalculator.Compute(Fixture, new ReportSpec(new LocalDate(2026, 10, 26), new LocalDate(2026, 11, 22), NewYork, groupBy, Now,
            Duration.FromDays(3), minSample), []);

    [Test]
    public void Totals_match_the_hand_computed_figures()
    {
        var t = Compute().Totals;
        Assert.Multiple(() =>
        {
            Assert.That((t.Booked, t.Held, t.Opportunities, t.NoShows, t.Canceled, t.Disqualified), Is.EqualTo((8, 2, 1, 1, 1, 0)));
            Assert.That((t.Upcoming, t.AwaitingOutcome, t.NoOutcomeYet, t.PastActive), Is.EqualTo((2, 1, 1, 2)));
            Assert.That(t.HeldRate, Is.EqualTo(0.3333), "2 held ÷ (2 held + 1 no-show + 1 canceled + 0 disqualified + 2 past active)");
            Assert.That(t.NoShowRate, Is.EqualTo(0.2), "1 ÷ (2 + 1 + 2): Chili Piper's definition");
            Assert.That(t.OpportunityRate, Is.EqualTo(0.5));
            Assert.That(t.OpportunityAmount, Is.EqualTo(1000m));
            Assert.That(t.SpeedToLead, Is.EqualTo(new SpeedFigures(4, 60, 120, 0.5)), "[10, 30, 90, 120] min: median 60, p90 (nearest rank) 120");
            Assert.That(t.LeadToMeetingDaysMedian, Is.EqualTo(2.1), "(2.0417 + 2.1875) ÷ 2");
            Assert.That((t.SlipsPrevented, t.SentWithWarnings), Is.EqualTo((2, 3)));
        });
    }

    [Test]
    public void Weeks_run_in_the_orgs_zone_across_the_dst_change_and_an_empty_week_has_no_rates()
    {
        var weeks = Compute().Weeks;
        Assert.That(weeks.Select(w => (w.Key, w.Figures.Booked)), Is.EqualTo(new[] { ("2026-10-26", 3), ("2026-11-02", 0), ("2026-11-09", 1), ("2026-11-16", 4) }));
        var empty = weeks[1].Figures;
        Assert.That((empty.HeldRate, empty.NoShowRate, empty.OpportunityRate, empty.SpeedToLead.MedianMinutes), Is.EqualTo(((double?)null, (double?)null, (double?)null, (double?)null)));
        Assert.That(weeks[0].Figures.HeldRate, Is.EqualTo(0.6667), "A and C held, B a no-show");
    }

    [Test]
    public void Slips_sent_anyway_and_their_no_show_rates()
    {
        var report = Compute();
        Assert.That(report.SlipsPrevented, Is.EqualTo(new[] { new CodeCount("PROSPECT_OUTSIDE_BUSINESS_HOURS", 1), new CodeCount("RSM_BUSY", 1) }));
        Assert.That(report.SentAnyway, Is.EqualTo(new[]
        {
            new SentAnywayFigures("PROSPECT_OUTSIDE_BUSINESS_HOURS", 1, 0, null), // F is upcoming: no rate yet
            new SentAnywayFigures("RSM_OUTSIDE_WORKING_HOURS", 1, 1, 1.0),
            new SentAnywayFigures("TRAVEL_TIME_BEFORE", 1, 0, 0.0), // D: 0 ÷ (0 + 0 + 1 past active)
        }));
        Assert.That(report.WarningOutcomes, Is.EqualTo(new WarningOutcomes(3, 0.5, 5, 0.0)), "warned: 1 ÷ (B + D); clean: 0 ÷ (A + C + E)");
    }

    [Test]
    public void Distribution_counts_an_invite_with_two_rsms_for_each()
    {
        Assert.That(Compute().RsmDistribution, Is.EqualTo(new[]
        {
            new RsmShare("jo@x", 5, 0.5556, 0.25, 0.3333),
            new RsmShare("lee@x", 4, 0.4444, 0.3333, 0.0),
        }));
    }

    [Test]
    public void Groups_by_sdr_rsm_territory_and_vertical()
    {
        var bySdr = Compute(ReportGroupBy.Sdr).Groups;
        Assert.That(bySdr.Select(g => (g.Key, g.Figures.Booked, g.Figures.HeldRate, g.Figures.NoShowRate)),
            Is.EqualTo(new[] { ("ann@x", 4, (double?)0.3333, (double?)0.3333), ("bob@x", 4, 0.3333, 0.0) }));
        Assert.That(Compute(ReportGroupBy.Rsm).Groups.Select(g => (g.Key, g.Figures.Booked)), Is.EqualTo(new[] { ("jo@x", 5), ("lee@x", 4) }));
        Assert.That(Compute(ReportGroupBy.Territory).Groups.Single().Key, Is.EqualTo("West"));
        Assert.That(Compute(ReportGroupBy.Vertical).Groups.Single().Figures.Booked, Is.EqualTo(8));
    }

    [Test]
    public void The_held_grid_counts_by_the_prospects_weekday_and_hour_and_rates_only_sampled_cells()
    {
        var grid = Compute(minSample: 2).Grid;
        // A: Tue 08:00 Pacific (still daylight time), B: Wed 08:00 Pacific, C: Sun 22:30 Central (standard time).
        Assert.That(grid.Cells, Is.EqualTo(new[]
        {
            new HeldGridCell("Tuesday", 8, 1, 0, null, false), new HeldGridCell("Wednesday", 8, 0, 1, null, false), new HeldGridCell("Sunday", 22, 1, 0, null, false),
        }));
        Assert.That(grid.Baseline, Is.EqualTo(0.6667));
        Assert.That(Compute(minSample: 1).Grid.Cells.Select(c => c.HeldRate), Is.EqualTo(new double?[] { 1.0, 0.0, 1.0 }));
    }

    [Test]
    public void Target_progress_counts_meetings_of_the_month_in_the_orgs_zone()
    {
        var target = new HandoffTargetEntity { Month = new LocalDate(2026, 11, 1), Scope = TargetScope.Sdr, Subject = "Ann@x", SubjectKey = "ann@x", Handoffs = 3, Held = 2 };
        Assert.That(TargetMath.Progress(target, Fixture, NewYork, Now, Duration.FromDays(3)),
            Is.EqualTo(new TargetProgress("2026-11", "sdr", "Ann@x", 3, 2, 0.6667, 2, 0)), "E and F in November");
        var team = new HandoffTargetEntity { Month = new LocalDate(2026, 10, 1), Scope = TargetScope.Team, Subject = "Inside", SubjectKey = "inside", Members = "|ann@x|bob@x|", Handoffs = 4 };
        Assert.That(TargetMath.Progress(team, Fixture, NewYork, Now, Duration.FromDays(3)),
            Is.EqualTo(new TargetProgress("2026-10", "team", "Inside", 4, 2, 0.5, null, 1)), "A and B; C is Nov 1 in New York");
        var territory = new HandoffTargetEntity { Month = new LocalDate(2026, 11, 1), Scope = TargetScope.Territory, Subject = "west", SubjectKey = "west", Handoffs = 0 };
        Assert.That(TargetMath.Progress(territory, Fixture, NewYork, Now, Duration.FromDays(3)).Handoffs, Is.EqualTo(6), "C, D, E, F, G, H");
    }

    [Test]
    public void Range_days_start_at_midnight_in_the_orgs_zone_so_the_autumn_change_day_has_25_hours()
    {
        var sunday = HandoffReportService.Start(new LocalDate(2026, 11, 1), NewYork);
        var monday = HandoffReportService.Start(new LocalDate(2026, 11, 2), NewYork);
        Assert.That((sunday, monday), Is.EqualTo((At(11, 1, 4), At(11, 2, 5))), "EDT midnight, then EST midnight");
        Assert.That(monday - sunday, Is.EqualTo(Duration.FromHours(25)));
        var spring = HandoffReportService.Start(new LocalDate(2027, 3, 15), NewYork) - HandoffReportService.Start(new LocalDate(2027, 3, 14), NewYork);
        Assert.That(spring, Is.EqualTo(Duration.FromHours(23)));
        Assert.That(ReportCalculator.WeekOf(At(11, 2, 4, 59), NewYork), Is.EqualTo(new LocalDate(2026, 10, 26)), "Sunday 23:59 EST");
        Assert.That(ReportCalculator.WeekOf(At(11, 2, 5, 0), NewYork), Is.EqualTo(new LocalDate(2026, 11, 2)), "Monday 00:00 EST");
    }
}
