using Handoff.Api.Infrastructure;
using Handoff.Api.Outcomes;
using Handoff.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Handoff.Api.Tests.Outcomes;

/// <summary>An outcome's kind and new times are read once; the validator checks only their ranges and relation.</summary>
public class OutcomeParsingTests
{
    [OneTimeSetUp]
    public void CamelCaseNames() => new ServiceCollection().AddHandoffValidation();

    private static async Task<(ParsedOutcome Parsed, Dictionary<string, string[]> Errors)> ReadAsync(OutcomeRequest request)
    {
        var read = FieldReader.ForShapes();
        var parsed = await request.ReadAsync(new ParsedOutcomeValidator(), read, CancellationToken.None);
        Assert.That(read.Reads.Select(r => r.Field), Is.Unique, "each field read once");
        return (parsed, read.Errors);
    }

    [Test]
    public async Task A_rescheduled_meeting_is_read_into_its_kind_and_instants()
    {
        var (parsed, errors) = await ReadAsync(new OutcomeRequest(" rescheduled ", "2026-12-08T10:00:00-05:00", "2026-12-08T16:00:00Z"));

        Assert.That(errors, Is.Empty);
        Assert.That(parsed, Is.EqualTo(new ParsedOutcome(OutcomeKind.Rescheduled, Instant.FromUtc(2026, 12, 8, 15, 0), Instant.FromUtc(2026, 12, 8, 16, 0), null, null, null, null)));
    }

    [TestCase("rescheduled", null, null, "newStart", "A rescheduled meeting needs 'newStart' (ISO 8601 instant).")]
    [TestCase("rescheduled", "next week", null, "newStart", "'next week' is not an ISO 8601 instant such as 2026-12-03T15:00:00Z.")]
    [TestCase("rescheduled", "2026-12-08T15:00:00Z", "soon", "newEnd", "'soon' is not an ISO 8601 instant such as 2026-12-03T15:00:00Z.")]
    [TestCase("rescheduled", "2026-12-08T15:00:00Z", "2026-12-08T15:00:00Z", "newEnd", "'newEnd' must be after 'newStart', at most 24 hours later.")]
    [TestCase("rescheduled", "2026-12-08T15:00:00Z", "2026-12-09T15:00:01Z", "newEnd", "'newEnd' must be after 'newStart', at most 24 hours later.")]
    [TestCase("rescheduled", "2201-01-01T00:00:00Z", null, "newStart", "'newStart' must be between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z (UTC).")]
    [TestCase("held", "not even a time", null, "newStart", "'newStart' only goes with outcome rescheduled.")]
    [TestCase("won", null, null, "outcome", "'outcome' must be one of held, noShow, rescheduled, canceled, disqualified, opportunityCreated (it is 'won').")]
    public async Task A_bad_outcome_is_an_error_under_its_name(string outcome, string? newStart, string? newEnd, string field, string message)
    {
        var (_, errors) = await ReadAsync(new OutcomeRequest(outcome, newStart, newEnd));

        Assert.That(errors.Keys, Is.EqualTo(new[] { field }));
        Assert.That(errors[field][0], Is.EqualTo(message));
    }
}
