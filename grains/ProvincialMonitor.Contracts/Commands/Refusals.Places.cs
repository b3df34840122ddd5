namespace ProvincialMonitor.Contracts.Commands;

public static partial class Refusals
{
    public static readonly RefusalText FieldMunicipalityOutsideProvinces = new("field.municipality-outside-provinces", RefusalKind.Invalid,
        "is {municipality} in {province}, which is not one of the project's provinces ({provinces})",
        "{municipality} ligt in {province}, niet in een provincie van het project ({provinces}).");

    public static readonly RefusalText ProjectLocatedOutsideProvinces = new("project.located-outside-provinces", RefusalKind.Conflict,
        "The project would be located in {municipality}, outside its provinces ({provinces}): relocate it first.",
        "Het project zou in {municipality} liggen, buiten zijn provincies ({provinces}): wijzig eerst de ligging.");

    /// <summary>Not a refusal but a notice of an accepted command: a former municipality code was read as its 2025 municipality.</summary>
    public static readonly RefusalText NoticeMunicipalityMerged = new("notice.municipality-merged", RefusalKind.Invalid,
        "{code} ({former}) is part of {municipality} ({nisCode}) since 1 January 2025",
        "{code} ({former}) is sinds 1 januari 2025 deel van {municipality} ({nisCode}).");
}
