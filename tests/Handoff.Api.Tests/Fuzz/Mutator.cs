using System.Text.Json.Nodes;

namespace Handoff.Api.Tests.Fuzz;

/// <summary>One fuzzed request body and the category of the change that made it (for the known-pending list).</summary>
public sealed record FuzzCase(string Body, string Category, string What);

/// <summary>
/// Seeded mutations of a valid body: one change per body at a random place in the JSON tree (a value of another
/// type, an edge string or number, an instant at the edge of time, a blown-up or null-filled list, a missing
/// field), or a broken byte stream. The same seed gives the same bodies.
/// </summary>
public sealed class Mutator(int seed)
{
    private static readonly string[] EdgeStrings =
    [
        "", " ", "x", new string('a', 5000), "\u0000", "\u202Eevil", "😀🏭", "\t\r\n", "=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0",
        "-1", "@SUM(1)", "null", "NaN", "1e400", "рсм@пример.рф", "a@b", "@", "Fresno, CA 93706 🏭", "0", "99999", "M5V",
        "../../etc/passwd", "<script>", "' OR 1=1 --", "%00", "\\", "\"",
    ];

    private static readonly string[] Instants =
    [
        "0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2026-02-30T10:00:00Z", "2026-12-03T15:00:00.1234567Z", "2026-12-03",
        "2026-12-03T15:00:00", "2026-12-03T25:00:00Z", "20261203T150000Z", "2026-12-03T15:00:00+05:45", "2026-13-01T00:00:00Z",
    ];

    private static readonly string[] FarInstants = ["9999-12-31T23:59:59Z", "9999-12-31T00:00:00Z", "9999-12-30T12:00:00Z"];

    private static readonly string[] ExtremeOffsets = ["2026-12-03T15:00:00+14:00", "2026-12-03T15:00:00-12:00", "2026-12-03T15:00:00+18:00", "2026-12-03T15:00:00-18:00"];

    private static readonly Func<JsonNode?>[] Values =
    [
        () => null, () => true, () => 0, () => -1, () => 1e308, () => -1e308, () => 0.5, () => 2147483648L, () => "",
        () => "x", () => new JsonArray(), () => new JsonObject(), () => new JsonArray((JsonNode?)null), () => new JsonArray(new JsonArray()),
        () => new JsonObject { ["a"] = 1 },
    ];

    private readonly Random _random = new(seed);

    public FuzzCase Next(JsonObject seedBody)
    {
        var roll = _random.Next(100);
        if (roll < 6)
        {
            return Raw(seedBody.ToJsonString());
        }
        var body = (JsonObject)seedBody.DeepClone();
        var (parent, key, node) = Pick(body);
        var name = key as string ?? "";
        string category, what;
        switch (_random.Next(8))
        {
            case 0:
                var value = Values[_random.Next(Values.Length)]();
                Replace(parent, key, value);
                (category, what) = ("type", $"{Path(parent, key)} = {value?.ToJsonString() ?? "null"}");
                break;
            case 1:
                var s = EdgeStrings[_random.Next(EdgeStrings.Length)];
                Replace(parent, key, s);
                (category, what) = ("string", $"{Path(parent, key)} = edge string #{Array.IndexOf(EdgeStrings, s)}");
                break;
            case 2:
                var nonChar = _random.Next(2) == 0 ? "Fresno\uFFFE, CA" : "\uFFFF";
                Replace(parent, key, nonChar);
                (category, what) = (IsPlaceText(name) ? KnownPending.PlaceTextNonCharacter : "noncharacter", $"{Path(parent, key)} has U+FFFE/U+FFFF");
                break;
            case 3 when IsInstantField(name):
                var pick = _random.Next(3);
                var instant = pick == 0 ? FarInstants[_random.Next(FarInstants.Length)] : pick == 1 ? ExtremeOffsets[_random.Next(ExtremeOffsets.Length)] : Instants[_random.Next(Instants.Length)];
                Replace(parent, key, instant);
                (category, what) = (pick == 0 ? KnownPending.NearYear9999 : pick == 1 ? KnownPending.OffsetsFarApart : "instant", $"{Path(parent, key)} = {instant}");
                break;
            case 4 when node is JsonArray array && array.Count > 0:
                var copies = _random.Next(2) == 0 ? 1 : _random.Next(50, 400);
                var element = _random.Next(3) == 0 ? null : array[_random.Next(array.Count)];
                for (var i = 0; i < copies; i++)
                {
                    array.Add(element?.DeepClone());
                }
                (category, what) = ("list", $"{Path(parent, key)} + {copies} × {(element is null ? "null" : "copy")}");
                break;
            case 5 when parent is JsonObject obj:
                obj.Remove(name);
                (category, what) = ("missing", $"{Path(parent, key)} removed");
                break;
            case 6:
                double[] numbers = [0, -0.0, 1e-10, 1e-300, -5, 1e15, 86401, 5001, 1000.5];
                var n = numbers[_random.Next(numbers.Length)];
                Replace(parent, key, n);
                var tiny = n is > 0 and < 1e-3 && name.Equals("averageSpeedKmh", StringComparison.OrdinalIgnoreCase);
                (category, what) = (tiny ? KnownPending.TinySpeed : "number", $"{Path(parent, key)} = {n}");
                break;
            default:
                Replace(parent, key, Values[_random.Next(Values.Length)]());
                (category, what) = ("type", $"{Path(parent, key)} replaced");
                break;
        }
        return new FuzzCase(body.ToJsonString(), category, what);
    }

