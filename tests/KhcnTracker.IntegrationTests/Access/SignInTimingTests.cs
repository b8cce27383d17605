using System.Diagnostics;

namespace KhcnTracker.IntegrationTests.Access;

/// <summary>
/// Sign-in tells nothing: an unknown e-mail, a known account with a wrong password and a locked account take the same
/// time (one password hash verified each) and get the same answer, so addresses cannot be probed.
/// </summary>
public sealed class SignInTimingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task UnknownAndKnownAccountsAnswerInTheSameTimeWithTheSameText()
    {
        using var client = portal.CreateClient();
        // Warm-up: the first requests start the app, compile the endpoint and hash the dummy password once.
        for (var i = 0; i < 3; i++)
        {
            await LoginAsync(client, $"warm-{i}@nowhere.example", "Sai-mat-khau-1");
            await LoginAsync(client, "auditor.phutho@demo.local", i == 0 ? PortalFactory.DemoPassword : "Sai-mat-khau-1");
        }
        var answers = new HashSet<string>();
        var rounds = new List<string>();
        var difference = double.MaxValue;
        // Median of 10 each, interleaved so that the machine's load falls on both alike, and compared pair by pair (the
        // median of each back-to-back pair's difference), which the load of other test processes moves far less than
        // it moves either median. The known account is locked after five wrong passwords: the rest of its attempts are a
        // locked account's. A round that another process disturbed is measured again (at most five rounds): a real
        // difference — a sign-in that skips the hash for unknown e-mails takes ~100 ms less — shows in every round.
        for (var round = 0; round < 5; round++)
        {
            var unknown = new List<double>();
            var known = new List<double>();
            for (var i = 0; i < 10; i++)
            {
                var (unknownMs, unknownAnswer) = await LoginAsync(client, $"khong-co-{round}-{i}@laocai.gov.vn", "Sai-mat-khau-1");
                var (knownMs, knownAnswer) = await LoginAsync(client, "reviewer.phutho@demo.local", "Sai-mat-khau-1");
                unknown.Add(unknownMs);
                known.Add(knownMs);
                answers.Add(unknownAnswer);
                answers.Add(knownAnswer);
            }
            difference = Math.Abs(Median(known.Zip(unknown, (k, u) => k - u).ToList()));
            rounds.Add($"unknown {Median(unknown):N1} ms, known {Median(known):N1} ms (pairs {difference:N1} apart)");
            if (difference < 20) break;
        }

        Assert.True(difference < 20, "medians of 10 sign-ins and of their pairs' differences: " + string.Join("; ", rounds));
        Assert.Equal(["401 Email hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa. Hãy kiểm tra lại, thử lại sau ít phút hoặc liên hệ quản trị viên."], answers);
        // The known account really was locked on the way (so the locked answer was among those compared).
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = "reviewer.phutho@demo.local", password = PortalFactory.DemoPassword })).StatusCode);
    }

    [Fact]
    public async Task TheSignInFormAnswersUnknownAndLockedAccountsAlike()
    {
        using var browser = portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        for (var i = 0; i < 5; i++) await FormAsync(browser, "leader.quangtri@demo.local", "Sai-mat-khau-1");
        var locked = await FormAsync(browser, "leader.quangtri@demo.local", PortalFactory.DemoPassword);
        var unknown = await FormAsync(browser, "khong-ai@quangtri.gov.vn", PortalFactory.DemoPassword);

        Assert.Equal("/account/login?error=refused&returnUrl=%2F", locked);
        Assert.Equal(locked, unknown);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync(locked));
        Assert.Contains("Email hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa.", page);
    }

    private static async Task<(double Ms, string Answer)> LoginAsync(HttpClient client, string email, string password)
    {
        var start = Stopwatch.GetTimestamp();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var detail = response.IsSuccessStatusCode ? "" : JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString();
        return (elapsed, $"{(int)response.StatusCode} {detail}");
    }

    private static async Task<string?> FormAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location?.OriginalString;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
