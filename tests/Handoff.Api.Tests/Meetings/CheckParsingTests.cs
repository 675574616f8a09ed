using Handoff.Api.Infrastructure;
using Handoff.Api.Meetings;
using Handoff.Scheduling.Org;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Handoff.Api.Tests.Meetings;

/// <summary>The check's body is read once, at the edge, into its types; validators see only those types.</summary>
public class CheckParsingTests
{
    private static readonly Instant Three = Instant.FromUtc(2026, 12, 3, 15, 0);

    [OneTimeSetUp]
    public void CamelCaseNames() => new ServiceCollection().AddHandoffValidation();

    private static CheckRequest Draft(
        string? start = "2026-12-03T15:00:00Z", string? end = "2026-12-03T16:00:00Z", string? zone = "Eastern Standard Time",
        string?[]? attendees = null, string? organizerEmail = null, string? prospectZone = null) =>
        new(start, end, zone, (attendees ?? [" Rsm.West@Example.com ", "cfo@acme-metals.example"])!, organizerEmail, "  Acme Metals, Fresno  ", prospectZone, " metals ");

    [Test]
    public void A_good_draft_is_read_into_its_types()
    {
        var read = new FieldReader();
        var parsed = Draft(start: "2026-12-03T10:00:00.000-05:00", organizerEmail: "sdr@example.com", prospectZone: "America/Los_Angeles").Parse(read);

        Assert.Multiple(() =>
        {
            Assert.That(read.Errors, Is.Empty);
            Assert.That(parsed.Start, Is.EqualTo(Three), "an offset instant is the same instant");
            Assert.That(parsed.End, Is.EqualTo(Three + Duration.FromHours(1)));
            Assert.That(parsed.OrganizerTimeZone!.Id, Is.EqualTo("America/New_York"), "a Windows id resolves to its IANA zone");
            Assert.That(parsed.ProspectTimeZone!.Id, Is.EqualTo("America/Los_Angeles"));
            Assert.That(parsed.Attendees!.Select(a => a.Value), Is.EqualTo(new[] { "Rsm.West@Example.com", "cfo@acme-metals.example" }), "trimmed once");
            Assert.That(parsed.Attendees![0], Is.EqualTo(new EmailAddress("rsm.west@example.com")), "compared as addresses");
            Assert.That(parsed.OrganizerEmail, Is.EqualTo(new EmailAddress("sdr@example.com")));
            Assert.That(parsed.Location, Is.EqualTo("Acme Metals, Fresno"));
            Assert.That(parsed.Vertical, Is.EqualTo("metals"));
        });
        var meeting = parsed.ToMeetingRequest();
        Assert.Multiple(() =>
        {
            Assert.That(meeting.Meeting, Is.EqualTo(new Interval(Three, Three + Duration.FromHours(1))));
            Assert.That(meeting.OrganizerZone, Is.SameAs(parsed.OrganizerTimeZone), "the zone read at the edge, not resolved again");
            Assert.That(meeting.Attendees, Is.EqualTo(new[] { "Rsm.West@Example.com", "cfo@acme-metals.example" }));
            Assert.That(meeting.OrganizerEmail, Is.EqualTo("sdr@example.com"));
        });
    }

    [Test]
    public void Each_field_is_read_once()
    {
        var read = FieldReader.ForShapes();
        new SuggestionsRequest("2026-12-03T15:00:00Z", "2026-12-03T16:00:00Z", "UTC", ["a@example.com", "b@example.com"], "sdr@example.com",
            ProspectTimeZone: "UTC", WindowStart: "2026-12-03").Parse(read);

        var fields = read.Reads.Select(r => r.Field).ToArray();
        Assert.That(fields, Is.EquivalentTo(new[] { "start", "end", "organizerTimeZone", "attendees", "organizerEmail", "prospectTimeZone", "windowStart" }));
    }

    [Test]
    public void Validators_see_types_not_text()
    {
        // What a validator or the endpoint gets has no text left to parse: each value is already its type.
        var types = typeof(ParsedSuggestions).GetProperties().ToDictionary(p => p.Name, p => p.PropertyType);
        Assert.Multiple(() =>
        {
            Assert.That(types["Start"], Is.EqualTo(typeof(Instant?)));
            Assert.That(types["End"], Is.EqualTo(typeof(Instant?)));
            Assert.That(types["OrganizerTimeZone"], Is.EqualTo(typeof(DateTimeZone)));
            Assert.That(types["ProspectTimeZone"], Is.EqualTo(typeof(DateTimeZone)));
            Assert.That(types["Attendees"], Is.EqualTo(typeof(IReadOnlyList<EmailAddress>)));
            Assert.That(types["OrganizerEmail"], Is.EqualTo(typeof(EmailAddress?)));
            Assert.That(types["WindowStart"], Is.EqualTo(typeof(LocalDate?)));
        });
    }

