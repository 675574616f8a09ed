using FluentValidation;

namespace Handoff.Api.Infrastructure;

/// <summary>
/// A request body whose text is read at the edge, once, into <typeparamref name="TParsed"/> (instants, zones, dates,
/// addresses as their types). <see cref="ValidationFilter{TRequest, TParsed}"/> calls <see cref="Parse"/>, validates the
/// result (ranges and relations only) and hands it to the endpoint, which reads it with <see cref="ParsedRequest.Parsed{T}"/>.
/// </summary>
public interface IParsedRequest<out TParsed> where TParsed : class
{
    /// <summary>
    /// Reads every field once; a field that cannot be read adds a message to <paramref name="read"/> under its JSON name
    /// and is null in the result (which is then only for validation: the endpoint never sees it).
    /// </summary>
    TParsed Parse(FieldReader read);
}

public static class ParsedRequest
{
    /// <summary>
    /// Parses once, then validates the parse; every message lands in <paramref name="read"/> under its JSON name. The
    /// validation filter's steps, also for bodies an endpoint reads itself (a JSON or CSV import, row by row).
    /// </summary>
    public static async Task<TParsed> ReadAsync<TParsed>(this IParsedRequest<TParsed> request, IValidator<TParsed> validator, FieldReader read, CancellationToken ct)
        where TParsed : class
    {
        var parsed = request.Parse(read);
        foreach (var failure in (await validator.ValidateAsync(parsed, ct)).Errors)
        {
            read.Fail(failure.PropertyName, failure.ErrorMessage);
        }
        return parsed;
    }

    /// <summary>The body as <see cref="ValidationFilter{TRequest, TParsed}"/> parsed and validated it.</summary>
    public static T Parsed<T>(this HttpContext http) where T : class =>
        http.Features.Get<T>() ?? throw new InvalidOperationException(
            $"No parsed {typeof(T).Name} on this request: map the endpoint with .WithValidation<TRequest, {typeof(T).Name}>().");
}
