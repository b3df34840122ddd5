using ProvincialMonitor.Contracts.Views;

namespace ProvincialMonitor.Dashboard.Border;

/// <summary>Where the border list is read: a province's border consultations and GROS obstacles.</summary>
public interface IBorderSource
{
    /// <summary>The province's border list (empty until its first event); null for a slug that is not a Flemish province.</summary>
    Task<BorderView?> BorderAsync(string province);
}
