using Handoff.Api.Admin.Common;
using Handoff.Api.Infrastructure;
using Handoff.Api.Leads.Routing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Handoff.Api.Tests.LeadRouting;

/// <summary>The lead-routing body reads its zones once (the structured place's under its path) and hands them to the core as read.</summary>
public class LeadRouteParsingTests
{
    private const string Unknown = "is not a known IANA or Windows time zone id.";

    [OneTimeSetUp]
    public void CamelCaseNames() => new ServiceCollection().AddHandoffValidation();

    private static async Task<(ParsedLeadRoute Parsed, Dictionary<string, string[]> Errors)> ReadAsync(LeadRouteRequest request, ParsedLeadRouteValidator validator)
    {
        var read = FieldReader.ForShapes();
        var parsed = await request.ReadAsync(validator, read, CancellationToken.None);
        Assert.That(read.Reads.Select(r => r.Field), Is.Unique, "each field read once");
        return (parsed, read.Errors);
    }

    [Test]
    public async Task A_lead_route_reads_its_zones_once_and_hands_them_to_the_core()
    {
        var (parsed, errors) = await ReadAsync(new LeadRouteRequest("lead@prospect.example", ProspectTimeZone: "Central Standard Time",
            TimeZone: "Europe/Berlin", StructuredPlace: new PlaceDto(City: "Fresno", TimeZone: "America/Los_Angeles")), new ParsedLeadRouteValidator());

        Assert.That(errors, Is.Empty);
        var lead = parsed.ToLead();
        Assert.That(lead.ProspectZone, Is.SameAs(DateTimeZoneProviders.Tzdb["America/Chicago"]));
        Assert.That(lead.DisplayZone, Is.SameAs(DateTimeZoneProviders.Tzdb["Europe/Berlin"]));
        Assert.That(lead.Location, Is.EqualTo("Fresno"));

        (_, errors) = await ReadAsync(new LeadRouteRequest("lead@prospect.example", ProspectTimeZone: "",
            StructuredPlace: new PlaceDto(City: "Fresno", TimeZone: "Pacific")), new ParsedLeadRouteValidator());
        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]>
        {
            ["prospectTimeZone"] = ["'prospectTimeZone' is required: an IANA or Windows time zone id such as America/New_York or Eastern Standard Time."],
            ["structuredPlace.timeZone"] = [$"'Pacific' {Unknown}"],
        }));
    }

    [Test]
    public async Task The_structured_places_zone_is_the_leads_when_no_other_is_given()
    {
        var (parsed, errors) = await ReadAsync(new LeadRouteRequest("lead@prospect.example",
            StructuredPlace: new PlaceDto(City: "Fresno", Region: "US-CA", TimeZone: "Pacific Standard Time")), new ParsedLeadRouteValidator());

        Assert.That(errors, Is.Empty);
        Assert.That(parsed.ToLead().ProspectZone, Is.SameAs(DateTimeZoneProviders.Tzdb["America/Los_Angeles"]));

        (parsed, _) = await ReadAsync(new LeadRouteRequest("lead@prospect.example", StructuredPlace: new PlaceDto(City: "Fresno")), new ParsedLeadRouteValidator());
        Assert.That(parsed.ToLead().ProspectZone, Is.Null, "no zone given: the core locates the lead and says when it assumed one");
    }
}
