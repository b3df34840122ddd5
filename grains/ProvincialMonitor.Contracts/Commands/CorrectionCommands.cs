using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProvincialMonitor.Contracts.Commands;

/// <summary>One field to correct: its JSON name in the original event and the new value (any JSON value).</summary>
[GenerateSerializer, Immutable]
public sealed record CorrectionChange
{
    [Id(0)] public string? Field { get; init; }

    /// <summary>The new value as JSON text (how it travels between silos).</summary>
    [Id(1), JsonIgnore] public string? NewValueJson { get; init; }

    [JsonPropertyName("newValue")]
    public JsonElement? NewValue
    {
        get => NewValueJson is null ? null : JsonDocument.Parse(NewValueJson).RootElement.Clone();
        init => NewValueJson = value is { ValueKind: not JsonValueKind.Undefined } v ? v.GetRawText() : null;
    }
}

/// <summary>What every aggregate's correction command holds.</summary>
public interface ICorrectionCommand
{
    Guid? EventId { get; }
    CorrectionChange[]? Changes { get; }
    string? Reason { get; }
}

/// <summary>What every aggregate's retraction command holds.</summary>
public interface IRetractionCommand
{
    Guid? EventId { get; }
    string? Reason { get; }
}

public static class CorrectionChecks
{
    public static void Correction(this Checks check, ICorrectionCommand command)
    {
        check.Required("eventId", command.EventId);
        check.Text("reason", command.Reason, max: 1000);
        if (command.Changes is not { Length: > 0 })
        {
            check.Add("changes", Refusals.FieldNoChange);
            return;
        }
        for (var i = 0; i < command.Changes.Length; i++)
        {
            if (command.Changes[i] is not { } change)
            {
                check.Add($"changes[{i}]", Refusals.FieldNotAChange);
                continue;
            }
            check.Text($"changes[{i}].field", change.Field, max: 100);
            check.Required($"changes[{i}].newValue", change.NewValueJson);
        }
        var repeated = command.Changes.OfType<CorrectionChange>().GroupBy(c => c.Field).FirstOrDefault(g => g.Key is not null && g.Count() > 1);
        if (repeated is not null) check.Add("changes", Refusals.FieldChangeTwice, ("field", repeated.Key));
    }

    public static void Retraction(this Checks check, IRetractionCommand command)
    {
        check.Required("eventId", command.EventId);
        check.Text("reason", command.Reason, max: 1000);
    }
}
