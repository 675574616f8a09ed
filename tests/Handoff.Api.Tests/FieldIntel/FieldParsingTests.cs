using Handoff.Api.Admin.FieldPlans;
using Handoff.Api.FieldIntel.Reports;
using Handoff.Api.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Handoff.Api.Tests.FieldIntel;

/// <summary>Trip reports and field plans read their times and dates once; their validators check only relations.</summary>
public class FieldParsingTests
{
    [OneTimeSetUp]
    public void CamelCaseNames() => new ServiceCollection().AddHandoffValidation();

    private static Dictionary<string, string[]> Errors<TParsed>(Func<FieldReader, TParsed> parse, FluentValidation.IValidator<TParsed> validator, out TParsed parsed)
    {
        var read = FieldReader.ForShapes();
        parsed = parse(read);
        foreach (var failure in validator.Validate(parsed).Errors)
        {
            read.Fail(failure.PropertyName, failure.ErrorMessage);
        }
        Assert.That(read.Reads.Select(r => r.Field), Is.Unique, "each field read once");
        return read.Errors;
    }

    private static FieldReportRequest Trip(string? departed, string? arrived) =>
        new("rsm.west@example.com", new("Fresno, CA"), new("Visalia, CA"), departed, arrived);

    [Test]
    public void A_trip_is_read_into_instants()
    {
        var errors = Errors(Trip("2026-12-03T08:05:00-08:00", "2026-12-03T10:15:00-08:00").Parse, new ParsedFieldReportValidator(), out var parsed);

        Assert.That(errors, Is.Empty);
        Assert.That((parsed.Departed, parsed.Arrived), Is.EqualTo(((Instant?)Instant.FromUtc(2026, 12, 3, 16, 5), (Instant?)Instant.FromUtc(2026, 12, 3, 18, 15))));
    }

    [TestCase(null, "2026-12-03T10:15:00-08:00", "departed", "'departed' must be an ISO 8601 time with offset, such as 2026-12-03T08:05:00-08:00.")]
    [TestCase("2026-12-03T08:05:00-08:00", "10:15", "arrived", "'arrived' must be an ISO 8601 time with offset, such as 2026-12-03T10:15:00-08:00 (got '10:15').")]
    [TestCase("2026-12-03T08:05:00-08:00", "2026-12-03T08:05:00-08:00", "arrived", "'arrived' must be after 'departed'.")]
    [TestCase("2026-12-03T08:05:00-08:00", "2026-12-04T08:06:00-08:00", "arrived", "A reported trip lasts at most 24 hours: report each leg.")]
    public void A_bad_trip_time_is_one_error_under_its_name(string? departed, string? arrived, string field, string message) =>
        Assert.That(Errors(Trip(departed, arrived).Parse, new ParsedFieldReportValidator(), out _),
            Is.EqualTo(new Dictionary<string, string[]> { [field] = [message] }));

    private static FieldPlanRequest Plan(string? from, string? to) => new("rsm.west@example.com", from, to, new("Fresno, CA"), 80);

    [Test]
    public void A_plan_is_read_into_dates()
    {
        var errors = Errors(Plan(" 2026-12-07 ", "2026-12-11").Parse, new ParsedFieldPlanValidator(), out var parsed);

        Assert.That(errors, Is.Empty);
        Assert.That((parsed.From, parsed.To), Is.EqualTo(((LocalDate?)new LocalDate(2026, 12, 7), (LocalDate?)new LocalDate(2026, 12, 11))));
    }

    [TestCase(null, "2026-12-11", "from", "'from' is required: a date such as 2026-12-07.")]
    [TestCase("next monday", "2026-12-11", "from", "'next monday' is not a date such as 2026-12-07.")]
    [TestCase("2026-12-07", "2026-12-01", "to", "'to' must be on or after 'from'.")]
    [TestCase("2026-12-07", "2027-12-09", "to", "A field plan covers at most a year.")]
    public void A_bad_plan_date_is_one_error_under_its_name(string? from, string? to, string field, string message) =>
        Assert.That(Errors(Plan(from, to).Parse, new ParsedFieldPlanValidator(), out _),
            Is.EqualTo(new Dictionary<string, string[]> { [field] = [message] }));
}
