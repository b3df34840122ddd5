using System.Text.Json.Serialization;

namespace ProvincialMonitor.Contracts.Commands;

/// <summary>The answer to an action on an existing aggregate (200): where the events went and whether they were a replay.</summary>
public sealed record ActionResponse(string StreamId, long Version, long Position, Guid[] EventIds, bool Replayed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Notice[]? Notices = null);

/// <summary>The answer to an action that made a new aggregate (201 Created), with the new aggregate's id.</summary>
public sealed record CreatedResponse(string Id, string StreamId, long Version, long Position, Guid[] EventIds, bool Replayed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Notice[]? Notices = null);

/// <summary>
/// What the command was read as, other than written (a former municipality code read as its 2025 municipality): the field,
/// the code of its text and the arguments, the English (<c>detail</c>) and the Dutch (<c>detailNl</c>). Absent when none.
/// </summary>
public sealed record Notice(string Field, string Code, IReadOnlyDictionary<string, string> Arguments, string Detail, string DetailNl);
