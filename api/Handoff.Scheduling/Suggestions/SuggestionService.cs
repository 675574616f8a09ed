using System.Globalization;
using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Travel;
using NodaTime;

namespace Handoff.Scheduling.Suggestions;

/// <summary>
/// What a search will read and sweep, decided before any calendar is read, so a check can read the search's
/// calendars in its own (one) read: the business dates, the candidate teams, their mailboxes and the window.
/// </summary>
public sealed record SearchPlan(
    CheckScene Scene,
    SuggestionQuery Query,
    Instant Now,
    IReadOnlyList<LocalDate> Dates,
    IReadOnlyList<CandidateTeam> Teams,
    IReadOnlyList<RsmProfile> Mailboxes,
    Interval Window)
{
    public DateInterval Span => new(Dates[0], Dates[^1]);
}

/// <summary>
/// The suggestion use case: choose the candidate RSMs, read all their calendars over the whole window in ONE
/// call to the calendar port, sweep for clean slots (<see cref="SlotFinder"/>), and keep the best ones, each with
/// every party's local time and its reasons (the sweep admits only slots the check would not block: see
/// <see cref="SuggestionWriter"/>). <see cref="Plan"/> and <see cref="SearchAsync"/> are the two halves a
/// blocked check uses with its own scene and read (<see cref="MeetingCheckService"/>).
/// </summary>
public sealed class SuggestionService(
    IOrgDirectory directory,
    ICalendarSource calendars,
    IClock clock,
    IPlaceResolver places,
    TripEstimator travel,
    CheckOptions options,
    IHeldRatesSource? heldRates = null,
    Routing.Modes.ITerritoryPicker? picker = null)
{
    /// <summary>Nobody books a first meeting that starts in minutes: slots start at least this far from now.</summary>
    public static readonly Duration MinimumNotice = Duration.FromHours(1);

    /// <summary>Graph reads at most 62 days of calendar at once.</summary>
    public static readonly Duration MaxCalendarWindow = Duration.FromDays(62);

    private static readonly Duration MaxOffset = Duration.FromHours(14);

    public async Task<SuggestionResult> SuggestAsync(SuggestionQuery query, CancellationToken cancellationToken)
    {
        // The owner searched first is the one the territory's mode picks (round robin, performance).
        var scene = await CheckScene.Resolve(query.Draft, await directory.GetSnapshotAsync(cancellationToken), places, options)
            .WithModeAsync(picker, cancellationToken);
        var plan = Plan(scene, query, clock.GetCurrentInstant());
        if (plan.Mailboxes.Count == 0)
        {
            return await SearchAsync(plan, new Dictionary<EmailAddress, RsmContext>(), cancellationToken);
        }
        var lookups = await calendars.ReadAsync(plan.Mailboxes.Select(r => r.Email).ToArray(), plan.Window, cancellationToken);
        return await SearchAsync(plan, scene.Contexts(plan.Mailboxes, lookups), cancellationToken);
    }

    /// <summary>The dates, teams, mailboxes and calendar window of a search for <paramref name="query"/> in <paramref name="scene"/>.</summary>
    public SearchPlan Plan(CheckScene scene, SuggestionQuery query, Instant now)
    {
        var request = query.Draft;
        var dates = BusinessDates(query.WindowStart ?? now.InZone(request.OrganizerZone).Date, Math.Clamp(query.BusinessDays, 1, SuggestionQuery.MaxBusinessDays));
        var teams = CandidateRsms.Choose(scene.Rsms, scene.Territory, request.Vertical, scene.Org, query.IncludeAlternatives);
        var mailboxes = teams.SelectMany(t => t.Members).DistinctBy(r => r.Address).ToArray();
        return new SearchPlan(scene, query, now, dates, teams, mailboxes, CalendarWindow(dates, request.OrganizerZone, request.Meeting.Duration));
    }

    /// <summary>Sweeps <paramref name="plan"/>'s teams over the calendars read into <paramref name="contexts"/>.</summary>
    public async Task<SuggestionResult> SearchAsync(SearchPlan plan, IReadOnlyDictionary<EmailAddress, RsmContext> contexts, CancellationToken cancellationToken)
    {
        var (scene, query, now, dates, teams) = (plan.Scene, plan.Query, plan.Now, plan.Dates, plan.Teams);
        var request = query.Draft;
        if (teams.Count == 0)
        {
            return new SuggestionResult([], ["Add an RSM to the invite, a meeting location or a vertical, so Handoff knows whose calendars to search."], plan.Span);
        }

        var notices = new List<string>();
        var searchable = new List<SlotTeam>();
        foreach (var team in teams)
        {
            var members = team.Members.Select(m => contexts[m.Address]).ToArray();
            if (members.FirstOrDefault(m => m.CalendarProblem is not null) is { } unreadable)
            {
                notices.Add($"Could not read {unreadable.Name}'s calendar ({unreadable.CalendarProblem!.Reason}), so no times are suggested for {(members.Length > 1 ? "the invited RSMs" : unreadable.Name)}.");
                continue;
            }
            searchable.Add(new SlotTeam(members, team.Role, team.IsAlternative));
        }

        var prospect = scene.ProspectLedBy(teams[0].Members);
        var search = new SlotSearch(request.Meeting.Duration, request.OrganizerZone, dates, now + MinimumNotice, prospect, scene.Place, scene.Org, travel, searchable)
        {
            // The prospect's vertical first, then the territory the meeting routes to (the region), then the org.
            HeldRates = query.HeldRates ?? (heldRates is null ? HeldRates.None
                : (await heldRates.GetAsync(cancellationToken)).For(request.Vertical, scene.Territory?.Territory?.Name)),
            Territory = scene.Territory?.Territory,
            Territories = scene.Territories,
        };
        var (candidates, broken) = FindIsolated(search);
        if (broken.Count > 0)
        {
            search = search with { Teams = search.Teams.Except(broken).ToArray() };
            candidates = SlotFinder.Find(search);
            notices.AddRange(broken.Select(t => $"Handoff could not search {t.Lead.Name}'s calendar for times (their settings could not be used); check their availability by hand."));
        }

        var writer = new SuggestionWriter(search, scene, now);
        var suggestions = writer.Pick(candidates, Math.Clamp(query.MaxResults, 1, SuggestionQuery.MaxMaxResults));
        if (suggestions.Count == 0 && searchable.Count > 0)
        {
            notices.Add($"No time in the {dates.Count} business days from {dates[0].ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)} fits everyone's hours, calendars and travel; try a later window or a shorter meeting.");
        }
        return new SuggestionResult(suggestions, notices, plan.Span);
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
