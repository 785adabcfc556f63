using System.Text.Json;
using Duban.Core.Common;
using Duban.Core.Common.Workflow;

namespace Duban.Common.Workflow;

/// <summary>Reads what a person sent with an action, whether a JSON body (the API) or a form with or without a file (a page).</summary>
internal static class ActionInputs
{
    public static async Task<ActionInput> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.Count > 0 ? form.Files[0] : null;
            return new ActionInput(form.Select(f => new KeyValuePair<string, string?>(f.Key, f.Value.ToString())),
                file?.OpenReadStream(), file?.FileName);
        }
        if (request.ContentLength == 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
        {
            return ActionInput.None;
        }
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            if (body.RootElement.ValueKind == JsonValueKind.Null)
            {
                return ActionInput.None;
            }
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Core.Common.CommonErrors.NotAJsonObject();
            }
            return new ActionInput(body.RootElement.EnumerateObject().Select(p => new KeyValuePair<string, string?>(p.Name, p.Value.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.String => p.Value.GetString(),
                _ => p.Value.GetRawText(),
            })));
        }
        catch (JsonException)
        {
            throw Core.Common.CommonErrors.NotAJsonObject();
        }
    }
}
