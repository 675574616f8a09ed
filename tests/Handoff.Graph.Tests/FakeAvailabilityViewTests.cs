using Handoff.Graph.Fake;
using NodaTime;

namespace Handoff.Graph.Tests;

/// <summary>
/// The fake's availabilityView sweep says what the plain definition says (each slot: the most serious status of the
/// items overlapping it), for random items, windows and slot lengths, including items that start before the window,
/// end after it, or touch a slot's edge.
/// </summary>
public class FakeAvailabilityViewTests
{
    [Test]
    public void Sweep_EqualsTheDefinition([Range(1, 200)] int seed)
    {
        var random = new Random(seed);
        var origin = Instant.FromUtc(2026, 12, 7, 0, 0) + Duration.FromMinutes(random.Next(-90, 90));
        var window = new Interval(origin, origin + Duration.FromMinutes(random.Next(0, 3 * 24 * 60)));
        var interval = new[] { 5, 15, 30, 60, 7, 1440 }[random.Next(6)];
        string[] statuses = ["free", "tentative", "busy", "oof", "workingElsewhere"];
        var items = Enumerable.Range(0, random.Next(0, 40)).Select(_ =>
        {
            var start = origin + Duration.FromMinutes(random.Next(-300, 4 * 24 * 60));
            return new FakeItem(start, start + Duration.FromMinutes(random.Next(1, 600)), statuses[random.Next(statuses.Length)]);
        }).Where(i => i.Start < window.End && window.Start < i.End).ToArray();

        Assert.That(GetScheduleEndpoint.AvailabilityView(items, window, interval), Is.EqualTo(Definition(items, window, interval)));
    }

    private static string Definition(FakeItem[] items, Interval window, int interval)
    {
        var slot = Duration.FromMinutes(interval);
        var view = new System.Text.StringBuilder();
        for (var start = window.Start; start < window.End; start += slot)
        {
            var end = start + slot;
            view.Append(items.Where(i => i.Start < end && start < i.End)
                .Select(i => i.Status switch { "tentative" => 1, "busy" => 2, "oof" => 3, _ => 0 }).DefaultIfEmpty(0).Max());
        }
        return view.ToString();
    }
}
