using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Contracts.Grains;

/// <summary>A business park; its key is its slug.</summary>
public interface IBusinessParkGrain : IAggregateGrain<BusinessParkCommand>;
