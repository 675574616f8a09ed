using FluentValidation;
using Handoff.Api.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Handoff.Api.Territories;

/// <param name="Location">What the SDR has: a ZIP / postal code, "City, ST", or a full address.</param>
/// <param name="Vertical">The prospect's industry tag, e.g. "metals-recycling": breaks ties and names a specialist.</param>
public sealed record OwnerQuery([FromQuery(Name = "location")] string? Location, [FromQuery(Name = "vertical")] string? Vertical);

public sealed class OwnerQueryValidator : AbstractValidator<OwnerQuery>
{
    public OwnerQueryValidator()
    {
        RuleFor(q => q.Location).NotEmpty().WithMessage("'location' is required: a ZIP or postal code, \"City, ST\", or an address.")
            .MaximumLength(1000).MustBeCleanText();
        RuleFor(q => q.Vertical).MaximumLength(100).MustBeCleanText();
    }
}