    public static IEnumerable<TestCaseData> BadFields()
    {
        yield return new TestCaseData(Draft(start: null), "start", "'start' is required: an ISO 8601 instant such as 2026-12-03T15:00:00Z.").SetName("Start missing");
        yield return new TestCaseData(Draft(start: "  "), "start", "'start' is required: an ISO 8601 instant such as 2026-12-03T15:00:00Z.").SetName("Start blank");
        yield return new TestCaseData(Draft(start: "tomorrow at ten"), "start", "'tomorrow at ten' is not an ISO 8601 instant such as 2026-12-03T15:00:00Z.").SetName("Start not an instant");
        yield return new TestCaseData(Draft(end: "2026-12-03 16:00"), "end", "'2026-12-03 16:00' is not an ISO 8601 instant such as 2026-12-03T15:00:00Z.").SetName("End without T and offset");
        yield return new TestCaseData(Draft(zone: null), "organizerTimeZone", "'organizerTimeZone' is required: an IANA or Windows time zone id such as America/New_York or Eastern Standard Time.").SetName("Zone missing");
        yield return new TestCaseData(Draft(zone: "Mars/Olympus_Mons"), "organizerTimeZone", "'Mars/Olympus_Mons' is not a known IANA or Windows time zone id.").SetName("Zone unknown");
        yield return new TestCaseData(Draft(prospectZone: "Pacific Standard"), "prospectTimeZone", "'Pacific Standard' is not a known IANA or Windows time zone id.").SetName("Prospect zone unknown");
        yield return new TestCaseData(Draft(organizerEmail: "sdr-at-example.com"), "organizerEmail", "'organizerEmail' is not a valid e-mail address.").SetName("Organizer not an address");
        yield return new TestCaseData(Draft(attendees: ["a@example.com", "a@b@c"]), "attendees[1]", "'a@b@c' is not a valid e-mail address.").SetName("Attendee with two @");
        yield return new TestCaseData(Draft(attendees: ["a@example.com", null]), "attendees[1]", "'attendees' must not be empty.").SetName("Attendee null");
        yield return new TestCaseData(new CheckRequest("2026-12-03T15:00:00Z", "2026-12-03T16:00:00Z", "UTC", null), "attendees", "'attendees' is required (an empty list is fine).").SetName("Attendees missing");
        yield return new TestCaseData(Draft(attendees: Enumerable.Range(0, 51).Select(i => $"p{i}").ToArray()), "attendees", "At most 50 attendees can be checked at once.").SetName("Attendees past the cap, refused whole");
    }

    [TestCaseSource(nameof(BadFields))]
    public void A_bad_field_is_an_error_under_its_name_and_reads_as_null(CheckRequest request, string field, string message)
    {
        var read = new FieldReader();
        var parsed = request.Parse(read);

        Assert.That(read.Errors.Keys, Is.EqualTo(new[] { field }), "only the bad field, each item on its own (never 'attendees[0..50]' past the cap)");
        Assert.That(read.Errors[field], Is.EqualTo(new[] { message }));
        var failed = field.Split('[')[0] switch
        {
            "start" => (object?)parsed.Start,
            "end" => parsed.End,
            "organizerTimeZone" => parsed.OrganizerTimeZone,
            "prospectTimeZone" => parsed.ProspectTimeZone,
            "organizerEmail" => parsed.OrganizerEmail,
            _ => parsed.Attendees,
        };
        Assert.That(failed, Is.Null);
    }

    [TestCase("2026-12-03T14:00:00Z", "end", "'end' must be after 'start'.")]
    [TestCase("2026-12-03T15:00:00Z", "end", "'end' must be after 'start'.")]
    [TestCase("2026-12-04T15:00:01Z", "end", "A meeting can last at most 24 hours.")]
    [TestCase("2200-01-01T00:00:01Z", "end", "'end' must be between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (UTC).")]
    public void The_validator_checks_ranges_and_relations_of_the_parsed_values(string end, string field, string message)
    {
        var parsed = Draft(end: end).Parse(new FieldReader());

        var errors = new ParsedCheckValidator().Validate(parsed).ToDictionary();

        Assert.That(errors[field][0], Is.EqualTo(message));
    }

    [Test]
    public void A_field_that_could_not_be_read_raises_no_second_error()
    {
        var read = new FieldReader();
        var parsed = Draft(start: "soon", end: "2030-01-01T00:00:00Z").Parse(read);

        Assert.That(new ParsedCheckValidator().Validate(parsed).IsValid, Is.True, "no 'end must be after start' or '24 hours' about a start nobody could read");
        Assert.That(read.Errors.Keys, Is.EqualTo(new[] { "start" }));
    }

    [Test]
    public void Suggestions_read_the_window_once_and_apply_defaults()
    {
        var read = new FieldReader();
        var parsed = new SuggestionsRequest("2026-12-03T15:00:00Z", "2026-12-03T16:00:00Z", "UTC", [], WindowStart: " 2026-12-07 ").Parse(read);
        var query = parsed.ToQuery();

        Assert.Multiple(() =>
        {
            Assert.That(read.Errors, Is.Empty);
            Assert.That(parsed.WindowStart, Is.EqualTo(new LocalDate(2026, 12, 7)));
            Assert.That((query.WindowStart, query.BusinessDays, query.MaxResults, query.IncludeAlternatives),
                Is.EqualTo(((LocalDate?)new LocalDate(2026, 12, 7), SuggestionsRequest.DefaultBusinessDays, SuggestionsRequest.DefaultMaxResults, true)));
        });
    }

    [TestCase("2026-02-30", "'2026-02-30' is not an ISO date such as 2026-12-03.")]
    [TestCase("2026-11-20", "'windowStart' must be today or later, and within a year.")]
    [TestCase("2028-01-03", "'windowStart' must be today or later, and within a year.")]
    public void A_bad_window_start_is_an_error_under_its_name(string windowStart, string message)
    {
        var read = new FieldReader();
        var parsed = new SuggestionsRequest("2026-12-03T15:00:00Z", "2026-12-03T16:00:00Z", "UTC", [], WindowStart: windowStart).Parse(read);
        var validator = new ParsedSuggestionsValidator(new FakeClock(Instant.FromUtc(2026, 11, 23, 14, 0)));
        foreach (var failure in validator.Validate(parsed).Errors)
        {
            read.Fail(failure.PropertyName, failure.ErrorMessage);
        }

        Assert.That(read.Errors, Is.EqualTo(new Dictionary<string, string[]> { ["windowStart"] = [message] }));
    }
}
