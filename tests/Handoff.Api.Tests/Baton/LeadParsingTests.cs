using Handoff.Api.Infrastructure;
using Handoff.Api.Leads;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Handoff.Api.Tests.Baton;

/// <summary>A lead's instants (when it came in, each activity's time) are read once, nested ones under their path.</summary>
public class LeadParsingTests
{
    [OneTimeSetUp]
    public void CamelCaseNames() => new ServiceCollection().AddHandoffValidation();

    private static async Task<(ParsedLead Parsed, Dictionary<string, string[]> Errors)> ReadAsync(LeadRequest request)
    {
        var read = FieldReader.ForShapes();
        var parsed = await request.ReadAsync(new ParsedLeadValidator(), read, CancellationToken.None);
        Assert.That(read.Reads.Select(r => r.Field), Is.Unique, "each field read once");
        return (parsed, read.Errors);
    }

    [Test]
    public async Task A_lead_is_stored_with_the_instants_read_at_the_edge()
    {
        var (parsed, errors) = await ReadAsync(new LeadRequest(CameInAt: "2026-12-02T09:00:00-05:00",
            Activities: [new LeadActivityDto("2026-12-01T10:00:00Z", "Webinar", " Scrap yard security ")]));

        Assert.That(errors, Is.Empty);
        var data = parsed.ToData();
        Assert.That(data.CameInAt, Is.EqualTo("2026-12-02T14:00:00Z"));
        Assert.That(data.Activities.Single(), Is.EqualTo(new Handoff.Storage.LeadActivityData("2026-12-01T10:00:00Z", "webinar", "Scrap yard security", null)));
        Assert.That(parsed.CameInAt, Is.EqualTo(Instant.FromUtc(2026, 12, 2, 14, 0)));
    }

    [Test]
    public async Task Bad_instants_are_errors_under_their_paths()
    {
        var (_, errors) = await ReadAsync(new LeadRequest(CameInAt: "yesterday",
            Activities: [new LeadActivityDto("2026-12-01T10:00:00Z", "webinar", "ok"), new LeadActivityDto(null, "form", "Contact us"), null!]));

        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]>
        {
            ["cameInAt"] = ["'yesterday' is not an ISO 8601 instant such as 2026-12-03T15:00:00Z."],
            ["activities[1].at"] = ["'at' is required: an ISO 8601 instant such as 2026-12-03T15:00:00Z."],
            ["activities[2]"] = ["An activity cannot be null: give {\"at\": …, \"kind\": …, \"title\": …}."],
        }));
    }
}
