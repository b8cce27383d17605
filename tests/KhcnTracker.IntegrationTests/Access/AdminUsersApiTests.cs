namespace KhcnTracker.IntegrationTests.Access;

/// <summary>
/// The administration API for accounts: administrators list, create, change grants, lock and unlock — with the users
/// page's rules and messages — and nobody else may, nor learns anything about the accounts.
/// </summary>
public sealed class AdminUsersApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Password = "Mat-khau-123!";

    [Fact]
    public async Task AnAdministratorCreatesAnAccountThatSignsInWithItsGrants()
    {
        using var admin = await portal.CreateClientForAsync("admin@demo.local");
        var created = await admin.PostAsJsonAsync("/api/v1/admin/users", new
        {
            email = "pham.thi.d@laocai.gov.vn", password = Password,
            grants = new object[] { new { role = "Reviewer", unit = "laocai", agency = (string?)null }, new { role = "Leadership", unit = "vn" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pham.thi.d@laocai.gov.vn", body.GetProperty("email").GetString());
        Assert.Equal(["Reviewer laocai", "Leadership vn"], Grants(body));

        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users")).EnumerateArray()
            .Single(u => u.GetProperty("email").GetString() == "pham.thi.d@laocai.gov.vn");
        Assert.Equal(["Reviewer laocai", "Leadership vn"], Grants(listed));
        Assert.False(listed.GetProperty("lockedOut").GetBoolean());

        // The new reviewer signs in and reads the whole country (national leadership), but reviews only Lào Cai.
        using var person = portal.CreateClient();
        await SignInAsync(person, "pham.thi.d@laocai.gov.vn", Password);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/api/v1/values?unit=phutho")).StatusCode);
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM audit_log WHERE entity = 'account' AND action = 'create' AND actor = 'admin@demo.local' AND changes::text LIKE '%pham.thi.d@laocai.gov.vn%'"));
    }

    [Fact]
    public async Task PuttingGrantsReplacesTheWholeList()
    {
        using var admin = await portal.CreateClientForAsync("admin@demo.local");
        await CreateAsync(admin, "vo.van.e@phutho.gov.vn", new { role = "DepartmentStaff", unit = "phutho", agency = "skhcn" });

        var put = await admin.PutAsJsonAsync("/api/v1/admin/users/vo.van.e@phutho.gov.vn/grants",
            new object[] { new { role = "Auditor", unit = "phutho" }, new { role = "Leadership", unit = "quangtri" } });

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users")).EnumerateArray()
            .Single(u => u.GetProperty("email").GetString() == "vo.van.e@phutho.gov.vn");
        Assert.Equal(["Auditor phutho", "Leadership quangtri"], Grants(listed));
        Assert.True(await ScalarAsync("SELECT count(*) FROM audit_log WHERE entity = 'account' AND action = 'update' AND actor = 'admin@demo.local' AND changes::text LIKE '%Auditor:phutho%'") >= 1);
    }

    [Fact]
    public async Task ALockedAccountCannotSignInUntilUnlocked_AndBothAreInTheAuditTrail()
    {
        using var admin = await portal.CreateClientForAsync("admin@demo.local");
        await CreateAsync(admin, "dang.van.f@quangtri.gov.vn", new { role = "Leadership", unit = "quangtri" });

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/v1/admin/users/dang.van.f@quangtri.gov.vn/lock", null)).StatusCode);
        var locked = await TryLoginAsync("dang.van.f@quangtri.gov.vn", Password);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.True((await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users")).EnumerateArray()
            .Single(u => u.GetProperty("email").GetString() == "dang.van.f@quangtri.gov.vn").GetProperty("lockedOut").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/v1/admin/users/dang.van.f@quangtri.gov.vn/unlock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TryLoginAsync("dang.van.f@quangtri.gov.vn", Password)).StatusCode);
        var id = await ScalarAsync<Guid>("SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" = 'dang.van.f@quangtri.gov.vn'");
        Assert.Equal(2L, await LockoutChangesAsync(id, "admin@demo.local"));
    }

    [Fact]
    public async Task AnAccountLockedByWrongPasswordsIsUnlockedByAnAdministrator_AndTheLockoutIsInTheAuditTrail()
    {
        using var admin = await portal.CreateClientForAsync("admin@demo.local");
        await CreateAsync(admin, "ngo.thi.g@laocai.gov.vn", new { role = "Leadership", unit = "laocai" });
        for (var i = 0; i < 5; i++) await TryLoginAsync("ngo.thi.g@laocai.gov.vn", "Sai-mat-khau-1");
        Assert.Equal(HttpStatusCode.Unauthorized, (await TryLoginAsync("ngo.thi.g@laocai.gov.vn", Password)).StatusCode);
        var id = await ScalarAsync<Guid>("SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" = 'ngo.thi.g@laocai.gov.vn'");
        Assert.Equal(1L, await LockoutChangesAsync(id));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/v1/admin/users/ngo.thi.g@laocai.gov.vn/unlock", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await TryLoginAsync("ngo.thi.g@laocai.gov.vn", Password)).StatusCode);
        Assert.Equal(1L, await LockoutChangesAsync(id, "admin@demo.local"));
    }

    public static TheoryData<string, object, string> BadAccounts => new()
    {
        { "unknown role", new { email = "x1@laocai.gov.vn", password = Password, grants = new[] { new { role = "Boss", unit = "laocai" } } }, "Vai trò không có trong hệ thống" },
        { "role as a number", new { email = "x2@laocai.gov.vn", password = Password, grants = new[] { new { role = "1", unit = "laocai" } } }, "Vai trò không có trong hệ thống" },
        { "unknown province", new { email = "x3@laocai.gov.vn", password = Password, grants = new[] { new { role = "Reviewer", unit = "atlantis" } } }, "Không có tỉnh, thành phố hiện hành" },
        { "merged province", new { email = "x4@laocai.gov.vn", password = Password, grants = new[] { new { role = "Leadership", unit = "yenbai" } } }, "Không có tỉnh, thành phố hiện hành" },
        { "unknown agency", new { email = "x5@laocai.gov.vn", password = Password, grants = new[] { new { role = "DepartmentStaff", unit = "laocai", agency = "nope" } } }, "Không có sở, ngành với mã này" },
        { "staff without agency", new { email = "x6@laocai.gov.vn", password = Password, grants = new[] { new { role = "DepartmentStaff", unit = "laocai" } } }, "Chuyên viên phải gắn với một sở" },
        { "scoped administrator", new { email = "x7@laocai.gov.vn", password = Password, grants = new[] { new { role = "Administrator", unit = "laocai" } } }, "Vai trò quản trị không gắn với tỉnh" },
        { "weak password", new { email = "x8@laocai.gov.vn", password = "123", grants = new[] { new { role = "Leadership", unit = "laocai" } } }, "Mật khẩu phải có ít nhất 10 ký tự" },
        { "no e-mail", new { password = Password, grants = new[] { new { role = "Leadership", unit = "laocai" } } }, "không hợp lệ" },
        { "taken e-mail", new { email = "admin@demo.local", password = Password, grants = new[] { new { role = "Leadership", unit = "laocai" } } }, "Email này đã có tài khoản." },
    };

    [Theory]
    [MemberData(nameof(BadAccounts))]
    public async Task BadInputIsRefusedWithAClearVietnameseMessageAndCreatesNothing(string why, object account, string message)
    {
        using var admin = await portal.CreateClientForAsync("admin@demo.local");
        var before = await ScalarAsync("SELECT count(*) FROM \"AspNetUsers\"");

        var response = await admin.PostAsJsonAsync("/api/v1/admin/users", account);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {response.StatusCode}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(detail), why);
        Assert.Contains(message, detail);
        Assert.Equal(before, await ScalarAsync("SELECT count(*) FROM \"AspNetUsers\""));
    }

    [Fact]
    public async Task BadGrantsAreRefusedAndTheOldOnesStay()
    {
        using var admin = await portal.CreateClientForAsync("admin@demo.local");
        var put = await admin.PutAsJsonAsync("/api/v1/admin/users/leader.laocai@demo.local/grants", new object[] { new { role = "Reviewer", unit = "vn" } });

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("Vai trò thẩm định phải gắn với một tỉnh.", (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var leader = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users")).EnumerateArray()
            .Single(u => u.GetProperty("email").GetString() == "leader.laocai@demo.local");
        Assert.Equal(["Leadership laocai"], Grants(leader));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/v1/admin/users/nobody@demo.local/lock", null)).StatusCode);
    }

    [Fact]
    public async Task AnAdministratorCannotLockTheirOwnAccount()
    {
        using var admin = await portal.CreateClientForAsync("admin@demo.local");
        var response = await admin.PostAsync("/api/v1/admin/users/admin@demo.local/lock", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("không thể tự khóa", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/admin/users")).StatusCode);
    }

    [Theory]
    [InlineData("leader.national@demo.local")]
    [InlineData("auditor.national@demo.local")]
    [InlineData("reviewer.laocai@demo.local")]
    [InlineData("staff.laocai@demo.local")]
    public async Task NobodyButAnAdministratorUsesTheAdministrationApi(string email)
    {
        using var caller = await portal.CreateClientForAsync(email);
        var before = await ScalarAsync("SELECT count(*) FROM audit_log WHERE entity = 'account'");
        var calls = new Func<Task<HttpResponseMessage>>[]
        {
            () => caller.GetAsync("/api/v1/admin/users"),
            () => caller.PostAsJsonAsync("/api/v1/admin/users", new { email = "intruder@demo.local", password = Password, grants = new[] { new { role = "Administrator" } } }),
            () => caller.PutAsJsonAsync($"/api/v1/admin/users/{email}/grants", new[] { new { role = "Administrator" } }),
            // An account that exists and one that does not answer alike: 403, nothing told.
            () => caller.PutAsJsonAsync("/api/v1/admin/users/nobody@demo.local/grants", new[] { new { role = "Administrator" } }),
            () => caller.PostAsync("/api/v1/admin/users/admin@demo.local/lock", null),
            () => caller.PostAsync("/api/v1/admin/users/nobody@demo.local/lock", null),
            () => caller.PostAsync("/api/v1/admin/users/leader.laocai@demo.local/unlock", null),
        };
        foreach (var call in calls)
        {
            var response = await call();
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("Bạn không có quyền thực hiện thao tác này.", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }
        using var anonymous = portal.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/admin/users/admin@demo.local/lock", null)).StatusCode);
        Assert.Equal(before, await ScalarAsync("SELECT count(*) FROM audit_log WHERE entity = 'account'"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM \"AspNetUsers\" WHERE \"Email\" = 'intruder@demo.local'"));
    }

    private static List<string> Grants(JsonElement user) => user.GetProperty("grants").EnumerateArray()
        .Select(g => string.Join(' ', new[] { g.GetProperty("role").GetString(), g.GetProperty("unit").GetString(),
            g.TryGetProperty("agency", out var a) ? a.GetString() : null }.Where(p => p is not null))).ToList();

    private static async Task CreateAsync(HttpClient admin, string email, object grant)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/admin/users", new { email, password = Password, grants = new[] { grant } });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> TryLoginAsync(string email, string password)
    {
        using var client = portal.CreateClient();
        return await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
    }

    private static async Task SignInAsync(HttpClient client, string email, string password)
    {
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
    }

    /// <summary>The audit rows of the account's lockout being set or lifted (by <paramref name="actor"/>, when given).</summary>
    private Task<long> LockoutChangesAsync(Guid id, string? actor = null) => ScalarAsync(
        $"SELECT count(*) FROM audit_log WHERE entity = 'account' AND entity_key = '{id}' AND action = 'update' AND jsonb_exists(changes, 'lockout_end')"
        + (actor is null ? "" : $" AND actor = '{actor}'"));

    private Task<long> ScalarAsync(string sql) => ScalarAsync<long>(sql);

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        return (T)(await new Npgsql.NpgsqlCommand(sql, connection).ExecuteScalarAsync())!;
    }
}
