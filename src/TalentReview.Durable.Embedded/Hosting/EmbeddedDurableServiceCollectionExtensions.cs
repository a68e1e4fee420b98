using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TalentReview.Durable;
using TalentReview.Durable.Embedded;

namespace Microsoft.Extensions.DependencyInjection;

public static class EmbeddedDurableServiceCollectionExtensions
{
    /// <summary>
    /// Adds the embedded durable engine as a hosted service, with the <see cref="DurableClient"/>
    /// as a singleton (for endpoints and activities alike). The engine's clock is
    /// <see cref="EmbeddedEngineOptions.TimeProvider"/>, else the <see cref="TimeProvider"/>
    /// registered in DI, else the system clock.
    /// </summary>
    public static IServiceCollection AddEmbeddedDurableEngine(
        this IServiceCollection services,
        Action<DurableRegistry> configure,
        Action<EmbeddedEngineOptions>? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var registry = new DurableRegistry();
        configure(registry);
        var engineOptions = new EmbeddedEngineOptions();
        options?.Invoke(engineOptions);

        services.AddSingleton(registry);
        services.AddSingleton(sp => new EmbeddedDurableEngine(registry, sp, engineOptions));
        services.AddSingleton<DurableClient>(sp => sp.GetRequiredService<EmbeddedDurableEngine>().Client);
        services.AddHostedService(sp => sp.GetRequiredService<EmbeddedDurableEngine>());
        return services;
    }
}
