using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Org;
using NodaTime;

namespace Handoff.Scheduling.Checks;

/// <summary>
/// The check use case: find the RSMs and the prospect among the attendees, read the RSMs' calendars
/// (one call to the calendar port), and run the rules.
/// </summary>
public sealed class MeetingCheckService(
    IOrgDirectory directory,
    ICalendarSource calendars,
    IClock clock,
    MeetingChecker checker,
    CheckOptions options)
{
    /// <summary>Every zone's local day lies within 14 hours of the UTC day.</summary>
    private static readonly Duration MaxOffset = Duration.FromHours(14);

    public async Task<CheckResult> CheckAsync(MeetingRequest request, CancellationToken cancellationToken)
    {
        var snapshot = await directory.GetSnapshotAsync(cancellationToken);
        var (rsms, prospects) = Classify(request, snapshot);

        var lookups = rsms.Count == 0
            ? []
            : await calendars.ReadAsync(rsms.Select(r => r.Email).ToArray(), CalendarWindow(request.Meeting), cancellationToken);
        var byEmail = lookups.ToDictionary(l => l.Email, StringComparer.OrdinalIgnoreCase);

        var rsmContexts = rsms.Select(r => ContextFor(r, byEmail.GetValueOrDefault(r.Email), request.OrganizerZone)).ToArray();
        var prospect = new ProspectContext(
            request.ProspectZone,
            options.ProspectBusinessHours,
            prospects,
            Source: request.ProspectZone is null ? ZoneSource.Unknown : ZoneSource.Request,
            SourceDetail: request.ProspectZone is null ? null : "given in the request");

        var draft = new MeetingDraft(request.Meeting, request.OrganizerZone, request.OrganizerEmail, prospect, rsmContexts, request.Location, request.Vertical);
        return checker.Evaluate(draft, clock.GetCurrentInstant());
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

    private static (List<RsmProfile> Rsms, List<string> Prospects) Classify(MeetingRequest request, OrgSnapshot snapshot)
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

    private RsmContext ContextFor(RsmProfile rsm, CalendarLookup? lookup, DateTimeZone organizerZone)
    {
        var calendar = lookup?.Calendar;
        // The admin's settings win over what the mailbox reports; the organizer's zone is the last resort.
        var zone = rsm.Zone ?? calendar?.Zone ?? organizerZone;
        var hours = rsm.WorkingHours ?? calendar?.WorkingHours ?? options.DefaultRsmWorkingHours;
        var problem = lookup is null ? new CalendarProblem("the calendar service gave no answer for this mailbox", Outage: true) : lookup.Problem;
        return new RsmContext(rsm, zone, hours, calendar?.Items ?? [], problem);
    }
}
