using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Routing;
using Handoff.Scheduling.Time;
using Handoff.Scheduling.Travel;
using NodaTime;

namespace Handoff.Scheduling.Suggestions;

/// <summary>
/// Turns ranked candidates into suggestions: keeps the SDR's choices varied (<see cref="SlotScoring.PerRsmPerDay"/>,
/// <see cref="SlotScoring.Spacing"/>), confirms each slot with the full check (a slot whose check raises a
/// blocker is dropped), and writes the reasons.
/// </summary>
internal sealed class SuggestionWriter(SlotSearch search, MeetingRequest request, LocationMatch where, TerritoryMatch? territory, MeetingChecker checker, Instant now)
{
    public List<Suggestion> Pick(List<SlotCandidate> ranked, int max)
    {
        var chosen = new List<Suggestion>(max);
        var taken = new Dictionary<(int Team, int Day), List<Instant>>();
        // The sweep and the check agree by construction; the bound only guards against a rule that vetoes everything.
        var checksLeft = max * 5;
        foreach (var candidate in ranked)
        {
            if (chosen.Count == max || checksLeft == 0)
            {
                break;
            }
            var key = (candidate.Team, candidate.Day);
            if (taken.TryGetValue(key, out var sameDay) &&
                (sameDay.Count >= SlotScoring.PerRsmPerDay || sameDay.Any(s => Abs(s - candidate.Start) < SlotScoring.Spacing)))
            {
                continue;
            }
            checksLeft--;
            var team = search.Teams[candidate.Team];
            var slot = new Interval(candidate.Start, candidate.Start + search.Length);
            var draft = new MeetingDraft(slot, search.OrganizerZone, request.OrganizerEmail, search.Prospect, team.Members, request.Location, request.Vertical)
            {
                Where = where,
                Org = search.Org,
                Territory = territory,
            };
            var check = checker.Evaluate(draft, now);
            if (check.Verdict == Verdict.Blocked)
            {
                continue;
            }
            (taken.TryGetValue(key, out var list) ? list : taken[key] = []).Add(candidate.Start);
            var unchecked_ = check.Warnings
                .Where(w => w.Code is WarningCodes.LocationUnknown or WarningCodes.ProspectTimeZoneAssumed or WarningCodes.ProspectPlaceAmbiguous)
                .Select(w => new SuggestionReason(w.Code, w.Message));
            chosen.Add(new Suggestion(slot, team.Lead.Profile, team.IsAlternative, check.Times, Reasons(team, slot, candidate).Concat(unchecked_).ToArray(), candidate.Score));
        }
        return chosen;
    }

    private IEnumerable<SuggestionReason> Reasons(SlotTeam team, Interval slot, SlotCandidate candidate)
    {
        var place = search.Place;
        foreach (var rsm in team.Members)
        {
            if (place is not null)
            {
                foreach (var reason in TravelReasons(rsm, slot, place))
                {
                    yield return reason;
                }
                var day = slot.Start.InZone(rsm.Zone).Date;
                if ((candidate.Fit & SlotFit.FieldPlan) != 0 && FieldPlanRule.Near(search.Org, rsm.Profile.Email, day, place, search.Travel) is { } plan)
                {
                    yield return new(ReasonCodes.FieldPlanMatch,
                        $"Matches {rsm.Name}'s field plan: in {PlaceNames.Short(plan.Place)} that day ({plan.ConfidencePercent} % likely).");
                }
            }
        }
        var lead = team.Lead;
        if (territory is { Owner: { } owner, Territory: not null } && Same(owner.Email, lead.Profile.Email))
        {
            yield return territory.Pick is { } pick
                ? new(ReasonCodes.TerritoryOwner, $"{territory.Territory.Name}'s {Routing.Modes.PickText.ModeName(pick.Mode).ToLowerInvariant()} gives {territory.Place?.Label} to {lead.Name}: {pick.Text}.")
                : new(ReasonCodes.TerritoryOwner, $"{lead.Name} owns {territory.Place?.Label}: {territory.ExplanationInSentence}.");
        }
        if (request.Vertical is { } vertical && lead.Profile.Specialises(vertical))
        {
            yield return new(ReasonCodes.VerticalSpecialist, $"{lead.Name} specialises in {vertical}.");
        }
        if ((candidate.Fit & SlotFit.HeldWell) != 0 && search.Prospect.Zone is { } ratedZone
            && search.HeldRates.Reason(slot.Start.InZone(ratedZone).LocalDateTime) is { } held)
        {
            yield return new(ReasonCodes.HeldRate, held);
        }
        if (search.Prospect.Zone is { } prospectZone)
        {
            yield return new(ReasonCodes.ProspectBusinessHours,
                $"{Local(slot, prospectZone)} for {search.Prospect.Describe()}, inside their business hours.");
        }
        foreach (var rsm in team.Members)
        {
            yield return new(ReasonCodes.RsmAvailable, $"{rsm.Name} is free {Local(slot, rsm.Zone)}, within working hours.");
        }
        if (where.Kind == LocationKind.Online)
        {
            yield return new(ReasonCodes.OnlineMeeting, "Online meeting: no travel to fit around.");
        }
    }

