namespace Handoff.Scheduling.Places;

public enum LocationKind
{
    /// <summary>No location given.</summary>
    None,
    /// <summary>An online meeting (Teams or Zoom link, "online", "call"): no travel.</summary>
    Online,
    /// <summary>Resolved to a place.</summary>
    Place,
    /// <summary>Text that could not be placed; travel cannot be checked.</summary>
    Unknown,
}

/// <summary>
/// What a meeting location turned out to be. <see cref="Place"/> is set only for <see cref="LocationKind.Place"/>.
/// <see cref="Ambiguous"/> says the text fits several places ("London": the UK or Ontario; "Spain": mainland or
/// the Canaries) and <see cref="Place"/> is only the most likely one: <see cref="Alternatives"/> lists the others,
/// most likely first, so the SDR can pick in one click. A guess is never passed off as a fact.
/// </summary>
public sealed record LocationMatch(LocationKind Kind, string? Text, Place? Place = null)
{
    public static LocationMatch None { get; } = new(LocationKind.None, null);

    /// <summary>True when <see cref="Place"/> is the best of several readings, not the only one.</summary>
    public bool Ambiguous { get; init; }

    /// <summary>The other readings, most likely first (empty when the place is certain).</summary>
    public IReadOnlyList<Place> Alternatives { get; init; } = [];
}

/// <summary>
/// What else the check knows that helps read an ambiguous place name: the countries of the prospects' e-mail
/// domains (".co.uk" → GB), the invited RSMs' home bases and zones, and the zones of their territories. They
/// change which namesake comes first; they never make an ambiguous name certain.
/// </summary>
public sealed record PlaceHints(
    IReadOnlyList<string> EmailCountries,
    IReadOnlyList<Place> RsmPlaces,
    IReadOnlyList<string> Zones)
{
    public static PlaceHints None { get; } = new([], [], []);
}

/// <summary>
/// Turns what SDRs type in the meeting location ("Acme Metals, 2200 E Jensen Ave Ste 4, Fresno, CA 93706",
/// "93706", "Fresno, CA", "Acme Ltd, 1 Poultry, London EC2R 8EJ, United Kingdom", a Teams link) into a place.
/// Lookups are in memory and cost microseconds.
/// </summary>
public interface IPlaceResolver
{
    LocationMatch Resolve(string? location);

    /// <summary>As <see cref="Resolve(string?)"/>, with what the check knows to rank the readings of an ambiguous name.</summary>
    LocationMatch Resolve(string? location, PlaceHints hints) => Resolve(location);

    /// <summary>
    /// A country as a place (ISO 3166-1 alpha-2, "DE"): its main zone and, in <see cref="LocationMatch.Ambiguous"/>,
    /// whether part of its people live in another zone. Kind <see cref="LocationKind.Unknown"/> when not known.
    /// </summary>
    LocationMatch Country(string isoCode) => new(LocationKind.Unknown, isoCode);
}
