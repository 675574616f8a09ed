using System.Globalization;
using FluentValidation;
using Handoff.Api.Admin.Common;
using Handoff.Api.Infrastructure;
using Handoff.Api.Meetings;
using Handoff.Scheduling.Leads;
using Handoff.Scheduling.Suggestions;
using NodaTime;

namespace Handoff.Api.Leads.Routing;

/// <summary>An inbound lead as a web form or marketing automation sends it. Give <see cref="Place"/>, <see cref="StructuredPlace"/> or both.</summary>
/// <param name="Email">The lead's address: the key of the stored lead context (a repeat call updates the same lead).</param>
/// <param name="ExternalId">The form's or CRM's id of the lead (≤ 100), kept with the lead context as the custom field externalId.</param>
/// <param name="Place">Where the lead is, as typed: an address, "City, ST", a postal code, or coordinates.</param>
/// <param name="StructuredPlace">The same from form fields (city, region, postal code, country; or latitude and longitude); its timeZone, when given, is the lead's zone unless prospectTimeZone says otherwise.</param>
/// <param name="Vertical">Industry tag, e.g. "metals-recycling": picks specialists and the talking points.</param>
/// <param name="Score">Lead score, 0–1000.</param>
/// <param name="Name">The lead's name (≤ 200), kept as the custom field name.</param>
/// <param name="Context">What the lead asked for (≤ 500), kept as the custom field context; never put in an invite.</param>
/// <param name="DurationMinutes">Length of the first meeting, 15–240 minutes (default 30).</param>
/// <param name="ProspectTimeZone">The lead's zone when the form knows it (IANA or Windows id).</param>
/// <param name="TimeZone">The zone to word the answer's times in; default the place's zone, else UTC.</param>
/// <param name="SlotsPerRsm">How many of each RSM's earliest slots to return, 1–10 (default 3).</param>
/// <param name="BusinessDays">How many Monday–Friday dates to search from today, 1–20 (default 10).</param>
public sealed record LeadRouteRequest(
    string? Email,
    string? ExternalId = null,
    string? Place = null,
    PlaceDto? StructuredPlace = null,
    string? Vertical = null,
    int? Score = null,
    string? Company = null,
    string? Name = null,
    string? Context = null,
    int? DurationMinutes = null,
    string? ProspectTimeZone = null,
    string? TimeZone = null,
    int? SlotsPerRsm = null,
    int? BusinessDays = null) : IParsedRequest<ParsedLeadRoute>
{
    // Kept on the wire type: the published schema (and the pane's generated contract) lists it, read-only.
    public string? NormalisedVertical => ParsedLeadRoute.NormaliseVertical(Vertical);

    /// <summary>Reads the zones once (the lead's, the answer's, the structured place's); the rest is checked as given.</summary>
    public ParsedLeadRoute Parse(FieldReader read) => new(
        Email, ExternalId, Place, StructuredPlace?.Parse(read.Under("structuredPlace")), Vertical, Score, Company, Name, Context, DurationMinutes,
        read.Zone("prospectTimeZone", ProspectTimeZone, required: false), read.Zone("timeZone", TimeZone, required: false), SlotsPerRsm, BusinessDays);
}

/// <summary>A <see cref="LeadRouteRequest"/> with its zones read (null: absent, or could not be read and already reported).</summary>
public sealed record ParsedLeadRoute(
    string? Email, string? ExternalId, string? Place, ParsedPlace? StructuredPlace, string? Vertical, int? Score, string? Company, string? Name,
    string? Context, int? DurationMinutes, DateTimeZone? ProspectTimeZone, DateTimeZone? TimeZone, int? SlotsPerRsm, int? BusinessDays)
{
    public const int DefaultMinutes = 30;
    public const int DefaultBusinessDays = 10;

    /// <summary>The text the gazetteer reads: the place as typed, else coordinates, else the structured fields joined.</summary>
    public string? LocationText()
    {
        if (!string.IsNullOrWhiteSpace(Place))
        {
            return Place.Trim();
        }
        if (StructuredPlace is not { } p)
        {
            return null;
        }
        if (p is { Latitude: { } lat, Longitude: { } lon })
        {
            return string.Create(CultureInfo.InvariantCulture, $"{lat:0.0######}, {lon:0.0######}");
        }
        var region = p.Region is { } r && r.Contains('-') ? r[(r.IndexOf('-') + 1)..] : p.Region;
        var parts = new[] { p.Text, p.City, string.Join(' ', new[] { region, p.PostalCode }.Where(s => !string.IsNullOrWhiteSpace(s))), p.Country }
            .Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()).ToArray();
        return parts.Length == 0 ? null : string.Join(", ", parts);
    }

    public string? NormalisedVertical => NormaliseVertical(Vertical);

    public static string? NormaliseVertical(string? vertical) => string.IsNullOrWhiteSpace(vertical) ? null : vertical.Trim().ToLowerInvariant();

    /// <summary>The core's question; call only after validation. The form's zone for the place stands for the lead's when no other is given.</summary>
    public LeadToRoute ToLead() => new(
        Email!.Trim(), LocationText(), NormalisedVertical, Duration.FromMinutes(DurationMinutes ?? DefaultMinutes),
        ProspectTimeZone ?? StructuredPlace?.TimeZone, TimeZone, BusinessDays ?? DefaultBusinessDays, SlotsPerRsm ?? 3);
}

