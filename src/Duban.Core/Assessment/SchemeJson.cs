using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Duban.Core.Assessment;

/// <summary>How schemes and lines are kept as JSON: enum names as words, Chinese as it is, camelCase like the API.</summary>
public static class SchemeJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(), new CompactEventConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;
}

/// <summary>
/// A score event kept as <c>[kind, type, id, code]</c> (<c>[0,"item",123,"ZG-2026-0123"]</c>): a yearly run keeps
/// hundreds of thousands of them, and named properties would more than double what is stored and audited.
/// </summary>
internal sealed class CompactEventConverter : JsonConverter<ScoreEvent>
{
    public override ScoreEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A score event is an array.");
        }
        reader.Read();
        var kind = (ScoreEventKind)reader.GetInt32();
        reader.Read();
        var type = reader.GetString()!;
        reader.Read();
        var id = reader.GetInt32();
        reader.Read();
        var code = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
        reader.Read();
        return new ScoreEvent(kind, type, id, code);
    }

    public override void Write(Utf8JsonWriter writer, ScoreEvent value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue((int)value.Kind);
        writer.WriteStringValue(value.RecordType);
        writer.WriteNumberValue(value.RecordId);
        writer.WriteStringValue(value.Code);
        writer.WriteEndArray();
    }
}
