using Handoff.Api.Infrastructure;
using FluentValidation;
using Handoff.Api.Admin.Common;
using Handoff.Api.Meetings;
using NodaTime;

namespace Handoff.Api.Admin.Territories;

/// <summary>A territory as an admin creates or replaces it.</summary>
/// <param name="Name">Unique ignoring case; CSV imports match rows on it when no id is given.</param>
/// <param name="Rules">What the territory covers: a prospect matches when any rule matches.</param>
/// <param name="Assignments">RSMs covering the territory, by e-mail; lower priority comes first (default: list order).</param>
/// <param name="Verticals">Industry tags this territory is for; empty means every vertical.</param>
/// <param name="DefaultProspectTimeZone">The prospect's zone when nothing better is known (IANA or Windows id).</param>
/// <param name="Routing">How the territory picks among its RSMs: mode, period, creditBack (default: priority).</param>
public sealed record TerritoryRequest(
    string? Name,
    TerritoryRulesDto? Rules,
    IReadOnlyList<AssignmentDto>? Assignments = null,
    IReadOnlyList<string>? Verticals = null,
    string? DefaultProspectTimeZone = null,
    RoutingDto? Routing = null) : IParsedRequest<ParsedTerritory>
{
    /// <summary>Reads the default prospect zone and each radius centre's zone once; codes, e-mails and routing are checked as given.</summary>
    public ParsedTerritory Parse(FieldReader read) => new(
        Name, Rules?.Parse(read.Under("rules")), Assignments, Verticals,
        read.Zone("defaultProspectTimeZone", DefaultProspectTimeZone, required: false), Routing);
}

/// <summary>A <see cref="TerritoryRequest"/> with its zones read (null: absent, or could not be read and already reported).</summary>
public sealed record ParsedTerritory(
    string? Name, ParsedTerritoryRules? Rules, IReadOnlyList<AssignmentDto>? Assignments, IReadOnlyList<string>? Verticals,
    DateTimeZone? DefaultProspectTimeZone, RoutingDto? Routing);

/// <param name="Countries">ISO 3166 alpha-2 codes: "US", "CA".</param>
/// <param name="Regions">States and provinces as "US-CA", "CA-ON".</param>
/// <param name="PostalPrefixes">ZIP or postal-code prefixes: "937", "93706", "M5V" (case and spaces ignored).</param>
/// <param name="Radii">Circles around a point.</param>
public sealed record TerritoryRulesDto(
    IReadOnlyList<string>? Countries = null,
    IReadOnlyList<string>? Regions = null,
    IReadOnlyList<string>? PostalPrefixes = null,
    IReadOnlyList<RadiusDto>? Radii = null) : IParsedRequest<ParsedTerritoryRules>
{
    public ParsedTerritoryRules Parse(FieldReader read) =>
        new(Countries, Regions, PostalPrefixes, Radii?.Select((r, i) => r?.Parse(read.Under($"radii[{i}]"))).ToArray());
}

/// <summary>A territory's rules with each radius centre's zone read; a null radius stays null (the validator names it).</summary>
public sealed record ParsedTerritoryRules(
    IReadOnlyList<string>? Countries, IReadOnlyList<string>? Regions, IReadOnlyList<string>? PostalPrefixes, IReadOnlyList<ParsedRadius?>? Radii);

/// <param name="Center">The circle's centre: coordinates and/or an address or ZIP.</param>
/// <param name="RadiusKm">More than 0, at most 5000 km.</param>
public sealed record RadiusDto(PlaceDto? Center, double? RadiusKm) : IParsedRequest<ParsedRadius>
{
    public ParsedRadius Parse(FieldReader read) => new(Center?.Parse(read.Under("center")), RadiusKm);
}

public sealed record ParsedRadius(ParsedPlace? Center, double? RadiusKm);

/// <param name="RsmEmail">An existing RSM's e-mail.</param>
/// <param name="Priority">1–1000; lower comes first.</param>
/// <param name="RsmId">In responses: the RSM's id.</param>
/// <param name="Weight">Round-robin weight, more than 0 and at most 100 (default 1): 2 takes twice the share of 1.</param>
/// <param name="AddedAt">In responses: when the RSM joined the territory's pool (no round-robin share accrues before it).</param>
public sealed record AssignmentDto(string? RsmEmail, int? Priority = null, Guid? RsmId = null, double? Weight = null, string? AddedAt = null);

public sealed class ParsedTerritoryValidator : AbstractValidator<ParsedTerritory>
{
    public ParsedTerritoryValidator()
    {
        RuleFor(t => t.Name).NotEmpty().WithMessage("'name' is required.").MaximumLength(200).MustBeCleanText();
        RuleFor(t => t.Rules).NotNull().WithMessage("'rules' is required: countries, regions, postalPrefixes and/or radii.");
        RuleFor(t => t.Rules).Must(r => r is null || TerritoryRulesValidator.HasAny(r))
            .WithMessage("Give at least one rule: countries, regions, postalPrefixes or radii.");
        RuleFor(t => t.Rules!).SetValidator(new TerritoryRulesValidator()).When(t => t.Rules is not null);
        RuleFor(t => t.Assignments).Must(a => a is null || a.Count <= 100).WithMessage("At most 100 RSMs per territory.")
            .NoDuplicates(a => a?.RsmEmail?.Trim().ToLowerInvariant(), ".rsmEmail");
        RuleForEach(t => t.Assignments).NotNull().WithMessage("An assignment cannot be null: give {\"rsmEmail\": \"…\", \"priority\": 1}.").SetValidator(new AssignmentDtoValidator());
        this.TagList(t => t.Verticals);
        RuleFor(t => t.Routing!).SetValidator(new RoutingDtoValidator()).When(t => t.Routing is not null);
    }
}

/// <summary>A registered validator rather than inline rules, so the OpenAPI schema of an assignment shows its rules too.</summary>
public sealed class AssignmentDtoValidator : AbstractValidator<AssignmentDto>
{
    public AssignmentDtoValidator()
    {
        RuleFor(x => x.RsmEmail).MustBeEmail();
        RuleFor(x => x.Priority).InclusiveBetween(1, 1000).WithMessage("'priority' must be 1–1000.");
        RuleFor(x => x.Weight).GreaterThan(0).WithMessage("'weight' must be more than 0 (leave the RSM out of the territory instead).")
            .LessThanOrEqualTo(AssignmentWeights.Max).WithMessage($"'weight' must be at most {AssignmentWeights.Max}.");
    }
}

public static class AssignmentWeights
{
    /// <summary>Weights compare within a pool; 100 : 1 already means one lead in a hundred, so more is a typo.</summary>
    public const double Max = 100;
}
