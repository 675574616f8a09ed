using Handoff.Scheduling.Places;

namespace Handoff.Places.Tests;

/// <summary>
/// Places outside the US and Canada as SDRs paste them. Expected zones are from geography (which zone each city
/// keeps its clocks on), not from the generator's output.
/// </summary>
public class WorldPlaceTests
{
    // Pasted addresses: company, street, postcode before or after the city, country in English, native or ISO.
    [TestCase("Acme Ltd, 1 Poultry, London EC2R 8EJ, United Kingdom", "Europe/London", "GB", "London")]
    [TestCase("1 Poultry, London EC2R 8EJ", "Europe/London", "GB", "London")]
    [TestCase("Acme Ltd, 10 Downing St, London SW1A 2AA, UK", "Europe/London", "GB", "London")]
    [TestCase("Piccadilly, Manchester M1 1AE, England", "Europe/London", "GB", "Manchester")]
    [TestCase("Acme Ltd, Edinburgh EH1 1YZ", "Europe/London", "GB", "Edinburgh")]
    [TestCase("Birmingham B1 1AA, Great Britain", "Europe/London", "GB", "Birmingham")]
    [TestCase("Friedrichstraße 43, 10117 Berlin, Germany", "Europe/Berlin", "DE", "Berlin")]
    [TestCase("Acme GmbH, Marienplatz 1, 80331 München, Deutschland", "Europe/Berlin", "DE", null)]
    [TestCase("Munich, Bavaria, Germany", "Europe/Berlin", "DE", "Munich")]
    [TestCase("Hamburg, DE", "Europe/Berlin", "DE", "Hamburg")]
    [TestCase("Acme SARL, 8 rue de Rivoli, 75004 Paris, France", "Europe/Paris", "FR", "Paris")]
    [TestCase("Lyon, France", "Europe/Paris", "FR", "Lyon")]
    [TestCase("Calle de Alcalá 1, 28014 Madrid, España", "Europe/Madrid", "ES", "Madrid")]
    [TestCase("Barcelona, Spain", "Europe/Madrid", "ES", "Barcelona")]
    [TestCase("Las Palmas de Gran Canaria, Spain", "Atlantic/Canary", "ES", "Las Palmas de Gran Canaria")]
    [TestCase("Via Roma 1, 20121 Milano, Italia", "Europe/Rome", "IT", null)]
    [TestCase("Rome, Italy", "Europe/Rome", "IT", "Rome")]
    [TestCase("Damrak 1, 1012 LG Amsterdam, Netherlands", "Europe/Amsterdam", "NL", "Amsterdam")]
    [TestCase("Brussels, Belgium", "Europe/Brussels", "BE", "Brussels")]
    [TestCase("Bahnhofstrasse 1, 8001 Zürich, Switzerland", "Europe/Zurich", "CH", null)]
    [TestCase("Wien, Österreich", "Europe/Vienna", "AT", null)]
    [TestCase("Stockholm, Sweden", "Europe/Stockholm", "SE", "Stockholm")]
    [TestCase("Oslo, Norway", "Europe/Oslo", "NO", "Oslo")]
    [TestCase("Copenhagen, Denmark", "Europe/Copenhagen", "DK", "Copenhagen")]
    [TestCase("Helsinki, Finland", "Europe/Helsinki", "FI", "Helsinki")]
    [TestCase("Reykjavik, Iceland", "Atlantic/Reykjavik", "IS", "Reykjavík")]
    [TestCase("Dublin 2, Ireland", "Europe/Dublin", "IE", "Dublin")]
    [TestCase("Lisbon, Portugal", "Europe/Lisbon", "PT", "Lisbon")]
    [TestCase("ul. Piotrkowska 1, 90-001 Łódź, Poland", "Europe/Warsaw", "PL", "Łódź")]
    [TestCase("Lodz, Poland", "Europe/Warsaw", "PL", "Łódź")]
    [TestCase("Warsaw, Poland", "Europe/Warsaw", "PL", "Warsaw")]
    [TestCase("Prague, Czechia", "Europe/Prague", "CZ", "Prague")]
    [TestCase("Athens, Greece", "Europe/Athens", "GR", "Athens")]
    [TestCase("Istanbul, Turkey", "Europe/Istanbul", "TR", "Istanbul")]
    [TestCase("Kyiv, Ukraine", "Europe/Kyiv", "UA", null)]
    [TestCase("Moscow, Russia", "Europe/Moscow", "RU", "Moscow")]
    [TestCase("Novosibirsk, Russia", "Asia/Novosibirsk", "RU", "Novosibirsk")]
    [TestCase("Tel Aviv, Israel", "Asia/Jerusalem", "IL", null)]
    [TestCase("Dubai, United Arab Emirates", "Asia/Dubai", "AE", "Dubai")]
    [TestCase("Riyadh, Saudi Arabia", "Asia/Riyadh", "SA", "Riyadh")]
    [TestCase("Cairo, Egypt", "Africa/Cairo", "EG", "Cairo")]
    [TestCase("Lagos, Nigeria", "Africa/Lagos", "NG", "Lagos")]
    [TestCase("Nairobi, Kenya", "Africa/Nairobi", "KE", "Nairobi")]
    [TestCase("Johannesburg, South Africa", "Africa/Johannesburg", "ZA", "Johannesburg")]
    [TestCase("Bandra Kurla Complex, Mumbai 400051, India", "Asia/Kolkata", "IN", "Mumbai")]
    [TestCase("Bengaluru, Karnataka, India", "Asia/Kolkata", "IN", null)]
    [TestCase("Kathmandu, Nepal", "Asia/Kathmandu", "NP", "Kathmandu")]
    [TestCase("Singapore", "Asia/Singapore", "SG", null)]
    [TestCase("Kuala Lumpur, Malaysia", "Asia/Kuala_Lumpur", "MY", "Kuala Lumpur")]
    [TestCase("Jakarta, Indonesia", "Asia/Jakarta", "ID", "Jakarta")]
    [TestCase("Bangkok, Thailand", "Asia/Bangkok", "TH", "Bangkok")]
    [TestCase("Shanghai, China", "Asia/Shanghai", "CN", "Shanghai")]
    [TestCase("Hong Kong", "Asia/Hong_Kong", "HK", null)]
    [TestCase("Tokyo, Japan", "Asia/Tokyo", "JP", "Tokyo")]
    [TestCase("Osaka, 日本", "Asia/Tokyo", "JP", "Osaka")]
    [TestCase("Seoul, South Korea", "Asia/Seoul", "KR", "Seoul")]
    [TestCase("Manila, Philippines", "Asia/Manila", "PH", "Manila")]
    [TestCase("Level 5, 1 Martin Place, Sydney NSW 2000, Australia", "Australia/Sydney", "AU", "Sydney")]
    [TestCase("Sydney NSW 2000", "Australia/Sydney", "AU", "Sydney")]
    [TestCase("Melbourne VIC 3000", "Australia/Melbourne", "AU", "Melbourne")]
    [TestCase("Brisbane, Queensland, Australia", "Australia/Brisbane", "AU", "Brisbane")]
    [TestCase("Perth WA 6000, Australia", "Australia/Perth", "AU", "Perth")]
    [TestCase("Adelaide, Australia", "Australia/Adelaide", "AU", "Adelaide")]
    [TestCase("Auckland, New Zealand", "Pacific/Auckland", "NZ", "Auckland")]
    [TestCase("Av. Paulista 1000, São Paulo - SP, 01310-100, Brazil", "America/Sao_Paulo", "BR", "São Paulo")]
    [TestCase("Sao Paulo, Brasil", "America/Sao_Paulo", "BR", "São Paulo")]
    [TestCase("Manaus, Brazil", "America/Manaus", "BR", "Manaus")]
    [TestCase("Buenos Aires, Argentina", "America/Argentina/Buenos_Aires", "AR", "Buenos Aires")]
    [TestCase("Santiago, Chile", "America/Santiago", "CL", "Santiago")]
    [TestCase("Bogotá, Colombia", "America/Bogota", "CO", "Bogotá")]
    [TestCase("Lima, Peru", "America/Lima", "PE", "Lima")]
    [TestCase("Mexico City, Mexico", "America/Mexico_City", "MX", null)]
    [TestCase("Monterrey, México", "America/Monterrey", "MX", "Monterrey")]
    [TestCase("Tijuana, Mexico", "America/Tijuana", "MX", "Tijuana")]
    [TestCase("Cancún, Mexico", "America/Cancun", "MX", null)]
    [TestCase("San Juan, Puerto Rico", "America/Puerto_Rico", "US", "San Juan")]
    public void Resolve_InternationalPlace_GivesItsZone(string text, string zone, string country, string? city)
    {
        var match = Resolve.Resolver.Resolve(text);

        Assert.That(match.Kind, Is.EqualTo(LocationKind.Place), text);
        Assert.That(match.Place!.ZoneId, Is.EqualTo(zone), text);
        Assert.That(match.Place.Country, Is.EqualTo(country), text);
        if (city is not null)
        {
            Assert.That(match.Place.City, Is.EqualTo(city), text);
        }
        Assert.That(match.Ambiguous, Is.False, $"{text}: {string.Join(" · ", match.Alternatives.Select(a => a.Label))}");
    }

