using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Routing;
using Handoff.Scheduling.Routing.Modes;
using Handoff.Scheduling.Travel;
using NodaTime;

namespace Handoff.Scheduling.Checks;

/// <summary>
/// The check use case: find the RSMs and the prospect among the attendees, place the meeting, read the RSMs'
/// calendars (one call to the calendar port), and run the rules.
/// </summary>
public sealed class MeetingCheckService
{
    /// <summary>Every zone's local day lies within 14 hours of the UTC day.</summary>
    private static readonly Duration MaxOffset = Duration.FromHours(14);

    private readonly IOrgDirectory _directory;
    private readonly ICalendarSource _calendars;
    private readonly IClock _clock;
    private readonly MeetingChecker _checker;
    private readonly CheckOptions _options;
    private readonly IPlaceResolver _places;
    private readonly ITerritoryPicker _picker;

    public MeetingCheckService(
        IOrgDirectory directory, ICalendarSource calendars, IClock clock, MeetingChecker checker, CheckOptions options, IPlaceResolver places,
        ITerritoryPicker? picker = null)
    {
        _picker = picker ?? PriorityOnly.Instance;
        _directory = directory;
        _calendars = calendars;
        _clock = clock;
        _checker = checker;
        _options = options;
        _places = places;
    }

    /// <summary>Without a gazetteer: locations are not interpreted (no zone inference, no travel).</summary>
    public MeetingCheckService(IOrgDirectory directory, ICalendarSource calendars, IClock clock, MeetingChecker checker, CheckOptions options)
        : this(directory, calendars, clock, checker, options, NoPlaceResolver.Instance)
    {
    }

    public async Task<CheckResult> CheckAsync(MeetingRequest request, CancellationToken cancellationToken)
    {
        var snapshot = await _directory.GetSnapshotAsync(cancellationToken);
        var (rsms, prospects) = Classify(request, snapshot);

        var lookups = rsms.Count == 0
            ? []
            : await _calendars.ReadAsync(rsms.Select(r => r.Email).ToArray(), CalendarWindow(request.Meeting), cancellationToken);
        var byEmail = lookups.ToDictionary(l => l.Email, StringComparer.OrdinalIgnoreCase);

        var places = new PlaceMemo(_places);
        var territories = TerritoryResolver.For(snapshot);
        var where = places.Resolve(request.Location, ProspectHints.For(prospects, rsms, territories));
        var territory = where is { Kind: LocationKind.Place, Place: { } place } ? territories.Resolve(place, request.Vertical) : null;
        if (territory is not null)
        {
            territory = await _picker.ApplyAsync(territory, request.Vertical, snapshot, PickUse.Check, cancellationToken);
        }

        var rsmContexts = rsms.Select(r => ContextFor(r, byEmail.GetValueOrDefault(r.Email), request.OrganizerZone, _options, places)).ToArray();
        var prospect = ProspectWeek.Apply(ProspectLocator.Locate(request.ProspectZone, where, territory, territories, rsms, _options.ProspectBusinessHours, prospects, places), where);

        var draft = new MeetingDraft(request.Meeting, request.OrganizerZone, request.OrganizerEmail, prospect, rsmContexts, request.Location, request.Vertical)
        {
            Where = where,
            Org = snapshot,
            Territory = territory,
        };
        return _checker.Evaluate(draft, _clock.GetCurrentInstant());
    }

    /// <summary>
    /// The calendar window: whole UTC days wide enough to hold every party's local day around the meeting,
    /// so the RSM's previous and next appointments that day are seen. Whole days keep caches effective.
    /// </summary>
    public static Interval CalendarWindow(Interval meeting)
    {
        var from = (meeting.Start - MaxOffset).InUtc().Date;
        var to = (meeting.End + MaxOffset).InUtc().Date.PlusDays(1);
        return new Interval(from.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(), to.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant());
    }

    internal static (List<RsmProfile> Rsms, List<string> Prospects) Classify(MeetingRequest request, OrgSnapshot snapshot)
    {
        var rsms = new List<RsmProfile>();
        var prospects = new List<string>();
        foreach (var attendee in request.Attendees.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (snapshot.FindRsm(attendee) is { Active: true } rsm)
            {
                rsms.Add(rsm);
            }
            else if (!snapshot.IsInternal(attendee, request.OrganizerEmail))
            {
                prospects.Add(attendee.Trim());
            }
        }
        return (rsms, prospects);
    }

    /// <summary>The RSM as the rules see them: zone and hours that apply, calendar items and their in-person stops.</summary>
    internal static RsmContext ContextFor(RsmProfile rsm, CalendarLookup? lookup, DateTimeZone organizerZone, CheckOptions options, IPlaceResolver places)
    {
        var calendar = lookup?.Calendar;
        // The admin's settings win over what the mailbox reports; the organizer's zone is the last resort.
        var zone = rsm.Zone ?? calendar?.Zone ?? organizerZone;
        var hours = rsm.WorkingHours ?? calendar?.WorkingHours ?? options.DefaultRsmWorkingHours;
        var problem = lookup is null ? new CalendarProblem("the calendar service gave no answer for this mailbox", Outage: true) : lookup.Problem;
        var items = calendar?.Items ?? [];
        return new RsmContext(rsm, zone, hours, items, problem) { Itinerary = Itinerary.Build(items, places) };
    }
}
