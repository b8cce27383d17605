using Microsoft.AspNetCore.Localization;

namespace KhcnTracker.Web.Hosting;

/// <summary>Vietnamese (vi-VN) first, English second; the choice persists in a cookie.</summary>
public static class Localization
{
    public const string Vietnamese = "vi-VN";
    public const string English = "en-US";
    public static readonly string[] Cultures = [Vietnamese, English];

    public static void AddPortalLocalization(this IServiceCollection services) =>
        services.AddLocalization(options => options.ResourcesPath = "Resources");

    /// <summary>The documents' words (exports, the periodic report): the resources, in Vietnamese whoever asks.</summary>
    public static IServiceCollection AddDocumentWords(this IServiceCollection services) =>
        services.AddSingleton<KhcnTracker.Application.Common.IDocumentWords, Components.Shared.VietnameseWords>();

    public static void UsePortalLocalization(this WebApplication app)
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(Vietnamese)
            .AddSupportedCultures(Cultures)
            .AddSupportedUICultures(Cultures);
        // Only the cookie picks the language: the browser's Accept-Language must not override the Vietnamese default.
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        app.UseRequestLocalization(options);
    }

    /// <summary><c>GET /culture?name=en-US&amp;redirect=/path</c> stores the choice and goes back to the page.</summary>
    public static void MapCultureSwitch(this WebApplication app) =>
        app.MapGet("/culture", (string name, string? redirect, HttpContext http, TimeProvider clock) =>
        {
            var culture = Cultures.Contains(name) ? name : Vietnamese;
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = http.Request.IsHttps });
            // Only local paths, checked as the sign-in's return address is (no //host, /\host, TAB, … — and never a throw).
            return Results.LocalRedirect(AccountEndpoints.LocalOrHome(redirect));
        }).ExcludeFromDescription();
}
