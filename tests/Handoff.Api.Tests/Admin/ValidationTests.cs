using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Handoff.Api.Tests.Support;
using Handoff.Storage;

namespace Handoff.Api.Tests.Admin;

/// <summary>Every validation rule answers 400 problem+json naming the JSON field, and nothing is written.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class ValidationTests(DatabaseProvider provider) : ApiTest(provider)
{
    public static IEnumerable<TestCaseData> RsmCases()
    {
        TestCaseData Case(string name, string path, string? json, string field) => new TestCaseData(path, json, field).SetName($"Rsm_{name}");
        yield return Case("email_missing", "email", null, "email");
        yield return Case("email_invalid", "email", "\"not-an-email\"", "email");
        yield return Case("name_missing", "displayName", "\"\"", "displayName");
        yield return Case("zone_unknown", "timeZone", "\"Mars/Olympus\"", "timeZone");
        yield return Case("home_latitude_out_of_range", "homeBase", """{"latitude":91,"longitude":0}""", "homeBase.latitude");
        yield return Case("home_longitude_out_of_range", "homeBase", """{"latitude":0,"longitude":-181}""", "homeBase.longitude");
        yield return Case("home_latitude_without_longitude", "homeBase", """{"latitude":10}""", "homeBase.longitude");
        yield return Case("home_empty", "homeBase", "{}", "homeBase.text");
        yield return Case("home_text_unplaceable", "homeBase", """{"text":"Nowhere Land Plaza"}""", "homeBase.text");
        yield return Case("home_zone_unknown", "homeBase", """{"latitude":1,"longitude":1,"timeZone":"Nowhere"}""", "homeBase.timeZone");
        yield return Case("home_country_unknown", "homeBase", """{"latitude":1,"longitude":1,"country":"ZZ"}""", "homeBase.country");
        yield return Case("hours_start_not_a_time", "workingHours", """{"monday":{"start":"8am","end":"17:00"}}""", "workingHours.monday.start");
        yield return Case("hours_end_before_start", "workingHours", """{"tuesday":{"start":"17:00","end":"08:00"}}""", "workingHours.tuesday.end");
        yield return Case("hours_start_24", "workingHours", """{"sunday":{"start":"24:00","end":"24:00"}}""", "workingHours.sunday.start");
        yield return Case("hours_no_day", "workingHours", "{}", "workingHours");
        yield return Case("vertical_duplicate", "verticals", """["mining","Mining"]""", "verticals[1]");
        yield return Case("vertical_bad", "verticals", """["metals recycling"]""", "verticals[0]");
        yield return Case("travel_speed_zero", "travel", """{"averageSpeedKmh":0}""", "travel.averageSpeedKmh");
        yield return Case("travel_speed_tiny", "travel", """{"averageSpeedKmh":1e-10}""", "travel.averageSpeedKmh");
        yield return Case("home_text_noncharacter", "homeBase", """{"text":"Fresno\uFFFE, CA","latitude":36.7,"longitude":-119.8}""", "homeBase.text");
        yield return Case("home_text_control", "homeBase", """{"text":"Fresno\u0007, CA","latitude":36.7,"longitude":-119.8}""", "homeBase.text");
        yield return Case("name_noncharacter", "displayName", "\"Jo\uFDD0\"", "displayName");
        yield return Case("travel_speed_absurd", "travel", """{"averageSpeedKmh":900}""", "travel.averageSpeedKmh");
        yield return Case("travel_buffer_negative", "travel", """{"bufferBeforeMinutes":-5}""", "travel.bufferBeforeMinutes");
        yield return Case("travel_buffer_after_huge", "travel", """{"bufferAfterMinutes":600}""", "travel.bufferAfterMinutes");
        yield return Case("travel_longest_drive_zero", "travel", """{"longestDriveMinutes":0}""", "travel.longestDriveMinutes");
        yield return Case("wrong_type", "active", "\"yes\"", "active");
        yield return Case("zone_blank", "timeZone", "\"\"", "timeZone");
        yield return Case("home_zone_blank", "homeBase", """{"latitude":1,"longitude":1,"timeZone":" "}""", "homeBase.timeZone");
        yield return Case("hours_end_not_a_time", "workingHours", """{"monday":{"start":"08:00","end":"5pm"}}""", "workingHours.monday.end");
        yield return Case("hours_start_missing", "workingHours", """{"friday":{"end":"17:00"}}""", "workingHours.friday.start");
    }

    public static IEnumerable<TestCaseData> TerritoryCases()
    {
        TestCaseData Case(string name, string path, string? json, string field) => new TestCaseData(path, json, field).SetName($"Territory_{name}");
        yield return Case("name_missing", "name", null, "name");
        yield return Case("rules_missing", "rules", null, "rules");
        yield return Case("rules_empty", "rules", "{}", "rules");
        yield return Case("country_unknown", "rules", """{"countries":["XX"]}""", "rules.countries[0]");
        yield return Case("country_duplicate", "rules", """{"countries":["US","us"]}""", "rules.countries[1]");
        yield return Case("region_unknown_state", "rules", """{"regions":["US-ZZ"]}""", "rules.regions[0]");
        yield return Case("region_bad_shape", "rules", """{"regions":["California"]}""", "rules.regions[0]");
        yield return Case("region_covered_by_country", "rules", """{"countries":["CA"],"regions":["CA-ON"]}""", "rules.regions[0]");
        yield return Case("region_duplicate", "rules", """{"regions":["US-CA","US-NV","us-ca"]}""", "rules.regions[2]");
        yield return Case("prefix_bad", "rules", """{"postalPrefixes":["93!"]}""", "rules.postalPrefixes[0]");
        yield return Case("prefix_too_long", "rules", """{"postalPrefixes":["12345678901"]}""", "rules.postalPrefixes[0]");
        yield return Case("prefix_covered", "rules", """{"postalPrefixes":["93706","937"]}""", "rules.postalPrefixes[0]");
        yield return Case("prefix_duplicate_ignoring_spaces", "rules", """{"postalPrefixes":["M5V 3L9","m5v3l9"]}""", "rules.postalPrefixes[1]");
        yield return Case("radius_zero", "rules", """{"radii":[{"center":{"latitude":1,"longitude":2},"radiusKm":0}]}""", "rules.radii[0].radiusKm");
        yield return Case("radius_huge", "rules", """{"radii":[{"center":{"latitude":1,"longitude":2},"radiusKm":50000}]}""", "rules.radii[0].radiusKm");
        yield return Case("radius_no_center", "rules", """{"radii":[{"radiusKm":5}]}""", "rules.radii[0].center");
        yield return Case("radius_bad_center", "rules", """{"radii":[{"center":{"latitude":1,"longitude":200},"radiusKm":5}]}""", "rules.radii[0].center.longitude");
        yield return Case("radius_center_noncharacter", "rules", """{"radii":[{"center":{"text":"Fresno\uFFFF","latitude":1,"longitude":2},"radiusKm":5}]}""", "rules.radii[0].center.text");
        yield return Case("radius_center_unplaceable", "rules", """{"radii":[{"center":{"text":"Nowhere Land Plaza"},"radiusKm":5}]}""", "rules.radii[0].center.text");
        yield return Case("assignment_email_invalid", "assignments", """[{"rsmEmail":"nope"}]""", "assignments[0].rsmEmail");
        yield return Case("assignment_unknown_rsm", "assignments", """[{"rsmEmail":"ghost@example.com"}]""", "assignments[0].rsmEmail");
        yield return Case("assignment_duplicate", "assignments", """[{"rsmEmail":"jo.field@example.com"},{"rsmEmail":"JO.field@example.com"}]""", "assignments[1].rsmEmail");
        yield return Case("assignment_priority", "assignments", """[{"rsmEmail":"jo.field@example.com","priority":0}]""", "assignments[0].priority");
        yield return Case("zone_unknown", "defaultProspectTimeZone", "\"Pacific\"", "defaultProspectTimeZone");
        yield return Case("radius_center_zone_unknown", "rules", """{"radii":[{"center":{"latitude":1,"longitude":2,"timeZone":"Mars/Olympus"},"radiusKm":5}]}""", "rules.radii[0].center.timeZone");
        yield return Case("radius_null", "rules", """{"radii":[null]}""", "rules.radii[0]");
    }

    public static IEnumerable<TestCaseData> FieldPlanCases()
    {
        TestCaseData Case(string name, string path, string? json, string field) => new TestCaseData(path, json, field).SetName($"FieldPlan_{name}");
        yield return Case("rsm_missing", "rsmEmail", null, "rsmEmail");
        yield return Case("from_not_a_date", "from", "\"next monday\"", "from");
        yield return Case("to_before_from", "to", "\"2026-12-01\"", "to");
        yield return Case("longer_than_a_year", "to", "\"2028-01-01\"", "to");
        yield return Case("place_missing", "place", null, "place");
        yield return Case("place_text_noncharacter", "place", """{"text":"Sacramento\uFFFE","latitude":38.5,"longitude":-121.5}""", "place.text");
        yield return Case("place_bad", "place", """{"latitude":-95,"longitude":0}""", "place.latitude");
        yield return Case("place_zone_unknown", "place", """{"latitude":38.5,"longitude":-121.5,"timeZone":"Nowhere"}""", "place.timeZone");
        yield return Case("confidence_missing", "confidence", null, "confidence");
        yield return Case("confidence_over_100", "confidence", "101", "confidence");
        yield return Case("confidence_negative", "confidence", "-1", "confidence");
    }

    [TestCaseSource(nameof(RsmCases))]
    public Task Rsm_rule(string path, string? json, string field) => ExpectAsync("rsms", Samples.Rsm(), path, json, field);

    [TestCaseSource(nameof(TerritoryCases))]
    public async Task Territory_rule(string path, string? json, string field)
    {
        await CreateAsync("rsms", Samples.Rsm());
        await ExpectAsync("territories", Samples.Territory(), path, json, field);
    }

    [TestCaseSource(nameof(FieldPlanCases))]
    public async Task Field_plan_rule(string path, string? json, string field)
    {
        await CreateAsync("rsms", Samples.Rsm());
        await ExpectAsync("field-plans", Samples.FieldPlan(), path, json, field);
    }

    [Test]
    public async Task Replace_is_validated_too()
    {
        var id = (await CreateAsync("rsms", Samples.Rsm()))["id"]!.GetValue<Guid>();
        var body = JsonSerializer.SerializeToNode(Samples.Rsm(), Http.Json)!.AsObject();
        body["timeZone"] = "Nowhere/Land";
        var errors = await (await Client.PutJsonAsync($"/api/v1/admin/rsms/{id}", body, "\"1\"")).ErrorsAsync();
        Assert.That(errors.Keys, Does.Contain("timeZone"));
    }

    private async Task ExpectAsync(string resource, object sample, string path, string? json, string field)
    {
        var body = JsonSerializer.SerializeToNode(sample, Http.Json)!.AsObject();
        body[path] = json is null ? null : JsonNode.Parse(json);
        var response = await Client.PostJsonAsync($"/api/v1/admin/{resource}", body);
        var errors = await response.ErrorsAsync();
        Assert.That(errors.Keys, Does.Contain(field), string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        Assert.That(errors[field].All(m => m.Length > 10), "each message says what is wrong");
        var list = await (await Client.GetAsync($"/api/v1/admin/{resource}")).JsonAsync(HttpStatusCode.OK);
        Assert.That(list["total"]!.GetValue<int>(), Is.Zero, "nothing was written");
    }
}