public sealed class ParsedLeadRouteValidator : AbstractValidator<ParsedLeadRoute>
{
    public ParsedLeadRouteValidator()
    {
        RuleFor(r => r.Email).NotEmpty().WithMessage("'email' is required: the lead's e-mail address.")
            .Must(e => LeadEmail.Check(e!) is null).WithMessage("'{PropertyValue}' is not a valid e-mail address.").When(r => !string.IsNullOrEmpty(r.Email), ApplyConditionTo.CurrentValidator);
        RuleFor(r => r.ExternalId).MaximumLength(100).MustBeCleanText();
        RuleFor(r => r.Place).MaximumLength(300).MustBeCleanText();
        RuleFor(r => r.StructuredPlace!).SetValidator(new StructuredPlaceValidator()).When(r => r.StructuredPlace is not null);
        RuleFor(r => r.Vertical).MaximumLength(100)
            .Matches("^[A-Za-z0-9][A-Za-z0-9_-]*$").WithMessage("'{PropertyValue}' is not a tag such as metals-recycling (letters, digits, dashes).");
        RuleFor(r => r.Score).InclusiveBetween(0, 1000).WithMessage("'score' must be 0–1000.");
        RuleFor(r => r.Company).MaximumLength(200).MustBeCleanText();
        RuleFor(r => r.Name).MaximumLength(200).MustBeCleanText();
        RuleFor(r => r.Context).MaximumLength(500);
        RuleFor(r => r.DurationMinutes).InclusiveBetween(15, 240).WithMessage("'durationMinutes' must be 15–240.");
        RuleFor(r => r.SlotsPerRsm).InclusiveBetween(1, LeadToRoute.MaxSlotsPerRsm).WithMessage($"'slotsPerRsm' must be 1–{LeadToRoute.MaxSlotsPerRsm}.");
        RuleFor(r => r.BusinessDays).InclusiveBetween(1, SuggestionQuery.MaxBusinessDays).WithMessage($"'businessDays' must be 1–{SuggestionQuery.MaxBusinessDays}.");
    }

    /// <summary>Form fields: any one of them will do (the plain <c>place</c> may carry the text instead).</summary>
    private sealed class StructuredPlaceValidator : AbstractValidator<ParsedPlace>
    {
        public StructuredPlaceValidator()
        {
            RuleFor(p => p.Text).Must((p, text) => !string.IsNullOrWhiteSpace(text) || p.Latitude is not null || p.Longitude is not null
                                                   || p.City is not null || p.PostalCode is not null || p.Region is not null || p.Country is not null)
                .WithMessage("Give at least one of text, city, region, postalCode, country, or latitude and longitude.")
                .MaximumLength(300).MustBeCleanText();
            RuleFor(p => p.Latitude)
                .NotNull().When(p => p.Longitude is not null).WithMessage("'latitude' is required with 'longitude'.")
                .InclusiveBetween(-90, 90).WithMessage("'latitude' must be between -90 and 90 degrees.");
            RuleFor(p => p.Longitude)
                .NotNull().When(p => p.Latitude is not null).WithMessage("'longitude' is required with 'latitude'.")
                .InclusiveBetween(-180, 180).WithMessage("'longitude' must be between -180 and 180 degrees.");
            RuleFor(p => p.Country).Must(c => c is null || IsoCodes.IsCountry(c)).WithMessage("'{PropertyValue}' is not an ISO 3166 country code such as US.");
            RuleFor(p => p.Region).Must(r => r is null || IsoCodes.IsRegion(r)).WithMessage("'{PropertyValue}' is not a region code such as US-CA.");
            RuleFor(p => p.PostalCode).MaximumLength(20).MustBeCleanText();
            RuleFor(p => p.City).MaximumLength(100).MustBeCleanText();
        }
    }
}
