using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KhcnTracker.Testing;

/// <summary>Signs a demo account in, the two ways the portal knows: the sign-in form (a cookie, as a browser) and the API (a bearer token).</summary>
public static partial class DemoSignIn
{
    /// <summary>Through the sign-in form: the client ends up carrying the sign-in cookie.</summary>
    public static async Task FormAsync(HttpClient client, string email)
    {
        var form = await client.GetStringAsync("account/login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var response = await client.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = PortalFactory.DemoPassword, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("error") == true)
            throw new InvalidOperationException($"Sign-in of {email} failed: {response.StatusCode} {response.Headers.Location}");
    }

    /// <summary>The cookies of a session signed in through the form on a portal served at <paramref name="rootUrl"/>.</summary>
    public static async Task<CookieContainer> CookiesAsync(string rootUrl, string email)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(rootUrl.TrimEnd('/') + "/"),
        };
        await FormAsync(client, email);
        return cookies;
    }

    /// <summary>Through <c>POST /api/v1/auth/login</c>: the client sends the bearer token from then on.</summary>
    public static async Task BearerAsync(HttpClient client, string email)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = PortalFactory.DemoPassword });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
