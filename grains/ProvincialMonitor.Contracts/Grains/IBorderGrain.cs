using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Contracts.Grains;

/// <summary>A province's border consultations and GROS list of border obstacles; its key is the province's slug.</summary>
public interface IBorderGrain : IAggregateGrain<BorderCommand>;
