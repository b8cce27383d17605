using System.Net;
using System.Text.RegularExpressions;

namespace KhcnTracker.Testing;

/// <summary>Signs a demo account in through the sign-in form, as a browser does: the client ends up carrying the sign-in cookie.</summary>
public static partial class FormSignIn
{
    public static async Task PostAsync(HttpClient client, string email)
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

    /// <summary>The cookies of a session signed in on a portal served at <paramref name="rootUrl"/>.</summary>
    public static async Task<CookieContainer> CookiesAsync(string rootUrl, string email)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(rootUrl.TrimEnd('/') + "/"),
        };
        await PostAsync(client, email);
        return cookies;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
