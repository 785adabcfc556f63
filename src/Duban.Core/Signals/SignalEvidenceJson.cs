using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Duban.Core.Signals;

/// <summary>A flag's evidence as stored (JSON) and its fingerprint (the SHA-256 of that JSON).</summary>
public static class SignalEvidenceJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(IReadOnlyList<SignalEvidence> evidence) => JsonSerializer.Serialize(evidence, Options);

    public static IReadOnlyList<SignalEvidence> Read(string json) => JsonSerializer.Deserialize<List<SignalEvidence>>(json, Options) ?? [];

    public static string Hash(IReadOnlyList<SignalEvidence> evidence) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Write(evidence))));
}
