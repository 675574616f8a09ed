using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Routing;
using Handoff.Scheduling.Suggestions;
using Handoff.Scheduling.Travel;
using NodaTime;

namespace Handoff.Scheduling.Leads;

/// <summary>
/// The inbound-lead use case, for a web form that must answer while the lead is still on the page: place the
/// lead, gather the pool (territory owner, vertical specialists, the territory's other RSMs), read ALL their
/// calendars in ONE call to the calendar port, find each RSM's earliest feasible slots with the suggestion
/// search (every check rule: hours, prospect hours, holidays, travel, field plans), let the territory's mode pick
/// (<see cref="ILeadPicker"/>), and say who can take a live handoff now. A calendar outage leaves the pick standing
/// with a warning; a place that cannot be read or reads several ways is a warning, never a silent guess.
/// </summary>
public sealed class LeadRouter(
    IOrgDirectory directory,
    ICalendarSource calendars,
    IClock clock,
    IPlaceResolver places,
    TripEstimator trips,
    CheckOptions options,
    ILeadPicker picker,
    IHeldRatesSource? heldRates = null)
{
    /// <summary>
    /// The suggestion search, run per RSM over the router's one read (its <see cref="SuggestionService.Plan"/> and
    /// <see cref="SuggestionService.SearchAsync"/> halves, as a blocked check uses them): nothing is read again.
    /// </summary>
    private readonly SuggestionService _search = new(directory, calendars, clock, places, trips, options, heldRates);

    public async Task<LeadRoute> RouteAsync(LeadToRoute lead, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var snapshot = await directory.GetSnapshotAsync(cancellationToken);
        var memo = new PlaceMemo(places);
        var territories = TerritoryResolver.For(snapshot);
        string[] prospects = [lead.Email];
        var where = memo.Resolve(lead.Location, ProspectHints.For(prospects, [], territories));
        var territory = where is { Kind: LocationKind.Place, Place: { } place } ? territories.Resolve(place, lead.Vertical) : null;
        var pool = CandidateRsms.Choose([], territory, lead.Vertical, snapshot, includeAlternatives: true);

        var displayZone = lead.DisplayZone ?? territory?.Zone ?? lead.ProspectZone ?? DateTimeZone.Utc;
        var dates = SuggestionService.BusinessDates(now.InZone(displayZone).Date, Math.Clamp(lead.BusinessDays, 1, SuggestionQuery.MaxBusinessDays));
        var emails = pool.SelectMany(t => t.Members).Select(r => r.Email).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        // The one read: the suggestion window starts at the start of today (minus the widest offset), so it also holds
        // "now"; a mode that calibrates on absences gets this period's too, as far as Graph's 62 days allow.
        var window = SuggestionService.CalendarWindow(dates, displayZone, lead.Length);
        if (picker.HistoryFrom(territory, now) is { } from && from < window.Start)
        {
            var oldest = window.End - SuggestionService.MaxCalendarWindow;
            window = new Interval(from > oldest ? from : oldest, window.End);
        }
        var lookups = emails.Length == 0 ? [] : await calendars.ReadAsync(emails, window, cancellationToken);
        var scene = CheckScene.Resolve(new MeetingRequest(new Interval(now, now + lead.Length), displayZone, prospects, null, lead.Location, lead.ProspectZone, lead.Vertical),
            snapshot, memo, options);
        var contexts = scene.Contexts(pool.SelectMany(t => t.Members).DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase), lookups);

        // Each RSM's own search, over the calendars already read: "earliest for this RSM" cannot be crowded out by the others.
        var perRsm = new List<RsmSlots>(pool.Count);
        foreach (var team in pool)
        {
            var rsm = team.Members[0];
            var draft = new MeetingRequest(new Interval(now, now + lead.Length), displayZone, [rsm.Email, lead.Email], null, lead.Location, lead.ProspectZone, lead.Vertical);
            var query = new SuggestionQuery(draft, dates[0], dates.Count, Math.Clamp(lead.SlotsPerRsm, 1, LeadToRoute.MaxSlotsPerRsm), IncludeAlternatives: false);
            var found = await _search.SearchAsync(_search.Plan(CheckScene.Resolve(draft, snapshot, memo, options), query, now), contexts, cancellationToken);
            perRsm.Add(new RsmSlots(rsm, team.Role, found.Suggestions.OrderBy(s => s.Slot.Start).ToArray(), found.Notices.FirstOrDefault()));
        }

        var earliest = perRsm.ToDictionary(r => r.Rsm.Email, r => r.Slots.Count > 0 ? r.Slots[0].Slot.Start : (Instant?)null, StringComparer.OrdinalIgnoreCase);
        var pick = await picker.PickAsync(new LeadPickInput(territory, pool, earliest, contexts, snapshot, lead.Vertical, now) { Lookups = lookups }, cancellationToken);
        var picked = pick is null ? null : perRsm.FirstOrDefault(r => Same(r.Rsm.Email, pick.Rsm.Email));
        var alternatives = perRsm.Where(r => r != picked).ToArray();
        var live = pool.Select(t => contexts[t.Members[0].Address]).Select(c => LiveHandoff.Check(c, now)).OfType<LiveRsm>()
            .OrderBy(l => pick is not null && Same(l.Rsm.Email, pick.Rsm.Email) ? 0 : 1).ToArray();

        IReadOnlyList<RsmProfile> leadRsms = pick is null ? [] : [pick.Rsm];
        var prospect = ProspectWeek.Apply(ProspectLocator.Locate(lead.ProspectZone, where, territory, territories, leadRsms, options.ProspectBusinessHours, prospects, memo), where);
        var warnings = RouteWarnings.For(lead, where, territory, pick, prospect, lookups).ToArray();
        return new LeadRoute(pick, picked?.Slots ?? [], alternatives, live, territory, prospect, where, warnings,
            new DateInterval(dates[0], dates[^1]), displayZone, now);
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
