using FluentValidation;

namespace Handoff.Api.Infrastructure;

/// <summary>Validates the endpoint's <typeparamref name="T"/> argument with its FluentValidation validator.</summary>
public sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter where T : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.Arguments.OfType<T>().FirstOrDefault() is not { } argument)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["A request body is required."] });
        }
        var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
        var errors = result.ToDictionary();
        // The references too, in the same pass: the caller fixes everything after one answer.
        foreach (var rules in context.HttpContext.RequestServices.GetServices<IReferenceRules<T>>())
        {
            await rules.CheckAsync(argument, "", errors, context.HttpContext.RequestAborted);
        }
        return errors.Count == 0 ? await next(context) : TypedResults.ValidationProblem(errors);
    }
}

public static class ValidationFilterExtensions
{
    /// <summary>Validates the body of type <typeparamref name="T"/> and documents the 400 it may return.</summary>
    public static RouteHandlerBuilder WithValidation<T>(this RouteHandlerBuilder builder) where T : class =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();
}
