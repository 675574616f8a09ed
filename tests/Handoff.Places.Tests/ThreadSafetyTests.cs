namespace Handoff.Places.Tests;

public class ThreadSafetyTests
{
    [Test]
    public void Resolve_FromManyThreads_GivesTheSameAnswers()
    {
        string[] inputs = ["93706", "Fresno, CA", "Suite 300, 1 Main St., Toronto, ON M5H 2N2", "Calgary AB T2P", "Online", "TBD", "36.74,-119.78"];
        var expected = inputs.Select(i => Resolve.Resolver.Resolve(i)).ToArray();

        var results = new Scheduling.Places.LocationMatch[inputs.Length * 200];
        Parallel.For(0, results.Length, i => results[i] = Resolve.Resolver.Resolve(inputs[i % inputs.Length]));

        Assert.That(results.Select((r, i) => r == expected[i % inputs.Length]), Is.All.True);
    }
}
