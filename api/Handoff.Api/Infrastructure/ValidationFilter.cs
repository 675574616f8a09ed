using FluentValidation;

namespace Handoff.Api.Infrastructure;

/// <summary>Validates the endpoint's <typeparamref name="T"/> argument with its FluentValidation validator.</summary>
public sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter where T : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.Arguments.OfType<T>().FirstOrDefault() is not { } argument)
        {
            return ValidationFilters.NoBody();
        }
        var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
        var errors = result.ToDictionary();
        await ValidationFilters.CheckReferencesAsync(context.HttpContext, argument, errors);
        return errors.Count == 0 ? await next(context) : TypedResults.ValidationProblem(errors);
    }
}

/// <summary>
/// Parses the endpoint's <typeparamref name="TRequest"/> body once into <typeparamref name="TParsed"/> (field errors
/// for text that is not an instant, zone, date or address), validates the parsed values (ranges, relations), and hands
/// them to the endpoint (<see cref="ParsedRequest.Parsed{T}"/>). Both kinds of error leave in one 400.
/// </summary>
public sealed class ValidationFilter<TRequest, TParsed>(IValidator<TParsed> validator) : IEndpointFilter
    where TRequest : class, IParsedRequest<TParsed>
    where TParsed : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.Arguments.OfType<TRequest>().FirstOrDefault() is not { } argument)
        {
            return ValidationFilters.NoBody();
        }
        var read = new FieldReader();
        var parsed = await argument.ReadAsync(validator, read, context.HttpContext.RequestAborted);
        var errors = read.Errors;
        // References are checked on the body as read (no second parse of its zones or times); rules for the wire type still run.
        await ValidationFilters.CheckReferencesAsync(context.HttpContext, argument, errors);
        await ValidationFilters.CheckReferencesAsync(context.HttpContext, parsed, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        context.HttpContext.Features.Set(parsed);
        return await next(context);
    }
}

public static class ValidationFilters
{
    internal static IResult NoBody() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["A request body is required."] });

    /// <summary>The references too, in the same pass: the caller fixes everything after one answer.</summary>
    internal static async Task CheckReferencesAsync<T>(HttpContext http, T argument, IDictionary<string, string[]> errors)
    {
        foreach (var rules in http.RequestServices.GetServices<IReferenceRules<T>>())
        {
            await rules.CheckAsync(argument, "", errors, http.RequestAborted);
        }
    }

    /// <summary>Validates the body of type <typeparamref name="T"/> and documents the 400 it may return.</summary>
    public static RouteHandlerBuilder WithValidation<T>(this RouteHandlerBuilder builder) where T : class =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();

    /// <summary>Parses the <typeparamref name="TRequest"/> body into <typeparamref name="TParsed"/>, validates it and documents the 400.</summary>
    public static RouteHandlerBuilder WithValidation<TRequest, TParsed>(this RouteHandlerBuilder builder)
        where TRequest : class, IParsedRequest<TParsed>
        where TParsed : class =>
        builder.AddEndpointFilter<ValidationFilter<TRequest, TParsed>>().ProducesValidationProblem();
}
