namespace ProvincialMonitor.Contracts.Commands;

public static partial class Refusals
{
    public static readonly RefusalText CommandNotForBorder = new("command.not-for-border", RefusalKind.Invalid,
        "{command} is not a border action",
        "{command} is geen actie van het grensoverleg.");

    public static readonly RefusalText BorderConsultationTwice = new("border.consultation-held", RefusalKind.Conflict,
        "Border consultation {consultationRef} is already recorded.",
        "Grensoverleg {consultationRef} is al geregistreerd.");

    public static readonly RefusalText BorderObstacleListed = new("border.obstacle-listed", RefusalKind.Conflict,
        "Border obstacle {obstacleRef} is already on the list.",
        "Grensobstakel {obstacleRef} staat al op de lijst.");

    public static readonly RefusalText BorderObstacleNotListed = new("border.obstacle-not-listed", RefusalKind.NotFound,
        "Border obstacle {obstacleRef} is not on the list of {province}.",
        "Grensobstakel {obstacleRef} staat niet op de lijst van {province}.");

    public static readonly RefusalText BorderObstacleAlreadySolved = new("border.obstacle-solved", RefusalKind.Conflict,
        "Border obstacle {obstacleRef} is already solved; a solved obstacle does not change.",
        "Grensobstakel {obstacleRef} is al weggewerkt; een weggewerkt obstakel verandert niet meer.");

    public static readonly RefusalText BorderObstacleSameStatus = new("border.obstacle-same-status", RefusalKind.Conflict,
        "Border obstacle {obstacleRef} already has status {status}.",
        "Grensobstakel {obstacleRef} heeft al de status {status}.");

    public static readonly RefusalText BorderObstacleUnrecorded = new("border.obstacle-unrecorded", RefusalKind.Conflict,
        "Border obstacle {obstacleRef} would have a status or a solution but no recording.",
        "Grensobstakel {obstacleRef} zou een status of een oplossing hebben, maar geen registratie.");

    public static readonly RefusalText BorderBadValue = new("border.bad-value", RefusalKind.Conflict,
        "The border list would hold an invalid {field} '{value}'.",
        "De grenslijst zou een ongeldige waarde ‘{value}’ voor {field} bevatten.");

    public static readonly RefusalText BorderSolvedChanged = new("border.solved-changed", RefusalKind.Conflict,
        "Border obstacle {obstacleRef} would change after it was solved.",
        "Grensobstakel {obstacleRef} zou veranderen nadat het weggewerkt werd.");
}
