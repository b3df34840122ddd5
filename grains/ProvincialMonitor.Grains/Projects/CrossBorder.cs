using System.Text.Json;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Reference;

namespace ProvincialMonitor.Grains.Projects;

/// <summary>A project's cross-border facts: its programme from the list, its co-financing rate, cooperation bodies as partners.</summary>
public static class CrossBorder
{
    /// <summary>A partner joining; a cooperation body is stored by its Dutch name and its code from the list.</summary>
    public static PartnerJoined Joined(AddPartner partner)
    {
        ArgumentNullException.ThrowIfNull(partner);
        return partner.Kind == PartnerKinds.CooperationBody && CrossBorderReference.FindBody(partner.Name) is { } body
            ? new PartnerJoined(body.NameNl, partner.Kind, body.Code)
            : new PartnerJoined(partner.Name!, partner.Kind);
    }

    /// <summary>
    /// A registration as corrected, checked as its command: a free-text programme stored before the list may stay as
    /// written (a correction that sets the programme names a code: <see cref="CheckChanges"/>).
    /// </summary>
    public static Refusal? CheckRegistration(ProjectRegistered registered, Command equivalent)
    {
        ArgumentNullException.ThrowIfNull(registered);
        var register = (RegisterProject)equivalent;
        var legacy = register.CrossBorderProgramme is { } text && CrossBorderReference.FindProgramme(text) is null;
        var errors = (legacy ? register with { CrossBorderProgramme = null } : register).Validate().ToList();
        if (legacy)
        {
            var check = new Checks(errors);
            check.Programme(register, legacyText: true);
        }
        return errors.Count > 0 ? Refusal.Fields(errors) : null;
    }

    /// <summary>A correction that changes the programme names a code from the list, as new input does.</summary>
    public static Refusal? CheckChanges(CorrectProject correct)
    {
        ArgumentNullException.ThrowIfNull(correct);
        foreach (var change in correct.Changes ?? [])
        {
            if (change.Field != "crossBorderProgramme" || change.NewValueJson is null) continue;
            using var value = JsonDocument.Parse(change.NewValueJson);
            if (value.RootElement.ValueKind == JsonValueKind.Null) continue;
            var code = value.RootElement.ValueKind == JsonValueKind.String ? value.RootElement.GetString() : null;
            if (CrossBorderReference.FindProgramme(code) is null)
                return Refusal.Invalid("changes", Refusals.FieldUnknownProgramme,
                    ("options", string.Join(", ", CrossBorderReference.Programmes.Select(p => p.Code))));
        }
        return null;
    }
}
