namespace ProvincialMonitor.Grains.Projections;

/// <summary>The keys of a projection whose views changed since they were last taken (to save and push them).</summary>
public sealed class ChangedKeys
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    public void Add(string key) => _keys.Add(key);

    public IReadOnlyCollection<string> Take()
    {
        var taken = _keys.ToArray();
        _keys.Clear();
        return taken;
    }
}
