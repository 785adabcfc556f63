using System.Net.Http.Json;
using Duban.Core.Ledger;

namespace Duban.Tests.Infrastructure;

/// <summary>Acting on items as a user does: through the API, or through an item page's action form.</summary>
public static partial class WebSession
{
    /// <summary>Takes a workflow action through the API and returns the item; anything but success fails the test.</summary>
    public static async Task<ItemView> ActAsync(this HttpClient client, int id, string action, object? body = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/items/{id}/{action}", body ?? new { });
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<ItemView>(Json))!;
    }

    /// <summary>Posts an action form of the item's page, with the page's antiforgery token; returns the redirect.</summary>
    public static async Task<HttpResponseMessage> PostActionFormAsync(this HttpClient client, int id, string action, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync($"/ledger/{id}");
        return await client.PostAsync($"/ledger/{id}/act/{action}", new FormUrlEncodedContent(new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = AntiforgeryTokenOf(page),
        }));
    }
}
