using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Handoff.Api.Admin.Common;
using Handoff.Api.Infrastructure;
using Handoff.Storage;
using NodaTime;

namespace Handoff.Api.FieldIntel.Reports;

/// <summary>A trip an RSM made, door to door.</summary>
/// <param name="RsmEmail">Who travelled: an existing RSM (an RSM may only report their own trips).</param>
/// <param name="From">Where they set off: an address or ZIP, coordinates, or both.</param>
/// <param name="To">Where they arrived.</param>
/// <param name="Departed">ISO 8601 instant with offset, "2026-12-03T08:05:00-08:00".</param>
/// <param name="Arrived">After <paramref name="Departed"/>, at most 24 hours later, not in the future.</param>
/// <param name="Note">"traffic", "flight delayed", "waited 45 min in the lobby" (500 characters at most).</param>
public sealed record FieldReportRequest(string? RsmEmail, PlaceDto? From, PlaceDto? To, [property: Required, DataType(DataType.DateTime)] string? Departed, [property: Required, DataType(DataType.DateTime)] string? Arrived, string? Note = null)
    : IParsedRequest<ParsedFieldReport>
{
    /// <summary>Reads the times and the places' zones once; the places are resolved by the endpoint (they need the gazetteer).</summary>
    public ParsedFieldReport Parse(FieldReader read) => new(
        RsmEmail, From?.Parse(read.Under("from")), To?.Parse(read.Under("to")),
        read.Instant("departed", Departed, refused: text => Refused("departed", "2026-12-03T08:05:00-08:00", text)),
        read.Instant("arrived", Arrived, refused: text => Refused("arrived", "2026-12-03T10:15:00-08:00", text)),
        Note);

    private static string Refused(string field, string example, string? text) =>
        $"'{field}' must be an ISO 8601 time with offset, such as {example}{(text is null ? "" : $" (got '{text}')")}.";
}

/// <summary>A <see cref="FieldReportRequest"/> with its times read (null: could not be read, already reported).</summary>
public sealed record ParsedFieldReport(string? RsmEmail, ParsedPlace? From, ParsedPlace? To, Instant? Departed, Instant? Arrived, string? Note);

public sealed record FieldReportResponse(
    Guid Id, Guid RsmId, string RsmEmail, PlaceDto From, PlaceDto To, [property: DataType(DataType.DateTime)] string Departed, [property: DataType(DataType.DateTime)] string Arrived, int Minutes, string? Note, string ReportedBy, [property: DataType(DataType.DateTime)] string CreatedAt)
{
    /// <summary>Needs the RSM loaded.</summary>
    public static FieldReportResponse Of(FieldReportEntity r) => new(
        r.Id, r.RsmId, r.Rsm!.Email, PlaceDto.From(r.From), PlaceDto.From(r.To), Instants.Format(r.Departed), Instants.Format(r.Arrived),
        (int)Math.Round((r.Arrived - r.Departed).TotalMinutes), r.Note, r.ReportedBy, Instants.Format(r.CreatedAt));
}

public sealed class ParsedFieldReportValidator : AbstractValidator<ParsedFieldReport>
{
    public static readonly Duration LongestTrip = Duration.FromHours(24);

    public ParsedFieldReportValidator()
    {
        RuleFor(r => r.RsmEmail).MustBeEmail();
        RuleFor(r => r.From).NotNull().WithMessage("'from' is required: where the trip started (an address or ZIP, coordinates, or both).");
        RuleFor(r => r.From!).SetValidator(new ParsedPlaceValidator()).When(r => r.From is not null);
        RuleFor(r => r.To).NotNull().WithMessage("'to' is required: where the trip ended.");
        RuleFor(r => r.To!).SetValidator(new ParsedPlaceValidator()).When(r => r.To is not null);
        RuleFor(r => r.Arrived)
            .Must((r, a) => a > r.Departed).WithMessage("'arrived' must be after 'departed'.")
            .Must((r, a) => a - r.Departed <= LongestTrip).WithMessage("A reported trip lasts at most 24 hours: report each leg.")
            .When(r => r.Departed is not null && r.Arrived is not null);
        RuleFor(r => r.Note).MaximumLength(500);
    }
}
