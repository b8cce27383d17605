using System.Net;
using KhcnTracker.Testing;

namespace KhcnTracker.IntegrationTests.Security;

/// <summary>Odd input gets a clear refusal in Vietnamese — never an unhandled error.</summary>
public sealed class OddInputTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/api/v1/exports/audit.csv?unit=khong-co-tinh-nay", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/exports/values.csv?unit=khong-co-tinh-nay", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/targets?search=a%00b", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/values?unit=lao%00cai", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/progress?unit=%01", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/tasks?document=%00", HttpStatusCode.BadRequest)]
    [InlineData("/progress?x=%0A", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/progress/units/khong-co", HttpStatusCode.NotFound)]
    public async Task AnOddRequestIsRefusedWithAProblemInVietnamese(string path, HttpStatusCode expected)
    {
        using var auditor = await portal.CreateClientForAsync("auditor.national@demo.local");

        var response = await auditor.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches("[àáảãạâăđêôơư]", await response.Content.ReadAsStringAsync());
    }
}
