using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Org;
using NodaTime;
using NodaTime.Calendars;

namespace Handoff.Api.Demo;

/// <summary>
/// The demo org's calendars: a fixed weekly pattern per RSM in their own zone (plant visits, customer
/// meetings, a private appointment, working elsewhere, a Friday out of office every other week). The same
/// date always gives the same items, so documented examples and tests stay reproducible. RSMs an admin adds
/// get the same pattern around their home base, so the demo shows their calendar too.
/// </summary>
public sealed class DemoCalendarSource(IOrgDirectory? directory = null) : ICalendarSource
{
    private static readonly Dictionary<string, string[]> Sites = new(StringComparer.OrdinalIgnoreCase)
    {
        [DemoOrg.West.Email] = ["Sierra Steel, 2750 S Orange Ave, Fresno, CA 93725", "Valley Scrap Metals, Sacramento, CA 95811", "Bakersfield, CA 93301"],
        [DemoOrg.Central.Email] = ["Lakeside Foods, 1200 W Fulton Market, Chicago, IL 60607", "Milwaukee, WI 53202", "Rockford, IL 61101"],
        [DemoOrg.East.Email] = ["Harbor Packaging, Newark, NJ 07102", "Philadelphia, PA 19103", "New York, NY 10018"],
        [DemoOrg.Mountain.Email] = ["Front Range Metals, Denver, CO 80216", "Colorado Springs, CO 80903", "Salt Lake City, UT 84101"],
    };

    private readonly Dictionary<string, RsmProfile> _rsms = DemoOrg.Rsms.ToDictionary(r => r.Email, StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<CalendarLookup>> ReadAsync(IReadOnlyList<string> emails, Interval window, CancellationToken cancellationToken)
    {
        var snapshot = directory is null ? null : await directory.GetSnapshotAsync(cancellationToken);
        return emails.Select(email => (snapshot?.FindRsm(email) ?? _rsms.GetValueOrDefault(email)) is { } rsm
                ? CalendarLookup.Found(email, new RsmCalendar(ItemsFor(rsm, window, PlansOf(snapshot, rsm)), rsm.WorkingHours, rsm.Zone))
                : CalendarLookup.Failed(email, new CalendarProblem("no such mailbox in the demo org", Outage: false)))
            .ToArray();
    }

    private static IReadOnlyList<FieldPlan> PlansOf(OrgSnapshot? snapshot, RsmProfile rsm) =>
        snapshot?.FieldPlans.Where(p => string.Equals(p.RsmEmail, rsm.Email, StringComparison.OrdinalIgnoreCase)).ToArray() ?? [];

    /// <summary>
    /// The RSM's items in the window. On a day their field plan puts them elsewhere, the in-person items happen at the
    /// plan's place, so the demo never has an RSM at a Fresno plant on the day of a Sacramento trade show.
    /// </summary>
    public static IReadOnlyList<BusyBlock> ItemsFor(RsmProfile rsm, Interval window, IReadOnlyList<FieldPlan>? plans = null)
    {
        var zone = rsm.Zone ?? DateTimeZone.Utc;
        var usual = Sites.TryGetValue(rsm.Email, out var known) ? known : SitesAround(rsm);
        var first = window.Start.InZone(zone).Date;
        var last = window.End.InZone(zone).Date;
        var items = new List<BusyBlock>();
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            var plan = plans?.FirstOrDefault(p => p.Dates.Contains(date));
            var sites = plan is null ? usual : [plan.Place.Label, plan.Place.Label, plan.Place.Label];
            foreach (var item in Day(date, sites))
            {
                var block = new BusyBlock(
                    new Interval(zone.AtLeniently(date + item.Start).ToInstant(), zone.AtLeniently(item.End == LocalTime.Midnight ? date.PlusDays(1).AtMidnight() : date + item.End).ToInstant()),
                    item.Status, item.Location, item.Subject, item.IsPrivate);
                if (block.Overlaps(window))
                {
                    items.Add(block);
                }
            }
        }
        return items;
    }

    private static string[] SitesAround(RsmProfile rsm)
    {
        var home = rsm.HomeBase?.Label ?? "the home office";
        return [$"Customer plant near {home}", $"Prospect site near {home}", home];
    }

    private sealed record Template(LocalTime Start, LocalTime End, BusyStatus Status, string Subject, string? Location, bool IsPrivate = false);

    private static IEnumerable<Template> Day(LocalDate date, string[] sites)
    {
        var t = (int h, int m) => new LocalTime(h, m);
        switch (date.DayOfWeek)
        {
            case IsoDayOfWeek.Monday:
                yield return new(t(9, 0), t(10, 0), BusyStatus.Busy, "Pipeline review", "Microsoft Teams Meeting");
                yield return new(t(13, 30), t(15, 0), BusyStatus.Busy, "Customer meeting", sites[1]);
                break;
            case IsoDayOfWeek.Tuesday:
                yield return new(t(8, 0), t(11, 30), BusyStatus.Busy, "Plant visit", sites[0]);
                yield return new(t(14, 0), t(15, 0), BusyStatus.Tentative, "Prospect call (hold)", "Phone");
                break;
            case IsoDayOfWeek.Wednesday:
                yield return new(t(12, 0), t(13, 0), BusyStatus.Busy, "Doctor's appointment", "Downtown clinic", IsPrivate: true);
                yield return new(t(14, 30), t(17, 0), BusyStatus.WorkingElsewhere, "Working from the regional office", sites[2]);
                break;
            case IsoDayOfWeek.Thursday:
                yield return new(t(7, 30), t(9, 30), BusyStatus.Busy, "Plant visit", sites[0]);
                yield return new(t(11, 0), t(12, 0), BusyStatus.Busy, "Customer call", "Microsoft Teams Meeting");
                break;
            case IsoDayOfWeek.Friday when WeekYearRules.Iso.GetWeekOfWeekYear(date) % 2 == 1:
                yield return new(t(0, 0), LocalTime.Midnight, BusyStatus.OutOfOffice, "Out of office", null);
                break;
            case IsoDayOfWeek.Friday:
                yield return new(t(10, 0), t(11, 0), BusyStatus.Busy, "Team sync", "Microsoft Teams Meeting");
                break;
        }
    }
}
