using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Handoff.Api.Admin.Common;
using Handoff.Api.Infrastructure;
using Handoff.Storage;
using NodaTime;
using NodaTime.Text;

namespace Handoff.Api.Admin.FieldPlans;

/// <summary>Where an RSM expects to be over a range of days, planned weeks ahead.</summary>
/// <param name="RsmEmail">An existing RSM's e-mail.</param>
/// <param name="From">First day, "2026-12-07".</param>
/// <param name="To">Last day (inclusive), on or after <paramref name="From"/>, at most a year later.</param>
/// <param name="Place">Where: an address or ZIP, coordinates, or both.</param>
/// <param name="Confidence">How sure the RSM is, in percent (0–100).</param>
/// <param name="Leave">The RSM is off these days (vacation, leave): round robin skips them and calibrates them back in (default false).</param>
public sealed record FieldPlanRequest(string? RsmEmail, [property: Required, DataType(DataType.Date)] string? From, [property: Required, DataType(DataType.Date)] string? To, PlaceDto? Place, int? Confidence, string? Note = null, bool? Leave = null)
    : IParsedRequest<ParsedFieldPlan>
{
    /// <summary>Reads the dates and the place's zone once; the place is resolved by the endpoint (it needs the gazetteer).</summary>
    public ParsedFieldPlan Parse(FieldReader read) => new(
        RsmEmail, read.Date("from", From, required: true, Refused("from")), read.Date("to", To, required: true, Refused("to")),
        Place?.Parse(read.Under("place")), Confidence, Note, Leave);

    private static Func<string?, string> Refused(string field) => text => string.IsNullOrWhiteSpace(text)
        ? $"'{field}' is required: a date such as 2026-12-07."
        : $"'{text}' is not a date such as 2026-12-07.";
}

/// <summary>A <see cref="FieldPlanRequest"/> with its dates read (null: could not be read, already reported).</summary>
public sealed record ParsedFieldPlan(string? RsmEmail, LocalDate? From, LocalDate? To, ParsedPlace? Place, int? Confidence, string? Note, bool? Leave);

/// <param name="Version">The row version; the ETag header carries the same value in quotes.</param>
public sealed record FieldPlanResponse(
    Guid Id, Guid RsmId, string RsmEmail, string From, string To, PlaceDto Place, int Confidence, string? Note, bool Leave,
    int Version, [property: DataType(DataType.DateTime)] string CreatedAt, [property: DataType(DataType.DateTime)] string UpdatedAt)
{
    /// <summary>Needs the RSM loaded.</summary>
    public static FieldPlanResponse Of(FieldPlanEntity p) => new(
        p.Id, p.RsmId, p.Rsm!.Email, Dates.Format(p.From), Dates.Format(p.To), PlaceDto.From(p.Place), p.Confidence, p.Note, p.Leave,
        p.Version, Instants.Format(p.CreatedAt), Instants.Format(p.UpdatedAt));
}

/// <summary>ISO dates, "2026-12-07".</summary>
public static class Dates
{
    public static bool TryParse(string? text, out NodaTime.LocalDate date)
    {
        date = default;
        var result = text is null ? null : LocalDatePattern.Iso.Parse(text.Trim());
        if (result is not { Success: true })
        {
            return false;
        }
        date = result.Value;
        return true;
    }

    public static string Format(NodaTime.LocalDate date) => LocalDatePattern.Iso.Format(date);
}

public sealed class ParsedFieldPlanValidator : AbstractValidator<ParsedFieldPlan>
{
    public ParsedFieldPlanValidator()
    {
        RuleFor(p => p.RsmEmail).MustBeEmail();
        RuleFor(p => p.To)
            .Must((p, to) => to >= p.From).WithMessage("'to' must be on or after 'from'.")
            .Must((p, to) => Period.Between(p.From!.Value, to!.Value, PeriodUnits.Days).Days <= 366)
            .WithMessage("A field plan covers at most a year.")
            .When(p => p.From is not null && p.To is not null);
        RuleFor(p => p.Place).NotNull().WithMessage("'place' is required: an address or ZIP, coordinates, or both.");
        RuleFor(p => p.Place!).SetValidator(new ParsedPlaceValidator()).When(p => p.Place is not null);
        RuleFor(p => p.Confidence).NotNull().WithMessage("'confidence' is required: how sure the RSM is, 0–100 (%).")
            .InclusiveBetween(0, 100).WithMessage("'confidence' is a percentage, 0–100.");
        RuleFor(p => p.Note).MaximumLength(1000).MustBeCleanText();
    }
}
