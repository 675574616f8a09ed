using Handoff.Scheduling.Org;
using Handoff.Storage;

namespace Handoff.Api.Tests.Storage;

/// <summary>The storage's unique e-mail keys are the core's address key, so the database and the checks agree on which addresses are one.</summary>
public class EmailKeyTests
{
    [TestCase("Dana.Ruiz@Example.com")]
    [TestCase("  dana.ruiz@example.com\t")]
    [TestCase("İSTANBUL@örnek.example")]
    [TestCase("ß@straße.example")]
    [TestCase("")]
    public void StorageKeys_AreTheCoresAddressKey(string email)
    {
        Assert.That(RsmEntity.KeyOf(email), Is.EqualTo(new EmailAddress(email).Key));
        Assert.That(LeadEntity.KeyOf(email), Is.EqualTo(new EmailAddress(email).Key));
    }

    [Test]
    public void AddressesTheCoreCallsTheSame_HaveOneStorageKey([Range(1, 5)] int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 200; i++)
        {
            var address = new string(Enumerable.Range(0, random.Next(3, 20)).Select(_ => (char)random.Next('A', 'z' + 1)).ToArray()) + "@Example.COM";
            var variant = new string(address.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)).ToArray());
            variant = new string(' ', random.Next(3)) + variant + new string(' ', random.Next(3));

            Assert.That(EmailAddress.Same(address, variant), Is.True);
            Assert.That(RsmEntity.KeyOf(variant), Is.EqualTo(RsmEntity.KeyOf(address)), variant);
        }
    }
}
