namespace ProvincialMonitor.Silo.Hosting;

/// <summary>A setting that takes several values: a list (<c>Key:0</c>, <c>Key:1</c>, <c>Key__0</c>) or one value with commas.</summary>
public static class SettingList
{
    public static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        return section.GetChildren().Select(c => c.Value).Append(section.Value)
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
