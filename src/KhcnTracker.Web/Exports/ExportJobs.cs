using System.Collections.Concurrent;
using KhcnTracker.Domain.Access;
using KhcnTracker.Domain.Common;
using KhcnTracker.Web.Components.Shared;

namespace KhcnTracker.Web.Exports;

/// <summary>A file being made in the background: its stage, its share done, and the file once ready.</summary>
public sealed class ExportJob(string owner, string title, DateTimeOffset startedAt)
{
    public Guid Id { get; } = Guid.NewGuid();
    public string Owner { get; } = owner;
    public string Title { get; } = title;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public double Progress { get; private set; }
    public string Stage { get; private set; } = "";
    public string? Error { get; private set; }
    public ExportFile? File { get; private set; }
    public bool IsFinished => File is not null || Error is not null;

    /// <summary>Raised from the background thread at each stage; components re-render through InvokeAsync.</summary>
    public event Action? Changed;

    internal void Report(double progress, string stage)
    {
        (Progress, Stage) = (progress, stage);
        Changed?.Invoke();
    }

    internal void Finish(ExportFile? file, string? error)
    {
        (File, Error, Progress) = (file, error, 1);
        Changed?.Invoke();
    }
}

public sealed record ExportFile(byte[] Content, string FileName, string ContentType);

/// <summary>
/// Runs large exports and reports off the circuit, so the page stays responsive, and keeps each file for its owner
/// for half an hour. The work runs in its own DI scope with a snapshot of the caller, so the same rules apply.
/// </summary>
public sealed class ExportJobs(IServiceScopeFactory scopes, ILogger<ExportJobs> logger, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(30);
    private readonly ConcurrentDictionary<Guid, ExportJob> _jobs = new();

    public delegate Task<ExportFile> Work(IServiceProvider services, ICurrentUser user, Action<double, string> report, CancellationToken ct);

    public ExportJob Start(ICurrentUser user, string title, Work work)
    {
        var now = clock.GetUtcNow();
        foreach (var old in _jobs.Values.Where(j => now - j.StartedAt > KeepFor)) _jobs.TryRemove(old.Id, out _);
        var job = new ExportJob(user.Account ?? "", title, now);
        _jobs[job.Id] = job;
        var snapshot = new UserSnapshot(user.IsAuthenticated, user.Account, user.Name, user.Origin, user.Grants.ToList());
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                job.Report(0.05, "Đang đọc dữ liệu");
                var file = await work(scope.ServiceProvider, snapshot, job.Report, CancellationToken.None);
                job.Finish(file, null);
            }
            catch (Refusal refusal)
            {
                job.Finish(null, ErrorText.Line(refusal, L));
            }
            catch (Exception e)
            {
                logger.LogError(e, "Export {Title} failed", title);
                job.Finish(null, "Không tạo được tệp. Hãy thử lại; nếu vẫn lỗi, báo quản trị hệ thống.");
            }
        });
        return job;
    }

    /// <summary>The finished file, for its owner only.</summary>
    public ExportFile? FileFor(Guid id, ICurrentUser user) =>
        _jobs.TryGetValue(id, out var job) && job.Owner == user.Account && user.IsAuthenticated ? job.File : null;

    private sealed record UserSnapshot(bool IsAuthenticated, string? Account, string? Name, string Origin, IReadOnlyList<RoleGrant> Grants) : ICurrentUser;
}
