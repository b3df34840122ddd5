using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Border;

namespace ProvincialMonitor.Silo.Live;

/// <summary>The border lists on this silo: each province's border grain.</summary>
public sealed class BorderSource(IGrainFactory grains) : IBorderSource
{
    public async Task<BorderView?> BorderAsync(string province)
    {
        if (!ProvinceSlugs.IsKnown(province)) return null;
        var view = await grains.GetGrain<IBorderGrain>(province).Read();
        return view.View as BorderView;
    }
}
