using Handoff.Scheduling.Places;

namespace Handoff.Places.Tests;

/// <summary>One resolver over the embedded data for all tests (the gazetteer is immutable and thread-safe).</summary>
internal static class Resolve
{
    public static GazetteerPlaceResolver Resolver { get; } = new(Gazetteer.Default);

    public static Place Place(string text)
    {
        var match = Resolver.Resolve(text);
        Assert.That(match.Kind, Is.EqualTo(LocationKind.Place), $"'{text}' should be a place");
        Assert.That(match.Place, Is.Not.Null);
        Assert.That(match.Text, Is.EqualTo(text.Trim()));
        return match.Place!;
    }

    public static LocationKind Kind(string? text) => Resolver.Resolve(text).Kind;
}
