using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CgtAtlas.Web.Tests;

/// <summary>Assertions on ProblemDetails answers.</summary>
internal static class Problems
{
    /// <summary>Asserts a 400 whose detail contains <paramref name="detail"/>.</summary>
    public static async Task AssertBadRequestAsync(HttpResponseMessage response, string detail)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(detail, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
