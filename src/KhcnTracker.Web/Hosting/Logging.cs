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
                .Enrich.FromLogContext();
            if (builder.Environment.IsDevelopment())
                config.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            else
                config.WriteTo.Console(new CompactJsonFormatter());
        });
}
