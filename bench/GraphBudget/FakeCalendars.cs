using Handoff.Graph.Fake;
using NodaTime;

namespace Handoff.Bench.GraphBudget;

/// <summary>
/// The synthetic org's mailboxes (bench.rsm01@example.com …, as Bench:Rsms names them) in the fake: seeded items
/// every day, none between 17:00 and 19:00 UTC so the measured drafts are clear (a blocked check would also search
/// for suggestions, a different path).
/// </summary>
internal static class FakeCalendars
{
    private static readonly string[] Statuses = ["busy", "busy", "busy", "tentative", "workingElsewhere", "free"];
    // Online, or at the meeting's own site: the measured drafts must not be blocked by travel (see the summary).
    private static readonly string[] Places = ["Microsoft Teams Meeting", "Customer site, Fresno, CA 93706", "Phone"];

    public static void Fill(FakeGraph graph, int mailboxes, LocalDate from, LocalDate to, int itemsPerDay)
    {
        var random = new Random(7);
        for (var i = 1; i <= mailboxes; i++)
        {
            graph.AddMailbox($"bench.rsm{i:00}@example.com", mailbox =>
            {
                mailbox.WorkingHours = FakeWorkingHours.Weekdays("08:00", "17:00", FakeZone.Named("Pacific Standard Time"));
                for (var date = from; date <= to; date = date.PlusDays(1))
                {
                    var day = date.AtMidnight().InUtc().ToInstant();
                    for (var k = 0; k < itemsPerDay; k++)
                    {
                        // Quarter-hours from 19:00 UTC to 17:00 UTC next day (22 hours), 30-90 minutes long.
                        var start = day + Duration.FromHours(19) + Duration.FromMinutes(15 * random.Next(0, 22 * 4 - 6));
                        var end = start + Duration.FromMinutes(30 * random.Next(1, 4));
                        mailbox.Add(start, end, Statuses[random.Next(Statuses.Length)], "Customer meeting", Places[random.Next(Places.Length)], isPrivate: random.Next(10) == 0);
                    }
                }
            });
        }
    }
}
