using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Caching.Hybrid;

namespace Handoff.Graph;

/// <summary>
/// How the schedule cache writes a day: HybridCache serialises every entry it is given, even an immutable one kept
/// only in process (it measures the payload), so a cold read of 20 RSMs × 14 days pays for ~280 serialisations. This
/// serializer writes the same JSON as HybridCache's default (System.Text.Json's default options: property names as
/// declared, enums as numbers), so entries already in a shared cache still read, but through source-generated code
/// instead of reflection.
/// </summary>
internal sealed class CachedDaySerializer : IHybridCacheSerializer<CachedDay>
{
    public CachedDay Deserialize(ReadOnlySequence<byte> source)
    {
        var reader = new Utf8JsonReader(source);
        return JsonSerializer.Deserialize(ref reader, CachedScheduleJson.Default.CachedDay)
            ?? throw new JsonException("A cached schedule day was null.");
    }

    public void Serialize(CachedDay value, IBufferWriter<byte> target)
    {
        using var writer = new Utf8JsonWriter(target);
        JsonSerializer.Serialize(writer, value, CachedScheduleJson.Default.CachedDay);
    }
}

[JsonSerializable(typeof(CachedDay))]
internal sealed partial class CachedScheduleJson : JsonSerializerContext;
