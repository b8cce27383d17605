using KhcnTracker.Infrastructure.Identity;
using KhcnTracker.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KhcnTracker.Web.Hosting;

/// <summary>
/// Cookie sign-in for the portal, bearer tokens for the API (one policy scheme picks by the Authorization header),
/// ASP.NET Core Identity on PostgreSQL, lockout after five failures, Data Protection keys in PostgreSQL.
/// </summary>
public static class Authentication
{
    public const string Scheme = "Portal";
    public const int MaxFailedAttempts = 5;

    /// <summary>
    /// A write through the API is authenticated by a bearer token only, never by the sign-in cookie: a page of another
    /// site cannot make the browser send one, so no cross-site request can write (CSRF). Pages write over the circuit.
    /// </summary>
    private static bool IsApiWrite(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));

    public static void AddPortalAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = Scheme;
                options.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or bearer token", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || IsApiWrite(context.Request)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddIdentityCookies();

        services.AddIdentityCore<PortalUserAccount>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PortalClaims>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "khcn.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/account/login";
            options.AccessDeniedPath = "/account/denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // The API answers 401/403; only pages redirect to the sign-in page.
            options.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
        });

        // Outside Development the sign-in cookie is only ever sent over HTTPS (behind the TLS proxy); Development and the
        // tests serve plain http://127.0.0.1 and keep the request's scheme. The antiforgery cookie follows the request's
        // scheme (Secure over HTTPS; its default would never mark it): set to Always it would make every page served
        // over plain HTTP fail.
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IHostEnvironment>((options, environment) => options.Cookie.SecurePolicy = CookiePolicy(environment));
        services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        // A session whose stamp changed (password reset, new roles, a lock, a sign-out) ends within a minute, not the default
        // half hour: the cookie is re-validated every minute, and every request and circuit action re-reads the account's
        // grants under the sign-in's stamp (AccountAccessCache, at most 30 s old).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddSingleton<AccountAccessCache>();
        services.AddScoped<PortalSignIn>();
        services.AddScoped<AuthenticationStateProvider, PortalAuthenticationState>();

        services.AddDataProtection().SetApplicationName("KhcnTracker").PersistKeysToDbContext<AppDbContext>();
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();

        services.AddScoped<KhcnTracker.Application.Users.IUserAccounts, UserAccounts>();
        services.AddHttpContextAccessor();
        services.AddScoped<PortalUser>();
        services.AddScoped<Components.Shared.CircuitExit>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<PortalUser>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, PortalUserCircuitHandler>());
    }

    /// <summary>After authentication: hands the request's principal to the application layer.</summary>
    public static void UsePortalUser(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var door = context.Request.Path.StartsWithSegments("/api") ? "api" : "web";
            var user = context.RequestServices.GetRequiredService<PortalUser>();
            user.Set(context.User, $"{door} {context.Connection.RemoteIpAddress}".TrimEnd());
            // A sign-in carries the security stamp it was made with; a new stamp (grants, password, lock, sign-out) makes
            // the old sign-in nobody: a token is refused, a cookie is deleted and the request goes on signed out.
            if (!await user.RefreshAsync(context.RequestAborted))
            {
                if (IsBearer(context.Request))
                {
                    await Results.Problem("Phiên đăng nhập đã hết hiệu lực. Hãy đăng nhập lại.", statusCode: StatusCodes.Status401Unauthorized,
                        title: "Chưa đăng nhập").ExecuteAsync(context);
                    return;
                }
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
                user.Set(context.User);
            }
            if (await PasswordChange.RefusedAsync(context)) return;
            await next(context);
        });

    public static CookieSecurePolicy CookiePolicy(IHostEnvironment environment) =>
        environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    private static bool IsBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
