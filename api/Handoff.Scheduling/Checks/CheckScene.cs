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
    private readonly IPlaceResolver _gazetteer;
    private readonly PlaceMemo _memo;

    private CheckScene(MeetingRequest request, OrgSnapshot org, TerritoryResolver territories, IReadOnlyList<RsmProfile> rsms,
        IReadOnlyList<string> prospects, IPlaceResolver gazetteer, PlaceMemo places, LocationMatch where, TerritoryMatch? territory, CheckOptions options)
    {
        _gazetteer = gazetteer;
        _memo = places;
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
        var memo = new PlaceMemo(places);
        var territories = TerritoryResolver.For(org);
        var where = memo.Resolve(request.Location, ProspectHints.For(prospects, rsms, territories));
        var territory = where is { Kind: LocationKind.Place, Place: { } place } ? territories.Resolve(place, request.Vertical) : null;
        return new CheckScene(request, org, territories, rsms, prospects, places, memo, where, territory, options);
    }

    /// <summary>
    /// The scene with the territory's assignment mode applied (round robin, performance): the picked RSM becomes the
    /// territory's owner, for the rules and the search alike. Priority territories come back as they are.
    /// </summary>
    public async ValueTask<CheckScene> WithModeAsync(Routing.Modes.ITerritoryPicker? picker, CancellationToken cancellationToken)
    {
        if (picker is null || Territory is null)
        {
            return this;
        }
        var picked = await picker.ApplyAsync(Territory, Request.Vertical, Org, Routing.Modes.PickUse.Check, cancellationToken);
        return ReferenceEquals(picked, Territory) ? this : new CheckScene(Request, Org, Territories, Rsms, ProspectEmails, _gazetteer, _memo, Where, picked, Options);
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
        // Stops are placed by the gazetteer itself (not this request's memo), so the calendar keeps them across requests.
        // The admin's settings win over what the mailbox reports; the organizer's zone is the last resort.
        var zone = rsm.Zone ?? calendar?.Zone ?? Request.OrganizerZone;
        var hours = rsm.WorkingHours ?? calendar?.WorkingHours ?? Options.DefaultRsmWorkingHours;
        var problem = lookup is null ? new CalendarProblem("the calendar service gave no answer for this mailbox", Outage: true) : lookup.Problem;
        return new RsmContext(rsm, zone, hours, calendar?.Items ?? [], problem) { Calendar = calendar, Places = _gazetteer };
    }

    /// <summary>Each mailbox's context, from one read: shared by the check and the search that follows it.</summary>
    public Dictionary<EmailAddress, RsmContext> Contexts(IEnumerable<RsmProfile> rsms, IReadOnlyList<CalendarLookup> lookups)
    {
        var byEmail = new Dictionary<EmailAddress, CalendarLookup>(lookups.Count);
        foreach (var lookup in lookups)
        {
            byEmail.TryAdd(new EmailAddress(lookup.Email), lookup);
        }
        var contexts = new Dictionary<EmailAddress, RsmContext>();
        foreach (var rsm in rsms)
        {
            var address = rsm.Address;
            if (!contexts.ContainsKey(address))
            {
                contexts[address] = ContextFor(rsm, byEmail.GetValueOrDefault(address));
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
        var rsms = new List<RsmProfile>(request.Attendees.Count);
        var prospects = new List<string>();
        var seen = new HashSet<EmailAddress>(request.Attendees.Count);
        EmailAddress? organizer = request.OrganizerEmail is { } o ? new EmailAddress(o) : null;
        foreach (var attendee in request.Attendees)
        {
            var address = new EmailAddress(attendee);
            if (!seen.Add(address))
            {
                continue;
            }
            if (snapshot.FindRsm(address) is { Active: true } rsm)
            {
                rsms.Add(rsm);
            }
            else if (!snapshot.IsInternal(address, organizer))
            {
                prospects.Add(address.Value);
            }
        }
        return (rsms, prospects);
    }
}
