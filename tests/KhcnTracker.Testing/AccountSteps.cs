using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Xunit;

namespace KhcnTracker.Testing;

/// <summary>Steps the access tests take around an account: its grants changed by an administrator, and what it wrote meanwhile.</summary>
public static class AccountSteps
{
    /// <summary>An administrator (signed in on <paramref name="admin"/>) replaces the account's grants through the administration API.</summary>
    public static async Task PutGrantsAsync(this HttpClient admin, string email, params object[] grants)
    {
        var put = await admin.PutAsJsonAsync($"/api/v1/admin/users/{email}/grants", grants);
        Assert.True(put.StatusCode == HttpStatusCode.NoContent, await put.Content.ReadAsStringAsync());
    }

    /// <summary>How many changes to reported values the audit trail holds.</summary>
    public static async Task<long> ValueChangesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return (long)(await new NpgsqlCommand("SELECT count(*) FROM audit_log WHERE entity = 'value'", connection).ExecuteScalarAsync())!;
    }
}
