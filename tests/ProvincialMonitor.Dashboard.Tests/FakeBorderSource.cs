using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Border;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>Border lists by province; a Flemish province without one has an empty list, another slug none.</summary>
internal sealed class FakeBorderSource : IBorderSource
{
    public Dictionary<string, BorderView> Lists { get; } = [];

    public Task<BorderView?> BorderAsync(string province) => Task.FromResult(
        Lists.TryGetValue(province, out var list) ? list : ProvinceSlugs.IsKnown(province) ? new BorderView(province, [], []) : null);
}
