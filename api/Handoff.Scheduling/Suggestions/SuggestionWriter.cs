using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Routing;
using Handoff.Scheduling.Time;
using Handoff.Scheduling.Travel;
using NodaTime;

namespace Handoff.Scheduling.Suggestions;

/// <summary>
/// Turns ranked candidates into suggestions: keeps the SDR's choices varied (<see cref="SlotScoring.PerRsmPerDay"/>,
/// <see cref="SlotScoring.Spacing"/>) and writes the reasons. No slot is checked again: the sweep admits only slots the
/// check's blockers cannot fire on (calendar, travel by the same <see cref="MeetingTrips"/>, notice), so every
/// suggestion passes the check by construction; what the sweep could not verify (an unplaced stop, a guessed zone) is
/// said with the warning's own code and words.
/// </summary>
internal sealed class SuggestionWriter(SlotSearch search, CheckScene scene, Instant now)
{
    public List<Suggestion> Pick(List<SlotCandidate> ranked, int max)
    {
        var chosen = new List<Suggestion>(max);
        var taken = new Dictionary<(int Team, int Day), List<Instant>>();
        var starts = new HashSet<Instant>();
        IReadOnlyList<SuggestionReason>? guessed = null;
        foreach (var candidate in ranked)
        {
            if (chosen.Count == max)
            {
                break;
            }
            var key = (candidate.Team, candidate.Day);
            // A time already offered (with another RSM) is no new choice for the SDR.
            if (starts.Contains(candidate.Start) || taken.TryGetValue(key, out var sameDay) &&
                (sameDay.Count >= SlotScoring.PerRsmPerDay || sameDay.Any(s => Abs(s - candidate.Start) < SlotScoring.Spacing)))
            {
                continue;
            }
            var team = search.Teams[candidate.Team];
            var slot = new Interval(candidate.Start, candidate.Start + search.Length);
            var draft = scene.Draft(slot, team.Members, search.Prospect);
            guessed ??= Guessed(draft);
            (taken.TryGetValue(key, out var list) ? list : taken[key] = []).Add(candidate.Start);
            starts.Add(candidate.Start);
            var reasons = Reasons(team, slot, candidate).Concat(guessed).Concat(Unchecked(team, slot)).ToArray();
            chosen.Add(new Suggestion(slot, team.Lead.Profile, team.IsAlternative, MeetingChecker.TimesOf(draft), reasons, candidate.Score));
        }
        return chosen;
    }

    /// <summary>The prospect zone's guess, if it is one (the same for every slot): the check's own warning.</summary>
    private IReadOnlyList<SuggestionReason> Guessed(MeetingDraft draft)
    {
        var warnings = new List<Warning>();
        new Checks.Rules.ProspectZoneRule().Evaluate(draft, now, warnings);
        return warnings.Select(w => new SuggestionReason(w.Code, w.Message)).ToArray();
    }

    /// <summary>Travel the sweep could not check: a meeting place or a stop that day that cannot be placed.</summary>
    private IEnumerable<SuggestionReason> Unchecked(SlotTeam team, Interval slot)
    {
        if (scene.Where.Kind == LocationKind.Unknown)
        {
            yield return new(WarningCodes.LocationUnknown, TravelRule.UnknownPlace(scene.Where));
            yield break;
        }
        if (search.Place is null)
        {
            yield break;
        }
        foreach (var rsm in team.Members)
        {
            var itinerary = rsm.Itinerary ?? Itinerary.Empty;
            var day = slot.Start.InZone(rsm.Zone).Date;
            if (itinerary.LastEndingBy(slot.Start, rsm.Zone.AtStartOfDay(day).ToInstant()) is { Place: null } previous)
            {
                yield return new(WarningCodes.LocationUnknown, TravelRule.UnplacedBefore(previous, rsm.Zone));
            }
            if (itinerary.FirstStartingFrom(slot.End, rsm.Zone.AtStartOfDay(day.PlusDays(1)).ToInstant()) is { Place: null } next)
            {
                yield return new(WarningCodes.LocationUnknown, TravelRule.UnplacedAfter(next, rsm.Zone));
            }
        }
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
        if (scene.Territory is { Owner: { } owner, Territory: not null } && owner.Address == lead.Profile.Address)
        {
            yield return scene.Territory.Pick is { } pick
                ? new(ReasonCodes.TerritoryOwner, $"{scene.Territory.Territory.Name}'s {Routing.Modes.PickText.ModeName(pick.Mode).ToLowerInvariant()} gives {scene.Territory.Place?.Label} to {lead.Name}: {pick.Text}.")
                : new(ReasonCodes.TerritoryOwner, $"{lead.Name} owns {scene.Territory.Place?.Label}: {scene.Territory.ExplanationInSentence}.");
        }
        if (scene.Request.Vertical is { } vertical && lead.Profile.Specialises(vertical))
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
        if (scene.Where.Kind == LocationKind.Online)
        {
            yield return new(ReasonCodes.OnlineMeeting, "Online meeting: no travel to fit around.");
        }
    }

