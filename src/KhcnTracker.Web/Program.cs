using KhcnTracker.Application;
using KhcnTracker.Infrastructure;
using KhcnTracker.Infrastructure.Catalogue;
using KhcnTracker.Infrastructure.EmbeddedPostgres;
using KhcnTracker.Infrastructure.Persistence;
using KhcnTracker.Web.Api;
using KhcnTracker.Web.Components;
using KhcnTracker.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using MudBlazor.Services;
using Serilog;

// Commands: no argument serves the portal; `migrate` applies migrations and exits; `--load-catalogue` loads the shipped
// catalogue and exits; `create-admin <email>` creates the first administrator, with the password in KHCN_ADMIN_PASSWORD.
var command = args.FirstOrDefault(a => a is "migrate" or "--load-catalogue" or "create-admin");

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
    builder.WebHost.UseUrls("http://localhost:5080");
builder.AddPortalLogging();

string connectionString;
EmbeddedPostgresCluster? embedded;
try
{
    (connectionString, embedded) = await EmbeddedDatabase.ResolveAsync(builder);
}
catch (EmbeddedPostgresException e)
{
    // A set-up fault is told in one sentence, without a stack trace.
    Console.Error.WriteLine(e.Message);
    return 1;
}

builder.Services.AddInfrastructure(builder.Configuration, connectionString, EmbeddedDatabase.DataFolder(builder));
builder.Services.AddApplication();
builder.Services.AddSingleton<KhcnTracker.Web.Exports.ExportJobs>();
builder.Services.AddInstanceStatus();
builder.Services.AddPortalAuthentication();
builder.Services.AddPortalRateLimits(builder.Configuration);
if (builder.Environment.IsDevelopment())
    builder.Services.AddDemoAccounts();
builder.Services.AddPortalLocalization();
builder.Services.AddDocumentWords();
builder.AddReminders(connectionString);
builder.Services.AddMudServices();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
// Vietnamese letters written as themselves in the HTML, not as &#x...; entities (the open pages are read by search engines too).
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddOpenApi();
// The API writes the model's enums as its words (submitted, in-progress, ge…): one converter, at the edge.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new KhcnTracker.Web.Api.ApiWords()));
builder.Services.AddPortalErrorHandling();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
if (command is not null)
    builder.Services.Configure<DatabaseOptions>(o => (o.MigrateOnStart, o.LoadCatalogueOnStart) = (false, false));

builder.UseTestRunClock();

var app = builder.Build();
embedded?.StopWith(app.Lifetime);

if (command is not null)
{
    // A command runs and exits; the embedded cluster stops whatever the outcome.
    try
    {
        await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
        if (command == "--load-catalogue")
            await app.Services.GetRequiredService<CatalogueLoader>().LoadAsync(CatalogueFiles.ReadShipped());
        if (command == "create-admin" && !await AdminAccount.CreateAsync(app.Services, args))
            return 1;
        return 0;
    }
    finally
    {
        if (embedded is not null) await embedded.StopAsync();
    }
}

// The proxy's headers first, so the scheme (https) and the client's address are known to everything after.
app.UseReverseProxyHeaders(builder.Configuration);
// One error path in every environment: problem+json for the API, the Vietnamese error and not-found pages for pages.
app.UsePortalErrorHandling();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
    app.UseHttpsRedirection();
}
// Routing after the error handling, so that the error page it re-executes is routed afresh.
app.UseRouting();
app.UseSecurityHeaders();
app.UseRequestGuard();
app.UseSerilogRequestLogging();
app.UsePortalLocalization();
app.UsePublicCaching();
app.UseAuthentication();
app.UseAuthorization();
app.UsePortalUser();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthChecks("/health");
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapCultureSwitch();
// The API's description tells an attacker every door: in Development only, unless OpenApi:Enabled says otherwise.
if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("OpenApi:Enabled"))
    app.MapOpenApi("/openapi/{documentName}.json");
app.MapAccountEndpoints();
app.MapCatalogueApi();
app.MapTaskApi();
app.MapValueApi();
app.MapAuditApi();
app.MapAdminApi();
app.MapProgressApi();
app.MapExportApi();
app.MapExportDownloads();
app.MapReportApi();
app.MapPeriodApi();
app.MapPublicData();
// Our own Content-Security-Policy already says frame-ancestors 'none': Blazor need not add a second one.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);

await app.RunAsync();
return 0;
