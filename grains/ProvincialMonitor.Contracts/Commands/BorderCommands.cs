namespace ProvincialMonitor.Contracts.Commands;

[GenerateSerializer]
public abstract record BorderCommand : Command;

/// <summary>A border consultation (grensoverschrijdend streekoverleg) held on its effective date: its reference, subject and partners.</summary>
[GenerateSerializer, Immutable]
public sealed record HoldBorderConsultation(string? ConsultationRef, string? Subject, string[]? Partners) : BorderCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.Text("consultationRef", ConsultationRef, max: 60);
        check.Text("subject", Subject, max: 200);
        if (Partners is not { Length: > 0 }) check.Add("partners", Refusals.FieldRequired);
        foreach (var (partner, i) in (Partners ?? []).Select((p, i) => (p, i)))
            check.Text($"partners[{i}]", partner, max: 150);
    }
}

/// <summary>A border obstacle (grensobstakel) put on the GROS list: its reference, title, description and theme.</summary>
[GenerateSerializer, Immutable]
public sealed record RecordBorderObstacle(string? ObstacleRef, string? Title, string? Description, string? Theme) : BorderCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.Text("obstacleRef", ObstacleRef, max: 60);
        check.Text("title", Title, max: 200);
        check.Text("description", Description, required: false, max: 2000);
        check.OneOf("theme", Theme, Events.BorderObstacleThemes.All, required: false);
    }
}

/// <summary>A listed obstacle's status while it is open (<see cref="Events.BorderObstacleStatuses.Open"/>); solving is its own command.</summary>
[GenerateSerializer, Immutable]
public sealed record ChangeBorderObstacleStatus(string? ObstacleRef, string? Status, string? Note) : BorderCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.Text("obstacleRef", ObstacleRef, max: 60);
        check.OneOf("status", Status, Events.BorderObstacleStatuses.Open);
        check.Text("note", Note, required: false, max: 2000);
    }
}

/// <summary>A listed obstacle solved (weggewerkt), once: how.</summary>
[GenerateSerializer, Immutable]
public sealed record SolveBorderObstacle(string? ObstacleRef, string? Solution) : BorderCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.Text("obstacleRef", ObstacleRef, max: 60);
        check.Text("solution", Solution, max: 2000);
    }
}

[GenerateSerializer, Immutable]
public sealed record CorrectBorder(Guid? EventId, CorrectionChange[]? Changes, string? Reason) : BorderCommand, ICorrectionCommand
{
    protected override void ValidateFields(Checks check) => check.Correction(this);
}

[GenerateSerializer, Immutable]
public sealed record RetractBorderEvent(Guid? EventId, string? Reason) : BorderCommand, IRetractionCommand
{
    protected override void ValidateFields(Checks check) => check.Retraction(this);
}