    [TestCase("Germany", "Europe/Berlin")]
    [TestCase("Deutschland", "Europe/Berlin")]
    [TestCase("UK", "Europe/London")]
    [TestCase("United Kingdom", "Europe/London")]
    [TestCase("Acme GmbH, Germany", "Europe/Berlin")]
    [TestCase("Japan", "Asia/Tokyo")]
    public void Resolve_OneZoneCountry_IsCertain(string text, string zone)
    {
        var match = Resolve.Resolver.Resolve(text);

        Assert.That(match.Place!.ZoneId, Is.EqualTo(zone));
        Assert.That(match.Ambiguous, Is.False);
    }

    [TestCase("Spain", "Europe/Madrid", "Atlantic/Canary")]
    [TestCase("Australia", "Australia/Sydney", "Australia/Perth")]
    [TestCase("USA", "America/New_York", "America/Los_Angeles")]
    public void Resolve_CountryWithSeveralZones_IsAmbiguousWithTheOtherZones(string text, string zone, string otherZone)
    {
        var match = Resolve.Resolver.Resolve(text);

        Assert.That(match.Place!.ZoneId, Is.EqualTo(zone));
        Assert.That(match.Ambiguous, Is.True);
        Assert.That(match.Alternatives.Select(a => a.ZoneId), Does.Contain(otherZone));
    }

    [Test]
    public void Resolve_UkPostcode_LabelsItAsTyped()
    {
        Assert.That(Resolve.Place("Acme Ltd, 1 Poultry, London EC2R 8EJ, United Kingdom").Label, Is.EqualTo("London EC2R 8EJ, United Kingdom"));
    }

    [TestCase("36.74,-119.78", "America/Los_Angeles")]
    [TestCase("51.5074, -0.1278", "Europe/London")]
    [TestCase("-33.8688, 151.2093", "Australia/Sydney")]
    public void Resolve_CoordinatesAnywhere_TakeTheNearestPlacesZone(string text, string zone)
    {
        Assert.That(Resolve.Place(text).ZoneId, Is.EqualTo(zone));
    }
}
