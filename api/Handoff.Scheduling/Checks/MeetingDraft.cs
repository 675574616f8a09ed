using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Routing;
using Handoff.Scheduling.Travel;
using NodaTime;

namespace Handoff.Scheduling.Checks;

/// <summary>Where the prospect's zone came from, so the SDR can correct it.</summary>
public enum ZoneSource
{
    Unknown,
    Request,
    Location,
    Territory,
    /// <summary>The country of the prospect's e-mail domain (".de"): always an assumption.</summary>
    EmailDomain,
}

/// <summary>
/// The prospect as the check sees them. <see cref="PlaceName"/> ("Fresno") makes messages concrete;
/// <see cref="SourceDetail"/> says how the zone was found ("inferred from 'Fresno, CA 93706'").
/// <see cref="Assumed"/> is true when the zone is a guess (an ambiguous place, a territory default, an e-mail
/// domain), never a fact: the check warns and the verdict cannot be ok. <see cref="Alternatives"/> are the other
/// readings of an ambiguous place, for the SDR to pick from.
/// </summary>
public sealed record ProspectContext(
    DateTimeZone? Zone,
    WorkingHours BusinessHours,
    IReadOnlyList<string> Emails,
    string? PlaceName = null,
    ZoneSource Source = ZoneSource.Unknown,
    string? SourceDetail = null)
{
    /// <summary>True when <see cref="Zone"/> is a guess, not given and not from a place that fits one zone.</summary>
    public bool Assumed { get; init; }

    /// <summary>Why the zone was assumed, as the end of a sentence ("from Dana Ruiz's territory West").</summary>
    public string? Basis { get; init; }

    /// <summary>The meeting place the zone came from, when there is one.</summary>
    public Place? Place { get; init; }

    /// <summary>Other places (and their zones) the prospect may be in, most likely first.</summary>
    public IReadOnlyList<Place> Alternatives { get; init; } = [];

    public string Describe() => PlaceName is null ? "the prospect" : $"the prospect in {PlaceName}";
}

/// <summary>An RSM on the invite, with the zone and hours that apply and what their calendar says.</summary>
public sealed record RsmContext(
    RsmProfile Profile,
    DateTimeZone Zone,
    WorkingHours WorkingHours,
    IReadOnlyList<BusyBlock> Items,
    CalendarProblem? CalendarProblem = null)
{
    private readonly Itinerary? _itinerary;

    public string Name => Profile.DisplayName;

    /// <summary>The calendar <see cref="Items"/> came from: its stops are built once per read and kept with it.</summary>
    public RsmCalendar? Calendar { get; init; }

    /// <summary>What places the calendar's stops (the gazetteer); null when locations are not interpreted.</summary>
    public IPlaceResolver? Places { get; init; }

    /// <summary>The items that overlap <paramref name="interval"/>: from the calendar's index when there is one.</summary>
    public IEnumerable<BusyBlock> ItemsOverlapping(Interval interval) =>
        Calendar is { } calendar && ReferenceEquals(calendar.Items, Items) ? calendar.Overlapping(interval) : Items.Where(i => i.Overlaps(interval));

    /// <summary>
    /// The in-person stops of <see cref="Items"/>, places resolved: given, or the calendar's (built on first use, so a
    /// check of an online meeting never resolves a location); null when nobody resolves them.
    /// </summary>
    public Itinerary? Itinerary
    {
        get => _itinerary ?? (Calendar is { } calendar && Places is { } places && ReferenceEquals(calendar.Items, Items) ? calendar.ItineraryWith(places) : null);
        init => _itinerary = value;
    }

    /// <summary>
    /// The stops that matter for queries within <paramref name="span"/> (the meeting's local day): given, or the
    /// calendar's for that span only (<see cref="RsmCalendar.ItineraryOver"/>); null when nobody resolves them.
    /// </summary>
    public Itinerary? ItineraryOver(Interval span) =>
        _itinerary ?? (Calendar is { } calendar && Places is { } places && ReferenceEquals(calendar.Items, Items) ? calendar.ItineraryOver(span, places) : null);
}

/// <summary>Everything a check evaluates: the meeting as UTC instants [start, end), and the parties.</summary>
public sealed record MeetingDraft(
    Interval Meeting,
    DateTimeZone OrganizerZone,
    string? OrganizerEmail,
    ProspectContext Prospect,
    IReadOnlyList<RsmContext> Rsms,
    string? Location = null,
    string? Vertical = null)
{
    private TerritoryResolver? _territories;

    /// <summary>What <see cref="Location"/> turned out to be: a place, online, unknown, or none.</summary>
    public LocationMatch Where { get; init; } = LocationMatch.None;

    /// <summary>The org at check time: territories, field plans and every RSM, for the place-aware rules.</summary>
    public OrgSnapshot Org { get; init; } = OrgSnapshot.Empty;

    /// <summary>The territory that owns the meeting place, when the place is known.</summary>
    public TerritoryMatch? Territory { get; init; }

    /// <summary>The org's territory index: the check's (<see cref="CheckScene"/>), or built for a hand-made draft.</summary>
    public TerritoryResolver Territories
    {
        get => _territories ??= TerritoryResolver.For(Org);
        init => _territories = value;
    }

    /// <summary>The meeting place, when the meeting is in person somewhere Handoff can place.</summary>
    public Place? Place => Where.Kind == LocationKind.Place ? Where.Place : null;
}
