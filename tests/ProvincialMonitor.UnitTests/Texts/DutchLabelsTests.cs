using System.Reflection;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;

namespace ProvincialMonitor.UnitTests.Texts;

public sealed class DutchLabelsTests
{
    /// <summary>Each catalog of codes with the table that labels it: the catalogs' own lists, read where they are declared.</summary>
    public static TheoryData<string, string[]> Catalogs => new()
    {
        { "domain", [.. PolicyDomains.DutchNames.Keys] },
        { "funder", Funders.All },
        { "status", ProjectStatuses.All },
        { "output metric", OutputMetrics.All },
        { "indicator", [Indicators.EmploymentRate, Indicators.VacancyRate] },
        { "unit", Constants(typeof(IndicatorUnits)) },
        { "body", [.. Bodies.All] },
        { "retail advice", RetailAdvices.All },
        { "appeal outcome", AppealOutcomes.All },
        { "member kind", ClusterMemberKinds.All },
        { "funding purpose", ClusterFundingPurposes.All },
        { "cluster kind", ClusterKinds.All },
        { "business park kind", BusinessParkKinds.All },
        { "business park phase", BusinessParkPhases.All },
        { "weekday", Weekdays.All },
        { "role", Constants(typeof(Roles)) },
        { "source", Constants(typeof(Sources)) },
        { "retail permit decision", RetailPermitDecisions.All },
        { "retail application kind", [.. Contracts.Reference.RetailRules.Kinds.Select(k => k.Code)] },
        { "retail category", [.. Contracts.Reference.RetailRules.AllCategoryCodes] },
    };

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void Every_code_of_a_catalog_has_a_Dutch_label_and_the_table_holds_no_other_code(string kind, string[] codes)
    {
        var table = Assert.Single(DutchLabels.All, t => t.Kind == kind);

        Assert.Equal(codes.Order(StringComparer.Ordinal), table.Codes.Order(StringComparer.Ordinal));
        Assert.All(table.Options, o => Assert.False(string.IsNullOrWhiteSpace(o.Value), o.Key));
    }

    [Fact]
    public void Every_field_of_every_command_has_a_Dutch_label()
    {
        var unlabelled = CommandCatalog.All.SelectMany(c => c.Fields.Keys).Concat(["changes[0].field", "changes[0].newValue"])
            .Distinct(StringComparer.Ordinal)
            .Where(f => FieldLabels.Path(f).Split(" › ").Any(Lowercase))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(unlabelled.Count == 0, string.Join(", ", unlabelled));
    }

    [Fact]
    public void A_refusal_names_its_fields_in_Dutch_with_indexes_counted_from_one()
    {
        var refusal = Refusal.Fields(
        [
            FieldError.Of("municipalities[0]", Refusals.FieldGivenTwice),
            FieldError.Of("changes[1].newValue", Refusals.FieldGivenTwice),
        ]);

        Assert.Equal("Gemeenten nr. 1: Staat er twee keer in. Wijzigingen nr. 2 › Nieuwe waarde: Staat er twee keer in.", refusal.Dutch);
    }

    [Fact]
    public void Summaries_name_codes_by_their_Dutch_labels()
    {
        Assert.Equal("Gemeten: Werkzaamheidsgraad 76,1 % (2024)",
            EventWording.Summary(new IndicatorMeasured(Indicators.EmploymentRate, 76.1m, IndicatorUnits.Percent, "2024", "Statbel")));
        Assert.Equal("Projectstatus: Lopend", EventWording.Summary(new ProjectStatusChanged(ProjectStatuses.Running)));
        Assert.Equal("Subsidie toegekend: € 1.250,50 (Provincie)",
            EventWording.Summary(new SubsidyGranted(GrantRef: "G-1", Amount: 1_250.50m, Funder: "province", GrantingProvince: "antwerpen")));
        Assert.Equal("Krediet 2026: € 10,00 (Flankerend arbeidsmarktbeleid)",
            EventWording.Summary(new BudgetAllocated(PolicyDomains.LabourMarket, 2026, 10m)));
        Assert.Equal("Resultaat gemeld: Ondersteunde bedrijven 14", EventWording.Summary(new OutputReported("companies-supported", 14, "2026")));
    }

    [Fact]
    public void A_field_s_code_value_reads_as_its_label_and_a_province_by_its_name()
    {
        Assert.Equal("Lopend", FieldLabels.Value("status", "running"));
        Assert.Equal("Europese Unie", FieldLabels.ValueAt("grants.KC-01.funder", "eu"));
        Assert.Equal("Antwerpen", FieldLabels.ValueAt("participatingProvinces[0]", "antwerpen"));
        Assert.Equal("vrije tekst", FieldLabels.Value("title", "vrije tekst"));
    }

    private static bool Lowercase(string part) => part.Length > 0 && char.IsLower(part[0]);

    private static string[] Constants(Type type) =>
        [.. type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)];
}

public sealed class StateLabelTests
{
    /// <summary>The states the replay shows (camelCase JSON, as StateFold writes them).</summary>
    private static readonly Type[] States =
    [
        typeof(Grains.Projects.ProjectState), typeof(Grains.Provinces.ProvinceState), typeof(Grains.Clusters.ClusterState),
        typeof(Grains.Campaigns.CampaignState), typeof(Grains.Campaigns.MarketState), typeof(Grains.Region.RegionState),
        typeof(Grains.BusinessParks.BusinessParkState), typeof(Grains.Border.BorderState),
    ];

    [Fact]
    public void Every_member_of_every_state_the_replay_shows_has_a_Dutch_label()
    {
        var members = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<Type>();
        foreach (var state in States) Collect(state, members, seen);

        var unlabelled = members.Where(m => FieldLabels.Of(m) == m).ToList();

        Assert.True(unlabelled.Count == 0, string.Join(", ", unlabelled));
    }

    private static void Collect(Type type, SortedSet<string> members, HashSet<Type> seen)
    {
        if (type.IsGenericType) foreach (var argument in type.GetGenericArguments()) Collect(argument, members, seen);
        if (type.IsArray)
        {
            Collect(type.GetElementType()!, members, seen);
            return;
        }
        if (type.Namespace?.StartsWith("ProvincialMonitor", StringComparison.Ordinal) != true || type.IsEnum || !seen.Add(type)) return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract"
                                 && p.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is null))
        {
            members.Add(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name));
            Collect(property.PropertyType, members, seen);
        }
    }
}
