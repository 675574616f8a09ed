using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Suggestions;
using NodaTime;

namespace Handoff.Scheduling.Checks;

/// <summary>A check's verdict, and when it is blocked and suggestions were asked for, better times.</summary>
public sealed record CheckOutcome(CheckResult Check, SuggestionResult? Suggestions);

/// <summary>
/// The check use case: resolve the scene once (<see cref="CheckScene"/>: attendees, place, territory, prospect), read
/// the RSMs' calendars in one call to the calendar port, and run the rules. Asked to, a blocked check also carries
/// suggestions, searched in the same scene over the same read: the read then covers the search's window and
/// candidates too, so a blocked check still costs one calendar read.
/// </summary>
public sealed class MeetingCheckService(
    IOrgDirectory directory, ICalendarSource calendars, IClock clock, MeetingChecker checker, CheckOptions options, IPlaceResolver places,
    SuggestionService? suggestions = null,
    Routing.Modes.ITerritoryPicker? picker = null)
{
    /// <summary>Every zone's local day lies within 14 hours of the UTC day.</summary>
    private static readonly Duration MaxOffset = Duration.FromHours(14);

    /// <summary>Without a gazetteer: locations are not interpreted (no zone inference, no travel).</summary>
    public MeetingCheckService(IOrgDirectory directory, ICalendarSource calendars, IClock clock, MeetingChecker checker, CheckOptions options)
        : this(directory, calendars, clock, checker, options, NoPlaceResolver.Instance)
    {
    }

    public async Task<CheckResult> CheckAsync(MeetingRequest request, CancellationToken cancellationToken) =>
        (await CheckAsync(request, suggestWhenBlocked: false, cancellationToken)).Check;

    /// <param name="suggestWhenBlocked">
    /// Search for better times (<see cref="SuggestionQuery.InsteadOf"/>) when the verdict is blocked; needs the
    /// suggestion service.
    /// </param>
    public async Task<CheckOutcome> CheckAsync(MeetingRequest request, bool suggestWhenBlocked, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var scene = await CheckScene.Resolve(request, await directory.GetSnapshotAsync(cancellationToken), places, options)
            .WithModeAsync(picker, cancellationToken);
        var plan = suggestWhenBlocked && suggestions is not null ? suggestions.Plan(scene, SuggestionQuery.InsteadOf(request, now), now) : null;

        IEnumerable<RsmProfile> mailboxes = scene.Rsms;
        var window = CalendarWindow(request.Meeting);
        if (plan is not null && plan.Mailboxes.Count > 0)
        {
            mailboxes = scene.Rsms.Concat(plan.Mailboxes);
            window = new Interval(Instant.Min(window.Start, plan.Window.Start), Instant.Max(window.End, plan.Window.End));
        }
        var emails = mailboxes.DistinctBy(r => r.Address).Select(r => r.Email).ToArray();
        var lookups = emails.Length == 0 ? [] : await calendars.ReadAsync(emails, window, cancellationToken);
        var contexts = scene.Contexts(mailboxes, lookups);

        var draft = scene.Draft(request.Meeting, scene.Rsms.Select(r => contexts[r.Address]).ToArray());
        var result = checker.Evaluate(draft, now);
        var better = result.Verdict == Verdict.Blocked && plan is not null
            ? await suggestions!.SearchAsync(plan, contexts, cancellationToken)
            : null;
        return new CheckOutcome(result, better);
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
}
