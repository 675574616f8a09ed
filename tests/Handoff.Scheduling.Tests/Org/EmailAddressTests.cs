using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using NodaTime;

namespace Handoff.Scheduling.Tests.Org;

public class EmailAddressTests
{
    [Test]
    public void Addresses_CompareTrimmedAndWithoutCase_AndKeepTheirSpelling()
    {
        var a = new EmailAddress("  Dana.Ruiz@Example.COM ");
        var b = new EmailAddress("dana.ruiz@example.com");

        Assert.Multiple(() =>
        {
            Assert.That(a, Is.EqualTo(b));
            Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
            Assert.That(a.Value, Is.EqualTo("Dana.Ruiz@Example.COM"));
            Assert.That(a.Domain, Is.EqualTo("example.com"));
            Assert.That(new EmailAddress("no-at-sign").Domain, Is.Null);
            Assert.That(EmailAddress.Same("X@a.example", "x@A.example "), Is.True);
            Assert.That(EmailAddress.Same("x@a.example", null), Is.False);
        });
    }

    [Test]
    public void Snapshot_FindsRsmsAndPlans_ByAddress_AndTellsInternalDomains()
    {
        var dana = new RsmProfile("Dana@Example.com", "Dana Ruiz");
        var plan = new FieldPlan(Guid.NewGuid(), "DANA@example.com", new DateInterval(new LocalDate(2026, 4, 16), new LocalDate(2026, 4, 16)),
            new Places.Place("Fresno", new Places.GeoPoint(36.7, -119.8)), 80);
        var org = new OrgSnapshot([dana], fieldPlans: [plan], internalDomains: ["example.com"]);

        Assert.Multiple(() =>
        {
            Assert.That(org.FindRsm(" dana@EXAMPLE.com"), Is.SameAs(dana));
            Assert.That(org.PlansFor("dana@example.com", new LocalDate(2026, 4, 16)), Is.EqualTo(new[] { plan }));
            Assert.That(org.IsInternal("sdr@EXAMPLE.com", null), Is.True);
            Assert.That(org.IsInternal("cfo@acme.example", "sdr@Acme.example"), Is.True, "the organizer's own domain");
            Assert.That(org.IsInternal("cfo@acme.example", "sdr@example.com"), Is.False);
        });
    }

    [Test]
    public void Attendees_AreClassifiedOncePerAddress()
    {
        var dana = new RsmProfile("dana@example.com", "Dana Ruiz");
        var org = new OrgSnapshot([dana], internalDomains: ["example.com"]);
        var request = new MeetingRequest(new Interval(Instant.FromUtc(2026, 4, 16, 17, 0), Instant.FromUtc(2026, 4, 16, 18, 0)), DateTimeZone.Utc,
            ["Dana@Example.com", "dana@example.com ", " CFO@Acme.example", "cfo@acme.example"], "sdr@example.com");

        var (rsms, prospects) = CheckScene.Classify(request, org);

        Assert.Multiple(() =>
        {
            Assert.That(rsms, Is.EqualTo(new[] { dana }));
            Assert.That(prospects, Is.EqualTo(new[] { "CFO@Acme.example" }));
        });
    }
}
