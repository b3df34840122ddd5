namespace ProvincialMonitor.Contracts.Views;

/// <summary>
/// The projector's read models, by the name the projection store keeps their checkpoint under, with their Dutch names
/// for the operations page. A model built beside the serving one during a rebuild carries <see cref="NextGeneration"/>.
/// </summary>
public static class ReadModels
{
    public const string Indicators = "indicators";
    public const string Campaigns = "campaigns";
    public const string Catalog = "catalog";
    public const string BusinessParks = "business-parks";

    /// <summary>The suffix of the models built beside the serving ones during a rebuild.</summary>
    public const string NextGeneration = ".next";

    /// <summary>The serving read models, each with its Dutch name.</summary>
    public static readonly IReadOnlyList<(string Name, string Dutch)> All =
    [
        (Indicators, "Indicatoren"),
        (Campaigns, "Campagnecijfers"),
        (Catalog, "Overzichten (projecten, clusters, campagnes)"),
        (BusinessParks, "Bedrijventerreinen"),
    ];

    /// <summary>The Dutch name of a read model; a model of a rebuild is "(nieuw)"; an unknown name is shown as it is.</summary>
    public static string Dutch(string name) =>
        name.EndsWith(NextGeneration, StringComparison.Ordinal)
            ? $"{Dutch(name[..^NextGeneration.Length])} (nieuw)"
            : All.FirstOrDefault(m => m.Name == name).Dutch ?? name;
}
