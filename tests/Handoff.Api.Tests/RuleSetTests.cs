using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Travel;
using Microsoft.Extensions.DependencyInjection;

namespace Handoff.Api.Tests;

/// <summary>The API runs the one rule set the core's tests and the benchmarks run (<see cref="RuleSet"/>), in its order.</summary>
public class RuleSetTests
{
    [Test]
    public void TheApisChecker_RunsTheRuleSet()
    {
        using var factory = new HandoffApiFactory();
        var checker = factory.Services.GetRequiredService<MeetingChecker>();
        var expected = RuleSet.Create(factory.Services.GetRequiredService<TripEstimator>());

        Assert.That(checker.Rules.Select(r => r.GetType()), Is.EqualTo(expected.Select(r => r.GetType())));
    }
}
