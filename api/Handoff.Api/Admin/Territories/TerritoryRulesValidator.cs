using FluentValidation;
using FluentValidation.Results;
using Handoff.Api.Admin.Common;

namespace Handoff.Api.Admin.Territories;

/// <summary>
/// Codes must exist; a rule listed twice, or one already covered by a broader rule of the same territory
/// (US-CA beside US, 93706 beside 937), is an error: it hides what the admin meant. Overlapping circles are fine.
/// </summary>
public sealed class TerritoryRulesValidator : AbstractValidator<ParsedTerritoryRules>
{
    public const int MaxPostalPrefixes = 20_000;

    public TerritoryRulesValidator()
    {
        RuleFor(r => r.Countries).Must(c => Count(c) <= 300).WithMessage("At most 300 countries.")
            .NoDuplicates(Norm);
        RuleForEach(r => r.Countries).Must(IsoCodes.IsCountry)
            .WithMessage("'{PropertyValue}' is not an ISO 3166 country code such as US or CA.");

        RuleFor(r => r.Regions).Must(c => Count(c) <= 1000).WithMessage("At most 1000 regions.")
            .NoDuplicates(Norm)
            .Custom((regions, ctx) => CoveredRegions(regions, ctx.InstanceToValidate.Countries, ctx));
        RuleForEach(r => r.Regions).Must(IsoCodes.IsRegion)
            .WithMessage("'{PropertyValue}' is not a region code such as US-CA or CA-ON.");

        RuleFor(r => r.PostalPrefixes).Must(c => Count(c) <= MaxPostalPrefixes).WithMessage($"At most {MaxPostalPrefixes} postal prefixes.")
            .NoDuplicates(p => PostalPrefix.Normalise(p))
            .Custom(CoveredPrefixes);
        RuleForEach(r => r.PostalPrefixes).Must(PostalPrefix.IsValid)
            .WithMessage("'{PropertyValue}' is not a ZIP or postal-code prefix (1–10 letters or digits, e.g. 937 or M5V).");

        RuleFor(r => r.Radii).Must(c => Count(c) <= 100).WithMessage("At most 100 radii.");
        RuleForEach(r => r.Radii).NotNull().WithMessage("A radius cannot be null: give {\"center\": …, \"radiusKm\": 50}.").SetValidator(new ParsedRadiusValidator()!);
    }

    public static int Count<T>(IReadOnlyList<T>? list) => list?.Count ?? 0;

    public static bool HasAny(ParsedTerritoryRules r) => Count(r.Countries) + Count(r.Regions) + Count(r.PostalPrefixes) + Count(r.Radii) > 0;

    private static string? Norm(string? code) => code?.Trim().ToUpperInvariant();

    private static void CoveredRegions(IReadOnlyList<string>? regions, IReadOnlyList<string>? countries, ValidationContext<ParsedTerritoryRules> ctx)
    {
        var whole = new HashSet<string>((countries ?? []).Select(c => Norm(c) ?? ""));
        for (var i = 0; i < Count(regions); i++)
        {
            var country = Norm(regions![i])?.Split('-')[0];
            if (country is not null && whole.Contains(country))
            {
                ctx.AddFailure(new ValidationFailure($"{ctx.PropertyPath}[{i}]", $"'{regions[i]}' is already covered by the country '{country}' in this territory."));
            }
        }
    }

    private static void CoveredPrefixes(IReadOnlyList<string>? prefixes, ValidationContext<ParsedTerritoryRules> ctx)
    {
        var all = new HashSet<string>((prefixes ?? []).Select(PostalPrefix.Normalise).Where(p => p.Length > 0));
        for (var i = 0; i < Count(prefixes); i++)
        {
            var p = PostalPrefix.Normalise(prefixes![i]);
            for (var len = 1; len < p.Length; len++)
            {
                if (all.Contains(p[..len]))
                {
                    ctx.AddFailure(new ValidationFailure($"{ctx.PropertyPath}[{i}]", $"'{prefixes[i]}' is already covered by the prefix '{p[..len]}' in this territory."));
                    break;
                }
            }
        }
    }
}

/// <summary>Postal prefixes compare ignoring case, spaces and dashes: "m5v 3l9" and "M5V3L9" are the same.</summary>
public static class PostalPrefix
{
    public static string Normalise(string? prefix) =>
        new string((prefix ?? "").Where(c => c is not (' ' or '-')).ToArray()).ToUpperInvariant();

    public static bool IsValid(string? prefix)
    {
        var p = Normalise(prefix);
        return p.Length is >= 1 and <= 10 && p.All(char.IsAsciiLetterOrDigit);
    }
}

/// <summary>A registered validator rather than inline rules, so the OpenAPI schema of a radius shows its rules too.</summary>
public sealed class ParsedRadiusValidator : AbstractValidator<ParsedRadius>
{
    public ParsedRadiusValidator()
    {
        RuleFor(x => x.Center).NotNull().WithMessage("'center' is required: coordinates and/or an address or ZIP.");
        RuleFor(x => x.Center!).SetValidator(new ParsedPlaceValidator()).When(x => x.Center is not null);
        RuleFor(x => x.RadiusKm).NotNull().WithMessage("'radiusKm' is required.")
            .GreaterThan(0).WithMessage("'radiusKm' must be more than 0.")
            .LessThanOrEqualTo(5000).WithMessage("'radiusKm' must be at most 5000.");
    }
}
