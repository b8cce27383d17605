using Serilog;
using Serilog.Formatting.Compact;

namespace KhcnTracker.Web.Hosting;

internal static class Logging
{
    /// <summary>Readable console in Development, compact JSON elsewhere. Request logs carry method, path, status and time only.</summary>
    public static void AddPortalLogging(this WebApplicationBuilder builder) =>
        builder.Services.AddSerilog(config =>
        {
            config.MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning)
                .Enrich.FromLogContext()
                // A tab closed while a chart was still drawing: MudBlazor's charts call JavaScript after each render and the
                // framework logs the refused call as an unhandled circuit error, though nobody is left to see anything.
                // The load drill saw a few per hundred closing sessions; they are not errors anyone can act on.
                .Filter.ByExcluding(e => e.Exception is Microsoft.JSInterop.JSDisconnectedException);
            if (builder.Environment.IsDevelopment())
                config.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            else
                config.WriteTo.Console(new CompactJsonFormatter());
        });
}
