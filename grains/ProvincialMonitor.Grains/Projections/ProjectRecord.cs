using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>An event the model corrected or retracted, as it now stands.</summary>
internal sealed record RememberedFact(string StreamId, string EventType, string Data, long Position, DateOnly EffectiveDate, bool Retracted = false);

/// <summary>A project as the indicators count it: its registration and its statuses in order.</summary>
internal sealed record ProjectRecord(ProjectRegistered Registration, List<(Guid EventId, string Status)> Statuses, Guid RegistrationId)
{
    public string Status => Statuses.Count > 0 ? Statuses[^1].Status : ProjectStatuses.Planned;

    /// <summary>What the contributions need of the registration, made once (asked for with every event of the project).</summary>
    public ProjectFacts Facts { get; } = new(Registration.LeadProvince, Registration.ParticipatingProvinces, Registration.Domain, Registration.Clusters);
}
