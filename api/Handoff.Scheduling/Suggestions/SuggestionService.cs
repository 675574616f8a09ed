using System.Globalization;
using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Routing;
using Handoff.Scheduling.Routing.Modes;
using Handoff.Scheduling.Travel;
using NodaTime;

namespace Handoff.Scheduling.Suggestions;

/// <summary>
/// The suggestion use case: choose the candidate RSMs, read all their calendars over the whole window in ONE
/// call to the calendar port, sweep for clean slots (<see cref="SlotFinder"/>), and keep the best ones that the
/// full check confirms raise no blocker, each with every party's local time and its reasons.
/// </summary>
public sealed class SuggestionService(
    IOrgDirectory directory,
    ICalendarSource calendars,
    IClock clock,
    IPlaceResolver places,
    MeetingChecker checker,
    CheckOptions options,
    TravelOptions travel,
    IHeldRatesSource? heldRates = null,
    ITerritoryPicker? picker = null)
{
    /// <summary>Nobody books a first meeting that starts in minutes: slots start at least this far from now.</summary>
    public static readonly Duration MinimumNotice = Duration.FromHours(1);

    /// <summary>Graph reads at most 62 days of calendar at once.</summary>
    public static readonly Duration MaxCalendarWindow = Duration.FromDays(62);

    private static readonly Duration MaxOffset = Duration.FromHours(14);

    public async Task<SuggestionResult> SuggestAsync(SuggestionQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var request = query.Draft;
        var snapshot = await directory.GetSnapshotAsync(cancellationToken);
        var (invited, prospects) = MeetingCheckService.Classify(request, snapshot);
        var memo = new PlaceMemo(places);
        var territories = TerritoryResolver.For(snapshot);
        var where = memo.Resolve(request.Location, ProspectHints.For(prospects, invited, territories));
        var territory = where is { Kind: LocationKind.Place, Place: { } place } ? territories.Resolve(place, request.Vertical) : null;
        if (territory is not null && picker is not null)
        {
            // The owner searched first is the one the territory's mode picks (round robin, performance).
            territory = await picker.ApplyAsync(territory, request.Vertical, snapshot, PickUse.Check, cancellationToken);
        }

        var dates = BusinessDates(query.WindowStart ?? now.InZone(request.OrganizerZone).Date, Math.Clamp(query.BusinessDays, 1, SuggestionQuery.MaxBusinessDays));
        var window = new DateInterval(dates[0], dates[^1]);
        var teams = CandidateRsms.Choose(invited, territory, request.Vertical, snapshot, query.IncludeAlternatives);
        if (teams.Count == 0)
        {
            return new SuggestionResult([], ["Add an RSM to the invite, a meeting location or a vertical, so Handoff knows whose calendars to search."], window);
        }

        var emails = teams.SelectMany(t => t.Members).Select(r => r.Email).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var lookups = await calendars.ReadAsync(emails, CalendarWindow(dates, request.OrganizerZone, request.Meeting.Duration), cancellationToken);
        var byEmail = lookups.ToDictionary(l => l.Email, StringComparer.OrdinalIgnoreCase);
        var contexts = snapshot.Rsms.Where(r => emails.Contains(r.Email, StringComparer.OrdinalIgnoreCase))
            .ToDictionary(r => r.Email, r => MeetingCheckService.ContextFor(r, byEmail.GetValueOrDefault(r.Email), request.OrganizerZone, options, memo), StringComparer.OrdinalIgnoreCase);

        var notices = new List<string>();
        var searchable = new List<SlotTeam>();
        foreach (var team in teams)
        {
            var members = team.Members.Select(m => contexts[m.Email]).ToArray();
            if (members.FirstOrDefault(m => m.CalendarProblem is not null) is { } unreadable)
            {
                notices.Add($"Could not read {unreadable.Name}'s calendar ({unreadable.CalendarProblem!.Reason}), so no times are suggested for {(members.Length > 1 ? "the invited RSMs" : unreadable.Name)}.");
                continue;
            }
            searchable.Add(new SlotTeam(members, team.Role, team.IsAlternative));
        }

        var lead = invited.Count > 0 ? invited : teams[0].Members;
        var prospect = ProspectWeek.Apply(ProspectLocator.Locate(request.ProspectZone, where, territory, territories, lead, options.ProspectBusinessHours, prospects, memo), where);
        var search = new SlotSearch(request.Meeting.Duration, request.OrganizerZone, dates, now + MinimumNotice, prospect,
            where.Kind == LocationKind.Place ? where.Place : null, snapshot, travel, searchable)
        {
            HeldRates = query.HeldRates ?? (heldRates is null ? HeldRates.None : await heldRates.GetAsync(cancellationToken)),
        };
        var (candidates, broken) = FindIsolated(search);
        if (broken.Count > 0)
        {
            search = search with { Teams = search.Teams.Except(broken).ToArray() };
            candidates = SlotFinder.Find(search);
            notices.AddRange(broken.Select(t => $"Handoff could not search {t.Lead.Name}'s calendar for times (their settings could not be used); check their availability by hand."));
        }

        var writer = new SuggestionWriter(search, request, where, territory, checker, now);
        var suggestions = writer.Pick(candidates, Math.Clamp(query.MaxResults, 1, SuggestionQuery.MaxMaxResults));
        if (suggestions.Count == 0 && searchable.Count > 0)
        {
            notices.Add($"No time in the {dates.Count} business days from {dates[0].ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)} fits everyone's hours, calendars and travel; try a later window or a shorter meeting.");
        }
        return new SuggestionResult(suggestions, notices, window);
    }

    /// <summary>
    /// One RSM whose settings no rule foresaw must not fail the whole search: when the sweep throws, each team is
    /// swept alone to find the ones that fail, and those are left out (with a notice) instead of answering 500.
    /// </summary>
    private static (List<SlotCandidate> Candidates, List<SlotTeam> Broken) FindIsolated(SlotSearch search)
    {
        try
        {
            return (SlotFinder.Find(search), []);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var broken = new List<SlotTeam>();
            foreach (var team in search.Teams)
            {
                try
                {
                    SlotFinder.Find(search with { Teams = [team] });
                }
                catch (Exception inner) when (inner is not OperationCanceledException)
                {
                    broken.Add(team);
                }
            }
            return ([], broken.Count > 0 ? broken : [.. search.Teams]);
        }
    }

    /// <summary>The first <paramref name="count"/> Monday–Friday dates from <paramref name="from"/> on.</summary>
    public static IReadOnlyList<LocalDate> BusinessDates(LocalDate from, int count)
    {
        var dates = new List<LocalDate>(count);
        for (var date = from; dates.Count < count; date = date.PlusDays(1))
        {
            if (date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
            {
                dates.Add(date);
            }
        }
        return dates;
    }

    /// <summary>Whole UTC days covering every party's local days of the window, plus the last slot's length.</summary>
    public static Interval CalendarWindow(IReadOnlyList<LocalDate> dates, DateTimeZone organizerZone, Duration length)
    {
        var start = organizerZone.AtStartOfDay(dates[0]).ToInstant() - MaxOffset;
        var end = organizerZone.AtStartOfDay(dates[^1].PlusDays(1)).ToInstant() + length + MaxOffset;
        var window = new Interval(
            start.InUtc().Date.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(),
            end.InUtc().Date.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant());
        return window.Duration <= MaxCalendarWindow ? window : new Interval(window.Start, window.Start + MaxCalendarWindow);
    }
}
