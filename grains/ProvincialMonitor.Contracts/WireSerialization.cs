using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using ProvincialMonitor.Contracts.Views;

namespace ProvincialMonitor.Contracts;

/// <summary>
/// The records of ProvincialMonitor.Contracts.Wire carry no Orleans attributes (the client must not depend on Orleans):
/// Orleans serializes and copies them with its System.Text.Json codec. Every silo and every Orleans client calls this.
/// None of them is part of a grain's persisted state, so no stored bytes change.
/// </summary>
public static class WireSerialization
{
    public static bool IsWireRecord(Type type) => type.Assembly == typeof(ScopeIndicators).Assembly;

    public static IServiceCollection AddWireRecords(this IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddJsonSerializer(isSupported: IsWireRecord));
}
