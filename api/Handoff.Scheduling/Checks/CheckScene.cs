using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Routing;
using NodaTime;

namespace Handoff.Scheduling.Checks;

/// <summary>
/// A check's setup, resolved once per request and handed to both the rules and the suggestion search: the org
/// snapshot and its territory index, the attendees classified (RSMs, prospects), the meeting place read once, its
/// territory, the prospect located, and each RSM's context once their calendar is read. Nothing here is looked up
/// again by a rule or by the search: they read it from the draft this builds.
/// </summary>
public sealed class CheckScene
{
    private CheckScene(MeetingRequest request, OrgSnapshot org, TerritoryResolver territories, IReadOnlyList<RsmProfile> rsms,
        IReadOnlyList<string> prospects, IPlaceResolver places, LocationMatch where, TerritoryMatch? territory, CheckOptions options)
    {
        Request = request;
        Org = org;
        Territories = territories;
        Rsms = rsms;
        ProspectEmails = prospects;
        Places = places;
        Where = where;
        Territory = territory;
        Options = options;
        Prospect = Locate(rsms);
    }

    public MeetingRequest Request { get; }

    public OrgSnapshot Org { get; }

    /// <summary>The org's territory index (built once per snapshot).</summary>
    public TerritoryResolver Territories { get; }

    /// <summary>The active RSMs on the invite, in invite order.</summary>
    public IReadOnlyList<RsmProfile> Rsms { get; }

    /// <summary>The external attendees.</summary>
    public IReadOnlyList<string> ProspectEmails { get; }

    /// <summary>The gazetteer, remembering every text it read within this request.</summary>
    public IPlaceResolver Places { get; }

    /// <summary>What the meeting location is: a place, online, unknown, or none.</summary>
    public LocationMatch Where { get; }

    /// <summary>The territory that owns the meeting place, when there is a place.</summary>
    public TerritoryMatch? Territory { get; }

    /// <summary>The prospect as located with the invited RSMs.</summary>
    public ProspectContext Prospect { get; }

    public CheckOptions Options { get; }

    /// <summary>The meeting place, when the meeting is in person somewhere Handoff can place.</summary>
    public Place? Place => Where.Kind == LocationKind.Place ? Where.Place : null;

    public static CheckScene Resolve(MeetingRequest request, OrgSnapshot org, IPlaceResolver places, CheckOptions options)
    {
        var (rsms, prospects) = Classify(request, org);
        var memo = places as PlaceMemo ?? new PlaceMemo(places);
        var territories = TerritoryResolver.For(org);
        var where = memo.Resolve(request.Location, ProspectHints.For(prospects, rsms, territories));
        var territory = where is { Kind: LocationKind.Place, Place: { } place } ? territories.Resolve(place, request.Vertical) : null;
        return new CheckScene(request, org, territories, rsms, prospects, memo, where, territory, options);
    }

    /// <summary>
    /// The prospect as located when <paramref name="lead"/> attends: the invited RSMs' reading when they are the lead
    /// (or nobody is), otherwise (a search for other RSMs with nobody invited) located again with them.
    /// </summary>
    public ProspectContext ProspectLedBy(IReadOnlyList<RsmProfile> lead) =>
        Rsms.Count > 0 || lead.Count == 0 ? Prospect : Locate(lead);

    /// <summary>The RSM as the rules see them: zone and hours that apply, calendar items and their in-person stops.</summary>
    public RsmContext ContextFor(RsmProfile rsm, CalendarLookup? lookup)
    {
        var calendar = lookup?.Calendar;
        // The admin's settings win over what the mailbox reports; the organizer's zone is the last resort.
        var zone = rsm.Zone ?? calendar?.Zone ?? Request.OrganizerZone;
        var hours = rsm.WorkingHours ?? calendar?.WorkingHours ?? Options.DefaultRsmWorkingHours;
        var problem = lookup is null ? new CalendarProblem("the calendar service gave no answer for this mailbox", Outage: true) : lookup.Problem;
        return new RsmContext(rsm, zone, hours, calendar?.Items ?? [], problem) { Calendar = calendar, Places = Places };
    }

    /// <summary>Each mailbox's context, from one read: shared by the check and the search that follows it.</summary>
    public Dictionary<string, RsmContext> Contexts(IEnumerable<RsmProfile> rsms, IReadOnlyList<CalendarLookup> lookups)
    {
        var byEmail = new Dictionary<string, CalendarLookup>(lookups.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var lookup in lookups)
        {
            byEmail.TryAdd(lookup.Email, lookup);
        }
        var contexts = new Dictionary<string, RsmContext>(StringComparer.OrdinalIgnoreCase);
        foreach (var rsm in rsms)
        {
            if (!contexts.ContainsKey(rsm.Email))
            {
                contexts[rsm.Email] = ContextFor(rsm, byEmail.GetValueOrDefault(rsm.Email));
            }
        }
        return contexts;
    }

    /// <summary>The draft the rules evaluate: this scene at <paramref name="meeting"/> with <paramref name="rsms"/>.</summary>
    public MeetingDraft Draft(Interval meeting, IReadOnlyList<RsmContext> rsms, ProspectContext? prospect = null) =>
        new(meeting, Request.OrganizerZone, Request.OrganizerEmail, prospect ?? Prospect, rsms, Request.Location, Request.Vertical)
        {
            Where = Where,
            Org = Org,
            Territory = Territory,
            Territories = Territories,
        };

    private ProspectContext Locate(IReadOnlyList<RsmProfile> lead) =>
        ProspectWeek.Apply(ProspectLocator.Locate(Request.ProspectZone, Where, Territory, Territories, lead, Options.ProspectBusinessHours, ProspectEmails, Places), Where);

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
}
