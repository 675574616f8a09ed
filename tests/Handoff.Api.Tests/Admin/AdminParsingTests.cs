using Handoff.Api.Admin.Common;
using Handoff.Api.Admin.Rsms;
using Handoff.Api.Admin.Territories;
using Handoff.Api.Infrastructure;
using Handoff.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Handoff.Api.Tests.Admin;

/// <summary>
/// The admin bodies (RSM, territory, place) read their zones and working hours once, at the
/// edge; a bad value nested in a place or a day is an error under its JSON path, with the wording the validators used.
/// </summary>
public class AdminParsingTests
{
    private const string Unknown = "is not a known IANA or Windows time zone id.";

    [OneTimeSetUp]
    public void CamelCaseNames() => new ServiceCollection().AddHandoffValidation();

    private static async Task<(T Parsed, Dictionary<string, string[]> Errors)> ReadAsync<T>(IParsedRequest<T> request, FluentValidation.IValidator<T> validator)
        where T : class
    {
        var read = FieldReader.ForShapes();
        var parsed = await request.ReadAsync(validator, read, CancellationToken.None);
        Assert.That(read.Reads.Select(r => r.Field), Is.Unique, "each field read once");
        return (parsed, read.Errors);
    }

    [Test]
    public async Task An_rsm_is_read_into_zones_and_times_once()
    {
        var (parsed, errors) = await ReadAsync(new RsmRequest(
            "Jo.Field@example.com", "Jo Field", "Eastern Standard Time",
            new PlaceDto("Fresno, CA", 36.7, -119.8, "Pacific Standard Time"),
            new WorkingHoursDto(Monday: new DayHoursDto(" 08:30 ", "24:00"), Friday: new DayHoursDto("09:00", "12:00"))), new ParsedRsmValidator());

        Assert.That(errors, Is.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(parsed.TimeZone, Is.SameAs(DateTimeZoneProviders.Tzdb["America/New_York"]));
            Assert.That(parsed.HomeBase!.TimeZone!.Id, Is.EqualTo("America/Los_Angeles"));
            Assert.That(parsed.WorkingHours!.Monday, Is.EqualTo(new ParsedDayHours(new LocalTime(8, 30), LocalTime.Midnight)));
            Assert.That(parsed.WorkingHours.ToData(), Is.EqualTo(new WorkingHoursData(
                new DayHoursData("08:30", "24:00"), null, null, null, new DayHoursData("09:00", "12:00"), null, null)));
        });
    }

    [Test]
    public async Task Bad_rsm_zones_and_hours_are_errors_under_their_paths()
    {
        var (_, errors) = await ReadAsync(new RsmRequest(
            "jo@example.com", "Jo", "Mars/Olympus", new PlaceDto(Latitude: 1, Longitude: 1, TimeZone: ""),
            new WorkingHoursDto(
                Monday: new DayHoursDto("8am", "17:00"),
                Tuesday: new DayHoursDto("17:00", "08:00"),
                Wednesday: new DayHoursDto(null, "25:00"),
                Sunday: new DayHoursDto("24:00", "24:00"))), new ParsedRsmValidator());

        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]>
        {
            ["timeZone"] = [$"'Mars/Olympus' {Unknown}"],
            ["homeBase.timeZone"] = ["'timeZone' is required: an IANA or Windows time zone id such as America/New_York or Eastern Standard Time."],
            ["workingHours.monday.start"] = ["'8am' is not a time such as 08:30."],
            ["workingHours.tuesday.end"] = ["The day must end after it starts (17:00)."],
            ["workingHours.wednesday.start"] = ["'' is not a time such as 08:30."],
            ["workingHours.wednesday.end"] = ["'25:00' is not a time such as 17:00 (or 24:00 for the end of the day)."],
            ["workingHours.sunday.start"] = ["'24:00' is not a time such as 08:30."],
        }));
    }

    [Test]
    public async Task A_territory_reads_its_default_zone_and_each_radius_centre_zone_once()
    {
        var request = new TerritoryRequest("Central Valley",
            new TerritoryRulesDto(Radii: [
                new RadiusDto(new PlaceDto("Fresno, CA", 36.7, -119.8, "America/Los_Angeles"), 80),
                new RadiusDto(new PlaceDto("Reno, NV", 39.5, -119.8, "Nowhere/Land"), 50),
                null!,
                new RadiusDto(null, 5),
            ]),
            DefaultProspectTimeZone: "Pacific Standard Time");
        var (parsed, errors) = await ReadAsync(request, new ParsedTerritoryValidator());

        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]>
        {
            ["rules.radii[1].center.timeZone"] = [$"'Nowhere/Land' {Unknown}"],
            ["rules.radii[2]"] = ["A radius cannot be null: give {\"center\": …, \"radiusKm\": 50}."],
            ["rules.radii[3].center"] = ["'center' is required: coordinates and/or an address or ZIP."],
        }));
        Assert.That(parsed.DefaultProspectTimeZone!.Id, Is.EqualTo("America/Los_Angeles"));
        Assert.That(parsed.Rules!.Radii![0]!.Center!.TimeZone!.Id, Is.EqualTo("America/Los_Angeles"));
    }
}
