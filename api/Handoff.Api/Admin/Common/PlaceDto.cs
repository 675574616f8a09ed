using FluentValidation;
using Handoff.Api.Infrastructure;
using Handoff.Api.Meetings;
using Handoff.Scheduling.Places;
using Handoff.Storage;
using NodaTime;

namespace Handoff.Api.Admin.Common;

/// <summary>
/// A place as admins give it: an address or ZIP in <see cref="Text"/>, coordinates, or both. Text alone is placed
/// by the gazetteer (<see cref="IPlaceResolver"/>) when one is registered. Responses fill in what is known.
/// </summary>
/// <param name="Text">"Fresno, CA 93706", "93706", "2750 S Orange Ave, Fresno".</param>
/// <param name="TimeZone">IANA or Windows zone id of the place, when known.</param>
/// <param name="Country">ISO 3166 alpha-2, e.g. "US".</param>
/// <param name="Region">Subdivision code such as "US-CA".</param>
public sealed record PlaceDto(
    string? Text = null,
    double? Latitude = null,
    double? Longitude = null,
    string? TimeZone = null,
    string? Country = null,
    string? Region = null,
    string? PostalCode = null,
    string? City = null) : IParsedRequest<ParsedPlace>
{
    public static PlaceDto From(PlaceData p) => new(p.Label, p.Latitude, p.Longitude, p.ZoneId, p.Country, p.Region, p.PostalCode, p.City);

    /// <summary>Reads the zone once (under "timeZone" after the place's own path); the rest is checked as given.</summary>
    public ParsedPlace Parse(FieldReader read) =>
        new(Text, Latitude, Longitude, read.Zone("timeZone", TimeZone, required: false), Country, Region, PostalCode, City);
}

/// <summary>A <see cref="PlaceDto"/> with its zone read (null: absent, or could not be read and already reported).</summary>
public sealed record ParsedPlace(
    string? Text, double? Latitude, double? Longitude, DateTimeZone? TimeZone, string? Country, string? Region, string? PostalCode, string? City);

/// <summary>A place's shape: the zone is already read (<see cref="PlaceDto.Parse"/>), so only ranges, codes and text remain.</summary>
public sealed class ParsedPlaceValidator : AbstractValidator<ParsedPlace>
{
    public ParsedPlaceValidator()
    {
        RuleFor(p => p.Text)
            .Must((p, text) => !string.IsNullOrWhiteSpace(text) || p.Latitude is not null || p.Longitude is not null)
            .WithMessage("Give an address or ZIP in 'text', or 'latitude' and 'longitude', or both.")
            .MaximumLength(300)
            .MustBeCleanText();
        RuleFor(p => p.Latitude)
            .NotNull().When(p => p.Longitude is not null).WithMessage("'latitude' is required with 'longitude'.")
            .InclusiveBetween(-90, 90).WithMessage("'latitude' must be between -90 and 90 degrees.");
        RuleFor(p => p.Longitude)
            .NotNull().When(p => p.Latitude is not null).WithMessage("'longitude' is required with 'latitude'.")
            .InclusiveBetween(-180, 180).WithMessage("'longitude' must be between -180 and 180 degrees.");
        RuleFor(p => p.Latitude).Must(v => v is null || double.IsFinite(v.Value)).WithMessage("'latitude' must be a number.");
        RuleFor(p => p.Country).Must(c => c is null || IsoCodes.IsCountry(c)).WithMessage("'{PropertyValue}' is not an ISO 3166 country code such as US.");
        RuleFor(p => p.Region).Must(r => r is null || IsoCodes.IsRegion(r)).WithMessage("'{PropertyValue}' is not a region code such as US-CA.");
        RuleFor(p => p.PostalCode).MaximumLength(20).MustBeCleanText();
        RuleFor(p => p.City).MaximumLength(100).MustBeCleanText();
    }
}

/// <summary>
/// Turns a validated <see cref="ParsedPlace"/> into a stored place. The one place that knows about the gazetteer:
/// when the places project registers an <see cref="IPlaceResolver"/>, text-only places start resolving here.
/// </summary>
public sealed class PlaceInputs(IServiceProvider services)
{
    private IPlaceResolver? Resolver => services.GetService<IPlaceResolver>();

    public bool TryResolve(ParsedPlace dto, out PlaceData place, out string error)
    {
        place = new PlaceData("", 0, 0);
        error = "";
        var text = string.IsNullOrWhiteSpace(dto.Text) ? null : dto.Text.Trim();
        var match = text is not null && Resolver is { } resolver ? resolver.Resolve(text) : null;
        var resolved = match is { Kind: LocationKind.Place, Place: { } p } ? p : null;
        if (dto is { Latitude: { } lat, Longitude: { } lon })
        {
            place = new PlaceData(text ?? $"{lat:0.#####}, {lon:0.#####}", lat, lon,
                dto.TimeZone?.Id ?? resolved?.ZoneId, Upper(dto.Country) ?? resolved?.Country, Upper(dto.Region) ?? RegionCode(resolved),
                dto.PostalCode?.Trim() ?? resolved?.PostalCode, dto.City?.Trim() ?? resolved?.City);
            return true;
        }
        if (resolved is null)
        {
            error = Resolver is null
                ? $"'{text}' cannot be placed on a map here (no gazetteer is configured): add 'latitude' and 'longitude'."
                : $"'{text}' could not be placed on a map: check the address or ZIP, or add 'latitude' and 'longitude'.";
            return false;
        }
        place = new PlaceData(text!, resolved.Point.Latitude, resolved.Point.Longitude,
            dto.TimeZone?.Id ?? resolved.ZoneId, Upper(dto.Country) ?? resolved.Country, Upper(dto.Region) ?? RegionCode(resolved),
            dto.PostalCode?.Trim() ?? resolved.PostalCode, dto.City?.Trim() ?? resolved.City);
        return true;
    }

    /// <summary>The gazetteer gives "CA" with country "US"; stored places use subdivision codes ("US-CA").</summary>
    private static string? RegionCode(Place? place) =>
        place?.Region is not { Length: > 0 } region ? null
        : region.Contains('-') || place.Country is not { Length: > 0 } country ? region.ToUpperInvariant()
        : $"{country}-{region}".ToUpperInvariant();

    private static string? Upper(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();
}