    private IEnumerable<SuggestionReason> TravelReasons(RsmContext rsm, Interval slot, Place place)
    {
        var profile = rsm.Profile.TravelOrDefault;
        var itinerary = rsm.Itinerary ?? Itinerary.Empty;
        var day = slot.Start.InZone(rsm.Zone).Date;
        var dayStart = rsm.Zone.AtStartOfDay(day).ToInstant();
        if (itinerary.LastEndingBy(slot.Start, dayStart) is { Place: { } from } previous)
        {
            var leg = TravelEstimator.Estimate(from.Point, place.Point, profile, search.Travel);
            var gap = slot.Start - previous.Interval.End;
            yield return leg.DistanceKm <= search.Travel.NearbyKm && gap <= SlotScoring.Adjacent
                ? new(ReasonCodes.NearRsmMeeting,
                    $"Down the street: {rsm.Name} is at {previous.Describe()} {Km(leg)} away until {At(previous.Interval.End, rsm.Zone)}.")
                : new(ReasonCodes.TravelFits,
                    $"{rsm.Name} needs ~{Formats.Span(TravelEstimator.Needed(leg, profile))}{TravelRule.By(leg)} to get {TravelRule.Route(from, place)} after {previous.Describe()} and has {Formats.Span(gap)}.");
        }
        else if (itinerary.LastEndingBy(slot.Start, dayStart) is null && rsm.Profile.HomeBase is { } home)
        {
            var leg = TravelEstimator.Estimate(home.Point, place.Point, profile, search.Travel);
            yield return new(ReasonCodes.TravelFits,
                $"{rsm.Name} can get from home ({PlaceNames.Short(home)}) to {PlaceNames.Short(place)} in ~{Formats.Span(TravelEstimator.NeededFromHome(leg, profile))}{TravelRule.By(leg)} after the working day starts.");
        }
        if (itinerary.FirstStartingFrom(slot.End, rsm.Zone.AtStartOfDay(day.PlusDays(1)).ToInstant()) is { Place: { } to } next)
        {
            var leg = TravelEstimator.Estimate(place.Point, to.Point, profile, search.Travel);
            var gap = next.Interval.Start - slot.End;
            yield return leg.DistanceKm <= search.Travel.NearbyKm && gap <= SlotScoring.Adjacent
                ? new(ReasonCodes.NearRsmMeeting,
                    $"Down the street: {rsm.Name} has {next.Describe()} {Km(leg)} away at {At(next.Interval.Start, rsm.Zone)}.")
                : new(ReasonCodes.TravelFits,
                    $"{rsm.Name} has {Formats.Span(gap)} afterwards to get {TravelRule.Route(place, to)} for {next.Describe()} (needs ~{Formats.Span(TravelEstimator.Needed(leg, profile))}{TravelRule.By(leg)}).");
        }
    }

    private static string Local(Interval slot, DateTimeZone zone) =>
        $"{Formats.Weekday(slot.Start.InZone(zone).Date)} {Formats.Range(slot.Start.InZone(zone), slot.End.InZone(zone))} {ZoneNames.Friendly(zone)}";

    private static string At(Instant instant, DateTimeZone zone) => $"{Formats.Time(instant.InZone(zone))} {ZoneNames.Friendly(zone)}";

    private static string Km(TravelLeg leg) => leg.DistanceKm < 1 ? "less than 1 km" : $"{Math.Round(leg.DistanceKm):0} km";

    private static Duration Abs(Duration d) => d < Duration.Zero ? -d : d;

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
