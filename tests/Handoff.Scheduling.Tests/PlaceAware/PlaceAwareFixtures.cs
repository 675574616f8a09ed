using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Time;
using Handoff.Scheduling.Travel;
using NodaTime;
using NodaTime.Text;

namespace Handoff.Scheduling.Tests.PlaceAware;

/// <summary>Places with fixed coordinates, so expected travel times are exact.</summary>
internal static class Geo
{
    public static readonly DateTimeZone Pacific = TimeZoneIds.Resolve("America/Los_Angeles");
    public static readonly DateTimeZone Eastern = TimeZoneIds.Resolve("America/New_York");
    public static readonly DateTimeZone Mountain = TimeZoneIds.Resolve("America/Denver");
    public static readonly DateTimeZone London = TimeZoneIds.Resolve("Europe/London");

    public static readonly Place SierraSteel = new("Fresno, CA 93725", new GeoPoint(36.7069, -119.7645), "America/Los_Angeles", "US", "CA", "93725", "Fresno");
    public static readonly Place Fresno = new("Fresno, CA 93706", new GeoPoint(36.7378, -119.7871), "America/Los_Angeles", "US", "CA", "93706", "Fresno");
    public static readonly Place Clovis = new("Clovis, CA 93612", new GeoPoint(36.8252, -119.7029), "America/Los_Angeles", "US", "CA", "93612", "Clovis");
    public static readonly Place Bakersfield = new("Bakersfield, CA 93301", new GeoPoint(35.3733, -119.0187), "America/Los_Angeles", "US", "CA", "93301", "Bakersfield");
    public static readonly Place Sacramento = new("Sacramento, CA 95814", new GeoPoint(38.5816, -121.4944), "America/Los_Angeles", "US", "CA", "95814", "Sacramento");
    public static readonly Place NewYork = new("New York, NY 10001", new GeoPoint(40.7506, -73.9972), "America/New_York", "US", "NY", "10001", "New York");
    public static readonly Place LosAngeles = new("Los Angeles, CA 90012", new GeoPoint(34.0614, -118.2385), "America/Los_Angeles", "US", "CA", "90012", "Los Angeles");
    public static readonly Place Denver = new("Denver, CO 80202", new GeoPoint(39.7525, -104.9995), "America/Denver", "US", "CO", "80202", "Denver");
    public static readonly Place Toronto = new("Toronto, ON M5V 2T6", new GeoPoint(43.6426, -79.3871), "America/Toronto", "CA", "ON", "M5V 2T6", "Toronto");

    public const string SierraSteelText = "Sierra Steel, 2750 S Orange Ave, Fresno, CA 93725";
    public const string FresnoText = "Fresno, CA 93706";
    public const string SacramentoText = "Sacramento, CA 95814";

    public static Instant Utc(string text) => InstantPattern.ExtendedIso.Parse(text).Value;

    /// <summary>A local date-time ("2026-04-16T09:30") in the zone, mapped strictly (the tests avoid DST gaps).</summary>
    public static Instant Local(string text, DateTimeZone zone) =>
        zone.AtStrictly(LocalDateTimePattern.GeneralIso.Parse(text + (text.Length == 16 ? ":00" : "")).Value).ToInstant();

    public static Interval Span(string localStart, string localEnd, DateTimeZone zone) => new(Local(localStart, zone), Local(localEnd, zone));

    public static BusyBlock Item(string localStart, string localEnd, DateTimeZone zone, string? location, string? subject = null,
        BusyStatus status = BusyStatus.Busy, bool isPrivate = false) =>
        new(Span(localStart, localEnd, zone), status, location, subject, isPrivate);
}

/// <summary>A test gazetteer: exact texts to places, a few online markers, everything else unknown.</summary>
internal sealed class PlaceBook : IPlaceResolver
{
    private readonly Dictionary<string, Place> _places = new(StringComparer.OrdinalIgnoreCase)
    {
        [Geo.SierraSteelText] = Geo.SierraSteel,
        [Geo.FresnoText] = Geo.Fresno,
        ["93706"] = Geo.Fresno,
        ["Clovis, CA"] = Geo.Clovis,
        ["Bakersfield, CA"] = Geo.Bakersfield,
        [Geo.SacramentoText] = Geo.Sacramento,
        ["New York, NY"] = Geo.NewYork,
        ["Los Angeles, CA"] = Geo.LosAngeles,
        ["Denver, CO"] = Geo.Denver,
        ["Toronto, ON"] = Geo.Toronto,
        // A place the gazetteer knows without a zone, so the territory's default applies.
        ["Albany, NY"] = new("Albany, NY 12207", new GeoPoint(42.6526, -73.7562), null, "US", "NY", "12207", "Albany"),
    };

