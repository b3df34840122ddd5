namespace ProvincialMonitor.Contracts.Grains;

/// <summary>Who may do what, for listing: every user and API key ever recorded, ordered by id.</summary>
[GenerateSerializer, Immutable]
public sealed record SecurityView(
    [property: Id(0)] SecurityUserView[] Users,
    [property: Id(1)] ApiKeyView[] Keys);

/// <summary>A user by pseudonymous id; the name, if not erased, is in the name table.</summary>
[GenerateSerializer, Immutable]
public sealed record SecurityUserView(
    [property: Id(0)] string ActorId,
    [property: Id(1)] string Role,
    [property: Id(2)] string[] Provinces,
    [property: Id(3)] string[] Campaigns,
    [property: Id(4)] bool Disabled,
    [property: Id(5)] bool NameErased);

[GenerateSerializer, Immutable]
public sealed record ApiKeyView(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Role,
    [property: Id(2)] string[] Provinces,
    [property: Id(3)] string[] Campaigns,
    [property: Id(4)] bool Revoked);
