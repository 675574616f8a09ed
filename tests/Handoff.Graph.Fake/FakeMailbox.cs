using System.Text.Json.Nodes;
using NodaTime;

namespace Handoff.Graph.Fake;

/// <summary>One mailbox: its items, working hours, sharing and an optional per-schedule error.</summary>
public sealed class FakeMailbox(string email)
{
    public string Email { get; } = email;

    private readonly List<FakeItem> _items = [];
    private readonly Lock _gate = new();
    private ByStart? _byStart;

    /// <summary>The items in the order they were added.</summary>
    public IReadOnlyList<FakeItem> Items => _items;

    public FakeWorkingHours? WorkingHours { get; set; } = FakeWorkingHours.Weekdays("08:00", "17:00", FakeZone.Named("Pacific Standard Time"));

    /// <summary>False: free/busy only, as when the owner shares no details (no subject, no location).</summary>
    public bool SharesDetails { get; set; } = true;

    /// <summary>
    /// Users who see subject and location even when <see cref="SharesDetails"/> is false (Outlook's "can view
    /// titles and locations" granted to them): what a delegated <c>/me/calendar/getSchedule</c> caller gets.
    /// </summary>
    public HashSet<string> SharesDetailsWith { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A per-schedule error Graph reports inside a 200 answer (e.g. responseCode 5009).</summary>
    public FakeScheduleError? Error { get; set; }

    public FakeMailbox Add(Instant start, Instant end, string status = "busy", string? subject = null, string? location = null, bool isPrivate = false)
    {
        lock (_gate)
        {
            _items.Add(new FakeItem(start, end, status, subject, location, isPrivate));
            _byStart = null;
        }
        return this;
    }

    /// <summary>
    /// The items overlapping <paramref name="window"/> in order of start, ties in the order they were added: what
    /// <c>Items.Where(overlaps).OrderBy(start)</c> gives, found by a binary search over the items sorted once after the
    /// last <see cref="Add"/>. The benchmarks' mailboxes hold years of items (each cold check reads days no earlier one
    /// read), and scanning all of them for every getSchedule was most of the fake's own time per answer; Graph's server
    /// time is not the client's, so the fake should not spend it.
    /// </summary>
    public FakeItem[] Overlapping(Interval window)
    {
        ByStart index;
        lock (_gate)
        {
            index = _byStart ??= ByStart.Of(_items);
        }
        return index.Overlapping(window);
    }

    private sealed class ByStart(FakeItem[] sorted, Duration longest)
    {
        public static ByStart Of(List<FakeItem> items)
        {
            // A stable sort (OrderBy), as the definition's: items that start together keep the order they were added in.
            var sorted = items.OrderBy(i => i.Start).ToArray();
            var longest = Duration.Zero;
            foreach (var item in sorted)
            {
                longest = Duration.Max(longest, item.End - item.Start);
            }
            return new ByStart(sorted, longest);
        }

        public FakeItem[] Overlapping(Interval window)
        {
            // No item is longer than the longest, so none starting before window.Start - longest can reach the window.
            var from = window.Start - longest;
            int lo = 0, hi = sorted.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (sorted[mid].Start < from) { lo = mid + 1; } else { hi = mid; }
            }
            var found = new List<FakeItem>();
            for (var i = lo; i < sorted.Length && sorted[i].Start < window.End; i++)
            {
                if (window.Start < sorted[i].End)
                {
                    found.Add(sorted[i]);
                }
            }
            return found.ToArray();
        }
    }
}

/// <summary>
/// A schedule item. The fake sends private items' subject and location too, the worst a server can do,
/// so tests prove the reader drops them.
/// </summary>
public sealed record FakeItem(Instant Start, Instant End, string Status = "busy", string? Subject = null, string? Location = null, bool IsPrivate = false);

public sealed record FakeScheduleError(string ResponseCode, string Message)
{
    public static FakeScheduleError UnknownAddress(string email) => new("5009", $"Unable to resolve e-mail address {email} to an Active Directory object.");
}

/// <summary>Graph's workingHours: one range of local times for the listed days, with the zone object as Graph sends it.</summary>
public sealed record FakeWorkingHours(IReadOnlyList<IsoDayOfWeek> Days, LocalTime Start, LocalTime End, JsonObject TimeZone)
{
    private static readonly NodaTime.Text.LocalTimePattern HourMinute = NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    public static FakeWorkingHours Weekdays(string start, string end, JsonObject zone) => new(
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday],
        HourMinute.Parse(start).Value,
        HourMinute.Parse(end).Value,
        zone);
}

/// <summary>The timeZone objects of workingHours, shaped as the v1.0 metadata says.</summary>
public static class FakeZone
{
    /// <summary>A timeZoneBase: a Windows or IANA name.</summary>
    public static JsonObject Named(string name) => new() { ["name"] = name };

    /// <summary>
    /// A #microsoft.graph.customTimeZone: <paramref name="bias"/> minutes (UTC = local + bias), daylight time
    /// from the <paramref name="daylightOccurrence"/>th <paramref name="daylightDay"/> of <paramref name="daylightMonth"/>
    /// to the standard transition, <paramref name="daylightBias"/> added meanwhile. Occurrence 5 means the last.
    /// </summary>
    public static JsonObject Custom(
        int bias,
        int standardMonth, int standardOccurrence, string standardDay, string standardTime,
        int daylightMonth, int daylightOccurrence, string daylightDay, string daylightTime,
        int daylightBias = -60,
        string name = "Customized Time Zone") => new()
        {
            ["@odata.type"] = "#microsoft.graph.customTimeZone",
            ["name"] = name,
            ["bias"] = bias,
            ["standardOffset"] = new JsonObject
            {
                ["time"] = Time(standardTime), ["dayOccurrence"] = standardOccurrence, ["dayOfWeek"] = standardDay, ["month"] = standardMonth, ["year"] = 0,
            },
            ["daylightOffset"] = new JsonObject
            {
                ["time"] = Time(daylightTime), ["dayOccurrence"] = daylightOccurrence, ["dayOfWeek"] = daylightDay, ["month"] = daylightMonth, ["year"] = 0,
                ["daylightBias"] = daylightBias,
            },
        };

    /// <summary>A custom zone without daylight time.</summary>
    public static JsonObject CustomFixed(int bias, string name = "Customized Time Zone") => new()
    {
        ["@odata.type"] = "#microsoft.graph.customTimeZone",
        ["name"] = name,
        ["bias"] = bias,
        ["standardOffset"] = new JsonObject { ["time"] = "00:00:00.0000000", ["dayOccurrence"] = 0, ["dayOfWeek"] = "sunday", ["month"] = 0, ["year"] = 0 },
        ["daylightOffset"] = new JsonObject { ["time"] = "00:00:00.0000000", ["dayOccurrence"] = 0, ["dayOfWeek"] = "sunday", ["month"] = 0, ["year"] = 0, ["daylightBias"] = 0 },
    };

    private static string Time(string hhmm) => $"{hhmm}:00.0000000";
}