    public int Lookups { get; private set; }

    public LocationMatch Resolve(string? location)
    {
        Lookups++;
        if (string.IsNullOrWhiteSpace(location))
        {
            return LocationMatch.None;
        }
        var text = location.Trim();
        if (text.Contains("teams", StringComparison.OrdinalIgnoreCase) || text.Equals("online", StringComparison.OrdinalIgnoreCase) ||
            text.Contains("zoom.us", StringComparison.OrdinalIgnoreCase))
        {
            return new LocationMatch(LocationKind.Online, text);
        }
        return _places.TryGetValue(text, out var place)
            ? new LocationMatch(LocationKind.Place, text, place)
            : new LocationMatch(LocationKind.Unknown, text);
    }
}

internal sealed class StubDirectory(OrgSnapshot snapshot) : IOrgDirectory
{
    public ValueTask<OrgSnapshot> GetSnapshotAsync(CancellationToken cancellationToken) => ValueTask.FromResult(snapshot);
}

/// <summary>Calendars per mailbox (items outside the window are dropped); records every read.</summary>
internal sealed class StubCalendars : ICalendarSource
{
    private readonly Dictionary<string, RsmCalendar> _calendars = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, CalendarProblem> _problems = new(StringComparer.OrdinalIgnoreCase);

    public List<(IReadOnlyList<string> Emails, Interval Window)> Reads { get; } = [];

    public StubCalendars With(string email, params BusyBlock[] items)
    {
        _calendars[email] = new RsmCalendar(items);
        return this;
    }

    public StubCalendars Failing(string email, CalendarProblem problem)
    {
        _problems[email] = problem;
        return this;
    }

    public Task<IReadOnlyList<CalendarLookup>> ReadAsync(IReadOnlyList<string> emails, Interval window, CancellationToken cancellationToken)
    {
        Reads.Add((emails, window));
        IReadOnlyList<CalendarLookup> result = emails.Select(e => _problems.TryGetValue(e, out var problem)
                ? CalendarLookup.Failed(e, problem)
                : CalendarLookup.Found(e, new RsmCalendar((_calendars.GetValueOrDefault(e)?.Items ?? []).Where(i => i.Overlaps(window)).ToArray())))
            .ToArray();
        return Task.FromResult(result);
    }
}

/// <summary>RSMs and the rule set the place-aware tests share.</summary>
internal static class Crew
{
    public static readonly TravelProfile DanaTravel = new(80, Duration.FromMinutes(15), Duration.FromMinutes(10), Duration.FromHours(4));

    public static RsmProfile Dana(Place? home = null, string[]? verticals = null) => new(
        "dana@example.com", "Dana Ruiz", Geo.Pacific, home ?? Geo.Fresno, WorkingHours.Weekdays(new LocalTime(8, 0), new LocalTime(17, 0)),
        verticals ?? ["metals-recycling"], DanaTravel);

    public static RsmProfile Rsm(string email, string name, DateTimeZone zone, Place? home, params string[] verticals) => new(
        email, name, zone, home, WorkingHours.Weekdays(new LocalTime(8, 0), new LocalTime(17, 0)), verticals, DanaTravel);

    // The expected minutes in these tests were worked out with this factor; the default may change.
    public static TravelOptions Travel { get; } = new() { DetourFactor = 1.3 };

    public static TripEstimator Estimator() => new(Travel);

    /// <summary>Only the place-aware part of the product's rule set, so these tests see only its warnings.</summary>
    public static MeetingChecker PlaceChecker() => new(RuleSet.PlaceAware(new TripEstimator(Travel)));

    /// <summary>The product's rule set (<see cref="RuleSet"/>), as the API builds it.</summary>
    public static MeetingChecker FullChecker() => RuleSet.Checker(new TripEstimator(Travel));
}
