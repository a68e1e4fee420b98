using Microsoft.DurableTask.Client;

namespace TalentReview.Functions.Hosting;

/// <summary>
/// Durable Functions hands out its client only through the [DurableClient] binding, per invocation.
/// A function that has one puts it here, so services of that invocation (the web endpoints, the
/// retention purge) can resolve our <see cref="TalentReview.Durable.DurableClient"/>.
/// </summary>
public sealed class DurableClientScope
{
    private DurableTaskClient? _client;

    public DurableTaskClient Client
    {
        get => _client ?? throw new InvalidOperationException("Only a function with a [DurableClient] binding can reach the durable client.");
        set => _client = value;
    }
}
