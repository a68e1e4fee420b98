using System.Net;

namespace TalentReview.Local.Hosting;

/// <summary>
/// The local host serves a development sign-in (anyone may pick anyone), a time control and a
/// mailbox that shows every live link, none behind a real sign-in. That is safe only while nobody
/// but this machine can reach it, so it refuses to start on any address but loopback.
/// </summary>
public static class LoopbackOnly
{
    /// <summary>Why the host must not start with this configuration, or null when every address it listens on is loopback.</summary>
    public static string? Refusal(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var addresses = (configuration["urls"] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(endpoint => endpoint["Url"]).OfType<string>());
        var open = addresses.Where(address => !IsLoopback(address)).ToList();
        return open.Count == 0 ? null
            : $"The local host does not start on {string.Join(", ", open)}: its development sign-in, time control and mailbox (which shows every "
                + "live link) have no real sign-in, so it listens on loopback only (127.0.0.1, [::1] or localhost). "
                + "Start it with, for example, --urls http://127.0.0.1:5080.";
    }

    /// <summary>True for an address only this machine can reach: localhost, 127.0.0.0/8 or ::1. Wildcards (*, +, 0.0.0.0, ::) are not.</summary>
    public static bool IsLoopback(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        BindingAddress parsed;
        try
        {
            parsed = BindingAddress.Parse(address);
        }
        catch (FormatException)
        {
            return false;
        }

        var host = parsed.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
