namespace BananTourism.Infrastructure.Background;

/// <summary>One row per scheduled job, shared by every replica through the database: whoever moves
/// <see cref="LeasedUntil"/> forward with a guarded UPDATE runs the job, the others skip their turn.</summary>
public sealed class JobLease
{
    public const int NameLength = 64;
    public const int HolderLength = 128;

    public JobLease(string name, string holder, DateTimeOffset leasedUntil)
    {
        Name = name;
        Holder = holder;
        LeasedUntil = leasedUntil;
        Runs = 1;
    }

    public string Name { get; private set; }

    /// <summary>The replica that ran the job last (host name and process id), for operators reading the table.</summary>
    public string Holder { get; private set; }

    public DateTimeOffset LeasedUntil { get; private set; }

    /// <summary>How many times the job has run, over all replicas.</summary>
    public long Runs { get; private set; }
}
