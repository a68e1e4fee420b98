using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace TalentReview.Web.RateLimiting;

/// <summary>What is limited: requests that send email or cost the system real work.</summary>
public enum RequestLimit
{
    /// <summary>"Send me a new link", per link (cycle, step, subject, recipient).</summary>
    LinkRenewalPerLink,

    /// <summary>"Send me a new link", per recipient, whose address the new link goes to, over all their links.</summary>
    LinkRenewalPerRecipient,

    /// <summary>Launching a cycle, per signed-in person.</summary>
    Launch,

    /// <summary>Exporting a cycle's results, per signed-in person.</summary>
    Export,
}

/// <summary>A number of permits per fixed window.</summary>
public sealed class LimitWindow
{
    public int Permits { get; set; }

    public TimeSpan Window { get; set; }

    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Permits} per {Window.TotalMinutes} minutes");
}

/// <summary>The limits, in configuration under <see cref="Section"/>.</summary>
public sealed class RequestLimitOptions
{
    public const string Section = "TalentReview:Web:RateLimits";

    public LimitWindow LinkRenewalPerLink { get; set; } = new() { Permits = 3, Window = TimeSpan.FromHours(1) };

    public LimitWindow LinkRenewalPerRecipient { get; set; } = new() { Permits = 5, Window = TimeSpan.FromHours(1) };

    public LimitWindow Launch { get; set; } = new() { Permits = 10, Window = TimeSpan.FromMinutes(10) };

    public LimitWindow Export { get; set; } = new() { Permits = 20, Window = TimeSpan.FromMinutes(10) };

    public LimitWindow For(RequestLimit limit) => limit switch
    {
        RequestLimit.LinkRenewalPerLink => LinkRenewalPerLink,
        RequestLimit.LinkRenewalPerRecipient => LinkRenewalPerRecipient,
        RequestLimit.Launch => Launch,
        _ => Export,
    };
}

/// <summary>
/// One partitioned fixed-window limiter (System.Threading.RateLimiting, as ASP.NET Core's rate
/// limiting uses) per kind of request, partitioned by who or what it is for. Kept in memory per
/// instance: the limits stop floods from one place, they are not a quota. The windows run on the
/// limiter's own clock, not the app's <see cref="TimeProvider"/>: virtual time that jumps weeks
/// ahead must not hand out permits.
/// </summary>
public sealed class RequestLimiter : IDisposable
{
    private readonly Dictionary<RequestLimit, PartitionedRateLimiter<string>> limiters;

    public RequestLimiter(IOptions<RequestLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        limiters = Enum.GetValues<RequestLimit>().ToDictionary(limit => limit, limit => Create(Options.For(limit)));
    }

    public RequestLimitOptions Options { get; }

    /// <summary>Takes a permit; null when granted, otherwise how long to wait before asking again.</summary>
    public TimeSpan? TryAcquire(RequestLimit limit, string partition)
    {
        using var lease = limiters[limit].AttemptAcquire(partition);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : Options.For(limit).Window;
    }

    /// <summary>Whole seconds for a <c>Retry-After</c> header, at least one.</summary>
    public static string RetryAfterSeconds(TimeSpan wait)
        => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        foreach (var limiter in limiters.Values)
        {
            limiter.Dispose();
        }
    }

    private static PartitionedRateLimiter<string> Create(LimitWindow window)
        => PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = window.Permits,
            Window = window.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
