namespace TalentReview.Durable;

/// <summary>
/// The orchestrators and activities an application offers, by name (the class name). Both hosts
/// build their worker from the same registry, so the same code runs on either engine.
/// </summary>
public sealed class DurableRegistry
{
    private readonly Dictionary<string, Type> _orchestrators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _activities = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Type> Orchestrators => _orchestrators;

    public IReadOnlyDictionary<string, Type> Activities => _activities;

    public DurableRegistry AddOrchestrator<T>() where T : class, IOrchestrator => AddOrchestrator(typeof(T));

    public DurableRegistry AddOrchestrator(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!typeof(IOrchestrator).IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new ArgumentException($"{type.FullName} is not a concrete orchestrator.", nameof(type));
        }

        Add(_orchestrators, type);
        return this;
    }

    public DurableRegistry AddActivity<T>() where T : class, IActivity => AddActivity(typeof(T));

    public DurableRegistry AddActivity(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!typeof(IActivity).IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new ArgumentException($"{type.FullName} is not a concrete activity.", nameof(type));
        }

        Add(_activities, type);
        return this;
    }

    /// <summary>Registers every concrete orchestrator and activity in the assembly of <typeparamref name="TMarker"/>.</summary>
    public DurableRegistry AddAllFromAssemblyOf<TMarker>()
    {
        foreach (var type in typeof(TMarker).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsClass: true }))
        {
            if (typeof(IOrchestrator).IsAssignableFrom(type))
            {
                Add(_orchestrators, type);
            }
            else if (typeof(IActivity).IsAssignableFrom(type))
            {
                Add(_activities, type);
            }
        }

        return this;
    }

    private static void Add(Dictionary<string, Type> map, Type type)
    {
        if (map.TryGetValue(type.Name, out var existing) && existing != type)
        {
            throw new ArgumentException($"Two durable functions are named '{type.Name}': {existing.FullName} and {type.FullName}.", nameof(type));
        }

        map[type.Name] = type;
    }
}
