using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TalentReview.Durable.Embedded;

namespace Microsoft.Extensions.DependencyInjection;

public static class EmbeddedDurableServiceCollectionExtensions
{
    /// <summary>
    /// Adds the embedded durable engine as a hosted service, with its <see cref="DurableTaskClient"/>
    /// as a singleton (for endpoints and activities alike). The engine's clock is
    /// <see cref="EmbeddedEngineOptions.TimeProvider"/>, else the <see cref="TimeProvider"/>
    /// registered in DI, else the system clock.
    /// </summary>
    public static IServiceCollection AddEmbeddedDurableEngine(
        this IServiceCollection services,
        Action<DurableTaskRegistry> configure,
        Action<EmbeddedEngineOptions>? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var registry = new DurableTaskRegistry();
        configure(registry);
        var engineOptions = new EmbeddedEngineOptions();
        options?.Invoke(engineOptions);

        services.AddSingleton(sp => new EmbeddedDurableEngine(registry, sp, engineOptions));
        services.AddSingleton(sp => sp.GetRequiredService<EmbeddedDurableEngine>().Client);
        services.AddHostedService(sp => sp.GetRequiredService<EmbeddedDurableEngine>());
        return services;
    }
}
