namespace TalentReview.Workflow.Storage;

/// <summary>Why a store cannot be used for now; each passes by itself once its cause is fixed.</summary>
public enum StoreOutage
{
    DiskFull,
    ReadOnly,
    DiskError,
    CannotOpen,
    Busy,
    RequestLimit,
    NotAnswering,
}

/// <summary>
/// Tells whether an exception means a store cannot be used for now (a full or read-only disk, an I/O
/// error, a database service that does not answer), as opposed to a bug. Pages answer 503 meanwhile,
/// saying what is wrong, and nothing stops the host.
/// </summary>
public interface IStoreOutageDescriber
{
    /// <summary>The outage, or null when the exception is not one this describer knows.</summary>
    StoreOutage? Describe(Exception exception);
}

public static class StoreOutages
{
    /// <summary>Asks every describer about the exception and its inner exceptions.</summary>
    public static StoreOutage? Find(IEnumerable<IStoreOutageDescriber> describers, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(describers);
        var known = describers.ToList();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            foreach (var describer in known)
            {
                if (describer.Describe(current) is { } outage)
                {
                    return outage;
                }
            }

            if (current is AggregateException { InnerExceptions.Count: > 1 } aggregate)
            {
                return aggregate.InnerExceptions.Select(inner => Find(known, inner)).FirstOrDefault(outage => outage is not null);
            }
        }

        return null;
    }

    /// <summary>What an operator reads (logs, /health, the API's problem details).</summary>
    public static string Describe(StoreOutage outage) => outage switch
    {
        StoreOutage.DiskFull => "The disk that holds the data is full.",
        StoreOutage.ReadOnly => "The data files are read-only.",
        StoreOutage.DiskError => "The disk that holds the data cannot be read or written (I/O error).",
        StoreOutage.CannotOpen => "A data file cannot be opened.",
        StoreOutage.Busy => "The data files are busy with other work.",
        StoreOutage.RequestLimit => "The database is at its request limit.",
        _ => "The database does not answer.",
    };
}
