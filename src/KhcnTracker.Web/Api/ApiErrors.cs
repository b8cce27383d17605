using KhcnTracker.Domain.Common;
using KhcnTracker.Web.Components.Shared;
using KhcnTracker.Web.Hosting;

namespace KhcnTracker.Web.Api;

/// <summary>Turns any refusal of the application layer into problem-details JSON with a Vietnamese message (<see cref="RefusalAnswer"/>).</summary>
internal sealed class ApiErrors(IStringLocalizer<SharedResource> L) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Refusal refusal)
        {
            return RefusalAnswer.Of(refusal, context.HttpContext, L);
        }
    }
}
