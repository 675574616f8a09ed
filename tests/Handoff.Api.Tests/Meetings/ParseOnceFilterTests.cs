using FluentValidation;
using Handoff.Api.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Handoff.Api.Tests.Meetings;

/// <summary>The validation filter parses a body once and hands that very parse to the endpoint.</summary>
public class ParseOnceFilterTests
{
    private sealed record Parsed(Instant? At);

    private sealed record Body(string? At) : IParsedRequest<Parsed>
    {
        public int Parses { get; private set; }

        public Parsed Parse(FieldReader read)
        {
            Parses++;
            return new Parsed(read.Instant("at", At));
        }
    }

    private sealed class Seen
    {
        public List<Parsed> Validated { get; } = [];
    }

    private static (ValidationFilter<Body, Parsed> Filter, Seen Seen) Filter()
    {
        var seen = new Seen();
        var validator = new InlineValidator<Parsed>();
        validator.RuleFor(p => p.At).Must((p, at) => { seen.Validated.Add(p); return at is not { } v || v.InUtc().Year >= 2000; })
            .WithMessage("'at' must be in 2000 or later.");
        return (new ValidationFilter<Body, Parsed>(validator), seen);
    }

    private static EndpointFilterInvocationContext Context(Body body) =>
        EndpointFilterInvocationContext.Create(new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() }, body);

    [Test]
    public async Task A_good_body_is_parsed_once_and_the_endpoint_gets_that_parse()
    {
        var (filter, seen) = Filter();
        var body = new Body("2026-12-03T15:00:00Z");
        Parsed? handed = null;

        var result = await filter.InvokeAsync(Context(body), ctx => { handed = ctx.HttpContext.Parsed<Parsed>(); return ValueTask.FromResult<object?>("ran"); });

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo("ran"));
            Assert.That(body.Parses, Is.EqualTo(1));
            Assert.That(handed, Is.SameAs(seen.Validated.Single()), "the validator and the endpoint see the same parse");
            Assert.That(handed!.At, Is.EqualTo(Instant.FromUtc(2026, 12, 3, 15, 0)));
        });
    }

    [TestCase("not a time", "'not a time' is not an ISO 8601 instant such as 2026-12-03T15:00:00Z.")]
    [TestCase("1999-12-31T23:59:59Z", "'at' must be in 2000 or later.")]
    public async Task A_bad_body_is_a_400_naming_the_field_and_the_endpoint_never_runs(string at, string message)
    {
        var (filter, _) = Filter();
        var body = new Body(at);

        var result = await filter.InvokeAsync(Context(body), _ => throw new AssertionException("the endpoint ran"));

        Assert.That(result, Is.TypeOf<ValidationProblem>());
        Assert.That(((ValidationProblem)result!).ProblemDetails.Errors, Is.EqualTo(new Dictionary<string, string[]> { ["at"] = [message] }));
        Assert.That(body.Parses, Is.EqualTo(1));
    }

    [Test]
    public void An_endpoint_without_the_filter_fails_loudly_rather_than_parse_again() =>
        Assert.That(() => new DefaultHttpContext().Parsed<Parsed>(), Throws.InvalidOperationException.With.Message.Contains("WithValidation"));
}