    /// <summary>A fuzzed owner-lookup location.</summary>
    public FuzzCase NextLocation()
    {
        var roll = _random.Next(4);
        var text = roll switch
        {
            0 => EdgeStrings[_random.Next(EdgeStrings.Length)],
            1 => "Fresno\uFFFE, CA 9370" + _random.Next(10),
            2 => new string((char)_random.Next(1, 0xD7FF), _random.Next(1, 40)),
            _ => string.Concat(Enumerable.Range(0, _random.Next(1, 30)).Select(_ => (char)_random.Next(32, 127))),
        };
        return new FuzzCase(text, roll == 1 ? KnownPending.PlaceTextNonCharacter : "location", $"location #{roll}");
    }

    private FuzzCase Raw(string json)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        return _random.Next(4) switch
        {
            0 => new FuzzCase(json[.._random.Next(json.Length)], "raw", "truncated"),
            1 => new FuzzCase("", "raw", "empty"),
            2 => new FuzzCase(json.Insert(_random.Next(json.Length), "\u00ff\u0001{["), "raw", "garbage inserted"),
            _ => new FuzzCase("[" + json + "]", "raw", "wrapped in a list"),
        };
    }

    private (JsonNode Parent, object Key, JsonNode? Node) Pick(JsonObject root)
    {
        // Walk down a random number of steps from the root.
        JsonNode parent = root;
        object key = "";
        JsonNode? node = root;
        for (var depth = 0; depth < 5; depth++)
        {
            if (node is JsonObject o && o.Count > 0)
            {
                var prop = o.ElementAt(_random.Next(o.Count));
                (parent, key, node) = (o, prop.Key, prop.Value);
            }
            else if (node is JsonArray a && a.Count > 0)
            {
                var i = _random.Next(a.Count);
                (parent, key, node) = (a, i, a[i]);
            }
            else
            {
                break;
            }
            if (_random.Next(3) == 0)
            {
                break;
            }
        }
        return ReferenceEquals(node, root) ? (root, root.First().Key, root.First().Value) : (parent, key, node);
    }

    private static void Replace(JsonNode parent, object key, JsonNode? value)
    {
        if (parent is JsonObject o) { o[(string)key] = value; }
        else if (parent is JsonArray a) { a[(int)key] = value; }
    }

    private static string Path(JsonNode parent, object key) => key is int i ? $"{parent.GetPath()}[{i}]" : $"{parent.GetPath()}.{key}";

    private static bool IsInstantField(string name) => name is "start" or "end" or "from" or "to" or "windowStart" or "windowEnd";

    private static bool IsPlaceText(string name) => name is "location" or "text" or "place";
}