    private IEnumerable<SuggestionReason> TravelReasons(RsmContext rsm, Interval slot, Place place)
    {
        var trips = search.TripsFor(rsm.Profile);
        var itinerary = rsm.Itinerary ?? Itinerary.Empty;
        var day = slot.Start.InZone(rsm.Zone).Date;
        var dayStart = rsm.Zone.AtStartOfDay(day).ToInstant();
        var previous = itinerary.LastEndingBy(slot.Start, dayStart);
        if (previous is { Place: { } from })
        {
            var trip = trips.FromStop(previous);
            var gap = slot.Start - previous.Interval.End;
            yield return trips.IsNear(trip) && gap <= SlotScoring.Adjacent
                ? new(ReasonCodes.NearRsmMeeting,
                    $"Down the street: {rsm.Name} is at {previous.Describe()} {Km(trip.Leg)} away until {At(previous.Interval.End, rsm.Zone)}.")
                : new(ReasonCodes.TravelFits,
                    $"{rsm.Name} needs ~{Formats.Span(trip.Needed)}{TravelRule.By(trip.Leg)} to get {TravelRule.Route(from, place)} after {previous.Describe()} and has {Formats.Span(gap)}.");
        }
        else if (previous is null && rsm.Profile.HomeBase is { } home && rsm.WorkingHours.On(day.DayOfWeek) is { } hours)
        {
            var trip = trips.FromHome(home, hours.On(day, rsm.Zone).Start);
            yield return new(ReasonCodes.TravelFits,
                $"{rsm.Name} can get from home ({PlaceNames.Short(home)}) to {PlaceNames.Short(place)} in ~{Formats.Span(trip.NeededFromHome)}{TravelRule.By(trip.Leg)} after the working day starts.");
        }
        if (itinerary.FirstStartingFrom(slot.End, rsm.Zone.AtStartOfDay(day.PlusDays(1)).ToInstant()) is { Place: { } to } next)
        {
            var trip = trips.ToStop(next);
            var gap = next.Interval.Start - slot.End;
            yield return trips.IsNear(trip) && gap <= SlotScoring.Adjacent
                ? new(ReasonCodes.NearRsmMeeting,
                    $"Down the street: {rsm.Name} has {next.Describe()} {Km(trip.Leg)} away at {At(next.Interval.Start, rsm.Zone)}.")
                : new(ReasonCodes.TravelFits,
                    $"{rsm.Name} has {Formats.Span(gap)} afterwards to get {TravelRule.Route(place, to)} for {next.Describe()} (needs ~{Formats.Span(trip.Needed)}{TravelRule.By(trip.Leg)}).");
        }
    }

    private static string Local(Interval slot, DateTimeZone zone) =>
        $"{Formats.Weekday(slot.Start.InZone(zone).Date)} {Formats.Range(slot.Start.InZone(zone), slot.End.InZone(zone))} {ZoneNames.Friendly(zone)}";

    private static string At(Instant instant, DateTimeZone zone) => $"{Formats.Time(instant.InZone(zone))} {ZoneNames.Friendly(zone)}";

    private static string Km(TravelLeg leg) => leg.DistanceKm < 1 ? "less than 1 km" : $"{Math.Round(leg.DistanceKm):0} km";

    private static Duration Abs(Duration d) => d < Duration.Zero ? -d : d;

}
