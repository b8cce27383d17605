namespace KhcnTracker.Application.Operations;

/// <summary>
/// How one portal instance is doing: the people connected to it now and the memory it holds — the live managed heap
/// after the last garbage collection beside what the process has taken from the machine, which the runtime keeps for
/// reuse after a busy hour.
/// </summary>
public sealed record InstanceStatus(string Instance, DateTimeOffset StartedAt, int OpenCircuits, double WorkingSetMb, double ManagedHeapMb,
    double GcCommittedMb, int FullCollections);

public interface IInstanceStatusSource
{
    InstanceStatus Read();
}

/// <summary>Administrators see the state of the instance that answers them (behind nginx: the one their session is on).</summary>
public sealed class GetInstanceStatus(IInstanceStatusSource source, ICurrentUser user)
{
    public InstanceStatus Handle()
    {
        user.EnsureCanSeeInstanceStatus();
        return source.Read();
    }
}
