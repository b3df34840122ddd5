using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Provinces;

namespace ProvincialMonitor.UnitTests.Domain.Provinces;

internal static class ProvinceSpecs
{
    public const string Slug = "limburg";

    /// <summary>NIS codes after the 2025 mergers: Hasselt lies in Limburg, Gent in Oost-Vlaanderen.</summary>
    public const string Hasselt = "71072";
    public const string Gent = "44021";

    public static Spec<ProvinceState, ProvinceCommand> New(string slug = Slug) =>
        new(ProvinceDecider.Initial(slug), ProvinceDecider.Evolve, ProvinceDecider.Decide);

    public static readonly ProvinceRegistered Limburg = new(Slug, "Limburg", "70000", "POM Limburg");

    public static readonly RegisterProvince RegisterLimburg = new("Limburg", "70000", "POM Limburg");

    public static readonly TakeDecision TakeSmartPort = new("DEP-2026-114", "deputatie", "Steun Smart Port Limburg", "spatial-economy",
        "Cofinanciering van de logistieke site met modal shift.", "art. 2 provinciedecreet", 6, 0, 1, 250_000m);

    public static readonly DecisionTaken SmartPort = new("DEP-2026-114", "deputatie", "Steun Smart Port Limburg", "spatial-economy",
        "Cofinanciering van de logistieke site met modal shift.", "art. 2 provinciedecreet", 6, 0, 1, 250_000m);

    public static readonly BudgetAllocated Budget = new("labour-market", 2026, 1_200_000m);

    /// <summary>The council adopts the credit with the multi-year plan.</summary>
    public static readonly AllocateBudget Allocate = new("labour-market", 2026, 1_200_000m) { DecisionRef = "PR-2025-12", Body = "provincieraad" };

    public static readonly RetailPermitAdviceGiven Advice = new(Hasselt, "OMV_2026012345", 1_250m, "voeding", "conditional");

    public static readonly RetailAppealFiled Appeal = new("BER-2026-07", Hasselt, "OMV_2026012345", "applicant");

    public static readonly PopulationRecorded Population2024 = new(2024, 900_098, 42);

    public static Spec<ProvinceState, ProvinceCommand> Registered(params IDomainEvent[] more) => New().Given([Limburg, .. more]);
}
