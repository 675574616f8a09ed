using Handoff.Scheduling.Places;

namespace Handoff.Places.Tests;

public class OnlineAndUnknownTests
{
    [TestCase("https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjE2%40thread.v2/0?context=%7b%22Tid%22%7d")]
    [TestCase("https://us02web.zoom.us/j/83456789012?pwd=abc123")]
    [TestCase("https://zoom.us/j/123456789")]
    [TestCase("https://acme.webex.com/meet/jdoe")]
    [TestCase("meet.google.com/abc-defg-hij")]
    [TestCase("www.example.com/join")]
    [TestCase("Microsoft Teams Meeting")]
    [TestCase("Teams")]
    [TestCase("Zoom")]
    [TestCase("Google Meet")]
    [TestCase("Webex")]
    [TestCase("Online")]
    [TestCase("ONLINE")]
    [TestCase("Virtual")]
    [TestCase("Phone call")]
    [TestCase("Call")]
    [TestCase("Phone")]
    [TestCase("Conference call, dial-in to follow")]
    [TestCase("Phone call with John from Fresno, CA")]
    [TestCase("Zoom - Fresno office")]
    [TestCase("Remote")]
    public void Resolve_OnlineMeeting_IsOnline(string text)
    {
        var match = Resolve.Resolver.Resolve(text);

        Assert.That(match.Kind, Is.EqualTo(LocationKind.Online));
        Assert.That(match.Place, Is.Null);
        Assert.That(match.Text, Is.EqualTo(text));
    }

    [TestCase("Acme Metals, Fresno, CA 93706; Microsoft Teams Meeting")]
    [TestCase("Microsoft Teams Meeting; Acme Metals, Fresno, CA 93706")]
    [TestCase("Acme Metals, Fresno, CA 93706 | https://teams.microsoft.com/l/meetup-join/abc")]
    [TestCase("Acme Metals, Fresno, CA 93706 (call 559-555-0100 on arrival)")]
    public void Resolve_AddressBesideAMeetingLink_IsInPerson(string text)
    {
        Assert.That(Resolve.Place(text).Label, Is.EqualTo("Fresno, CA 93706"));
    }

    [TestCase("Conference room B")]
    [TestCase("TBD")]
    [TestCase("Their office")]
    [TestCase("Building 12345")]
    [TestCase("Springfield, ZZ")]
    [TestCase("APO AE 09012")]
    [TestCase("00000")]
    [TestCase("California")]
    [TestCase("Nowhereville, TX 00000")]
    [TestCase("https://www.google.com/maps/place/Acme+Metals")]
    public void Resolve_UnplaceableText_IsUnknown(string text)
    {
        var match = Resolve.Resolver.Resolve(text);

        Assert.That(match.Kind, Is.EqualTo(LocationKind.Unknown));
        Assert.That(match.Place, Is.Null);
        Assert.That(match.Text, Is.EqualTo(text));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("\t\r\n")]
    public void Resolve_NoText_IsNone(string? text)
    {
        Assert.That(Resolve.Resolver.Resolve(text), Is.SameAs(LocationMatch.None));
    }

    [Test]
    public void Resolve_VeryLongText_StillReadsTheStart()
    {
        var text = "Fresno, CA 93706, " + string.Concat(Enumerable.Repeat("noise ", 500));

        Assert.That(Resolve.Place(text).Label, Is.EqualTo("Fresno, CA 93706"));
    }
}
