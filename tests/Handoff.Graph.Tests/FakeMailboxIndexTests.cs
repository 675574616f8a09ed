using Handoff.Graph.Fake;
using NodaTime;

namespace Handoff.Graph.Tests;

/// <summary>
/// The fake finds a getSchedule window's items through an index sorted by start; it must answer exactly what the scan it
/// replaced did (every item overlapping the window, in order of start, ties in the order added), also for items added
/// after an answer was given.
/// </summary>
public class FakeMailboxIndexTests
{
    [Test]
    public void Overlapping_IsTheScan([Range(1, 60)] int seed)
    {
        var random = new Random(seed);
        var mailbox = new FakeMailbox("rsm@example.com");
        var origin = Instant.FromUtc(2026, 12, 7, 0, 0);
        for (var round = 0; round < 4; round++)
        {
            for (var i = 0; i < random.Next(0, 60); i++)
            {
                // Starts on the hour make ties common; lengths up to two days make items reach across windows.
                var start = origin + Duration.FromHours(random.Next(-48, 10 * 24));
                var length = random.Next(6) == 0 ? Duration.FromHours(random.Next(0, 49)) : Duration.FromMinutes(15 * random.Next(0, 9));
                mailbox.Add(start, start + length, subject: $"item {round}.{i}");
            }
            for (var w = 0; w < 10; w++)
            {
                var from = origin + Duration.FromMinutes(30 * random.Next(-100, 500));
                var window = new Interval(from, from + Duration.FromMinutes(30 * random.Next(0, 400)));
                var scan = mailbox.Items.Where(i => i.Start < window.End && window.Start < i.End).OrderBy(i => i.Start).ToArray();

                Assert.That(mailbox.Overlapping(window), Is.EqualTo(scan).AsCollection, $"round {round}, window {window}");
            }
        }
    }

    [Test]
    public void Overlapping_SeesItemsAddedAfterAnAnswer()
    {
        var mailbox = new FakeMailbox("rsm@example.com");
        var at = Instant.FromUtc(2026, 12, 7, 15, 0);
        var window = new Interval(at, at + Duration.FromHours(1));
        mailbox.Add(at, at + Duration.FromMinutes(30), subject: "first");
        Assert.That(mailbox.Overlapping(window).Select(i => i.Subject), Is.EqualTo(new[] { "first" }));

        mailbox.Add(at - Duration.FromDays(3), at + Duration.FromMinutes(1), subject: "long, added later");
        mailbox.Add(at, at + Duration.FromMinutes(10), subject: "tie, added later");

        Assert.That(mailbox.Overlapping(window).Select(i => i.Subject), Is.EqualTo(new[] { "long, added later", "first", "tie, added later" }));
    }
}
