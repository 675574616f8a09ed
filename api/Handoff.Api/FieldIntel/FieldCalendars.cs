using Handoff.Api.Admin.FieldPlans;
using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Field;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Handoff.Api.FieldIntel;

/// <summary>
/// Reads RSMs' calendars over a range of days for the field reports. Graph's getSchedule answers at most 62 days
/// per call, so longer ranges are read 31 days at a time. An RSM whose calendar cannot be read is left out and
/// named in <see cref="FieldCalendarRead.Unavailable"/> (the reports say so rather than count them as absent).
/// </summary>
public sealed class FieldCalendars(ICalendarSource calendars, IPlaceResolver places, CheckOptions options)
{
    private static readonly Duration MaxOffset = Duration.FromHours(14);
    private const int ChunkDays = 31;

    public async Task<FieldCalendarRead> ReadAsync(IReadOnlyList<RsmProfile> rsms, DateInterval dates, CancellationToken ct)
    {
        if (rsms.Count == 0)
        {
            return new FieldCalendarRead([], []);
        }
        var emails = rsms.Select(r => r.Email).ToArray();
        var items = emails.ToDictionary(e => e, _ => new List<BusyBlock>(), StringComparer.OrdinalIgnoreCase);
        var found = new Dictionary<string, RsmCalendar>(StringComparer.OrdinalIgnoreCase);
        var problems = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var start = dates.Start.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() - MaxOffset;
        var end = dates.End.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() + MaxOffset;
        for (var from = start; from < end; from += Duration.FromDays(ChunkDays))
        {
            var window = new Interval(from, Instant.Min(end, from + Duration.FromDays(ChunkDays)));
            foreach (var lookup in await calendars.ReadAsync(emails, window, ct))
            {
                if (lookup.Calendar is { } calendar)
                {
                    found[lookup.Email] = calendar;
                    // An item spanning two windows comes back twice: keep it once.
                    items[lookup.Email].AddRange(calendar.Items.Where(i => i.Interval.Start >= window.Start || from == start));
                }
                else
                {
                    problems[lookup.Email] = lookup.Problem?.Reason ?? "no answer";
                }
            }
        }
        var views = rsms.Where(r => found.ContainsKey(r.Email) && !problems.ContainsKey(r.Email)).Select(r =>
        {
            var calendar = found[r.Email];
            var zone = r.Zone ?? calendar.Zone ?? DateTimeZone.Utc;
            var hours = r.WorkingHours ?? calendar.WorkingHours ?? options.DefaultRsmWorkingHours;
            return RsmCalendarView.Build(r, zone, hours, items[r.Email], places);
        }).ToArray();
        return new FieldCalendarRead(views, problems.Select(p => new UnavailableCalendar(p.Key, p.Value)).ToArray());
    }

    /// <summary>Field plans overlapping the dates, from the store (the check's snapshot leaves past plans out).</summary>
    public static async Task<IReadOnlyList<FieldPlan>> PlansAsync(HandoffDbContext db, DateInterval dates, CancellationToken ct) =>
        (await db.FieldPlans.AsNoTracking().Include(p => p.Rsm).Where(p => p.To >= dates.Start && p.From <= dates.End).OrderBy(p => p.From).ToListAsync(ct))
        .Select(p => p.ToFieldPlan()).ToArray();

    /// <summary>"from"/"to" query dates with defaults and a longest range; a 400 naming the field otherwise.</summary>
    public static bool TryReadRange(string? from, string? to, LocalDate defaultFrom, LocalDate defaultTo, int maxDays, out DateInterval dates, out ValidationProblem? problem)
    {
        dates = new DateInterval(defaultFrom, defaultTo);
        problem = null;
        var errors = new Dictionary<string, string[]>();
        var f = defaultFrom;
        var t = defaultTo;
        if (from is not null && !Dates.TryParse(from, out f))
        {
            errors["from"] = [$"'{from}' is not a date such as 2026-12-07."];
        }
        if (to is not null && !Dates.TryParse(to, out t))
        {
            errors["to"] = [$"'{to}' is not a date such as 2026-12-07."];
        }
        if (errors.Count == 0 && t < f)
        {
            errors["to"] = ["'to' must be on or after 'from'."];
        }
        if (errors.Count == 0 && Period.Between(f, t, PeriodUnits.Days).Days + 1 > maxDays)
        {
            errors["to"] = [$"At most {maxDays} days at a time."];
        }
        if (errors.Count > 0)
        {
            problem = TypedResults.ValidationProblem(errors);
            return false;
        }
        dates = new DateInterval(f, t);
        return true;
    }
}

public sealed record UnavailableCalendar(string Email, string Reason);

public sealed record FieldCalendarRead(IReadOnlyList<RsmCalendarView> Calendars, IReadOnlyList<UnavailableCalendar> Unavailable);
