using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Suggestions;
using NodaTime;
using NodaTime.Testing;
using static Handoff.Scheduling.Tests.PlaceAware.Geo;

namespace Handoff.Scheduling.Tests.PlaceAware;

/// <summary>"Blocked → suggest" in the core: one scene, one calendar read, the verdict and the better times together.</summary>
public class BlockedCheckTests
{
    private static readonly Instant Now = Utc("2026-04-13T12:00:00Z");
    private static readonly RsmProfile Dana = Crew.Dana();

    private static (MeetingCheckService Service, StubCalendars Calendars) Service()
    {
        var org = new OrgSnapshot([Dana], internalDomains: ["example.com"]);
        var calendars = new StubCalendars().With(Dana.Email, Item("2026-04-16T07:30", "2026-04-16T09:30", Pacific, SierraSteelText, "Plant visit"));
        var clock = new FakeClock(Now);
        var suggestions = new SuggestionService(new StubDirectory(org), calendars, clock, new PlaceBook(), Crew.Estimator(), new CheckOptions());
        return (new MeetingCheckService(new StubDirectory(org), calendars, clock, Crew.FullChecker(), new CheckOptions(), new PlaceBook(), suggestions), calendars);
    }

    private static MeetingRequest At(string localStart)
    {
        var start = Local(localStart, Pacific);
        return new MeetingRequest(new Interval(start, start + Duration.FromHours(1)), Pacific, [Dana.Email, "cfo@acme.example"], "sdr@example.com", SacramentoText);
    }

    [Test]
    public async Task BlockedCheck_CarriesSuggestions_FromTheSameRead()
    {
        var (service, calendars) = Service();

        var outcome = await service.CheckAsync(At("2026-04-16T10:00"), suggestWhenBlocked: true, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Check.Verdict, Is.EqualTo(Verdict.Blocked));
            Assert.That(outcome.Suggestions!.Suggestions, Has.Count.EqualTo(SuggestionQuery.InsteadOfBlockedCount));
            Assert.That(calendars.Reads, Has.Count.EqualTo(1), "one read for the check and its suggestions");
            Assert.That(calendars.Reads[0].Window.Contains(outcome.Suggestions.Suggestions[^1].Slot.Start), "the read covers the suggestions' days");
        });
    }

    [Test]
    public async Task CheckThatIsNotBlocked_CarriesNone()
    {
        var (service, calendars) = Service();

        var outcome = await service.CheckAsync(At("2026-04-16T13:00"), suggestWhenBlocked: true, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Check.Verdict, Is.Not.EqualTo(Verdict.Blocked));
            Assert.That(outcome.Suggestions, Is.Null);
            Assert.That(calendars.Reads, Has.Count.EqualTo(1));
        });
    }
}
