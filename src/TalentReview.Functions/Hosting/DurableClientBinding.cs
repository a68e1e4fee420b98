using Microsoft.DurableTask.Client;

namespace TalentReview.Functions.Hosting;

/// <summary>
/// Durable Functions hands out its client only through the [DurableClient] binding. Every function
/// that reaches the client (web, activities, the retention timer) has that binding and stores it
/// here, so the singletons that need the <see cref="DurableTaskClient"/> can use it.
/// The binding returns the one cached client of the app's task hub, so the latest is as good as any.
/// </summary>
public sealed class DurableClientBinding
{
    private volatile DurableTaskClient? _client;

    public DurableTaskClient Client
    {
        get => _client ?? throw new InvalidOperationException("No function with a [DurableClient] binding has run yet in this process.");
        set => _client = value;
    }
}
