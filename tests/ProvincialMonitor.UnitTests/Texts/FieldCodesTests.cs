using System.Reflection;
using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;

namespace ProvincialMonitor.UnitTests.Texts;

/// <summary>A field's codes follow the event or command that holds it: a payment's kind is not a cluster's.</summary>
public sealed class FieldCodesTests
{
    /// <summary>Each record with a coded field whose name others share, with the catalog its codes come from (read where declared).</summary>
    public static TheoryData<Type, string, string[]> Coded => new()
    {
        { typeof(SubsidyPaid), "kind", PaymentKinds.All },
        { typeof(PaySubsidy), "kind", PaymentKinds.All },
        { typeof(BusinessParkRegistered), "kind", BusinessParkKinds.All },
        { typeof(RegisterBusinessPark), "kind", BusinessParkKinds.All },
        { typeof(ClusterRegistered), "kind", ClusterKinds.All },
        { typeof(RegisterCluster), "kind", ClusterKinds.All },
        { typeof(ProjectStatusChanged), "status", ProjectStatuses.All },
        { typeof(ChangeProjectStatus), "status", ProjectStatuses.All },
        { typeof(BorderObstacleStatusChanged), "status", BorderObstacleStatuses.All },
        { typeof(ChangeBorderObstacleStatus), "status", BorderObstacleStatuses.All },
        { typeof(BusinessParkPhaseChanged), "phase", BusinessParkPhases.All },
        { typeof(ChangeBusinessParkPhase), "phase", BusinessParkPhases.All },
        { typeof(BorderObstacleRecorded), "theme", BorderObstacleThemes.All },
        { typeof(RecordBorderObstacle), "theme", BorderObstacleThemes.All },
        { typeof(RetailPermitAdviceGiven), "applicationKind", [.. Contracts.Reference.RetailRules.Kinds.Select(k => k.Code)] },
        { typeof(RetailPermitDecided), "applicationKind", [.. Contracts.Reference.RetailRules.Kinds.Select(k => k.Code)] },
    };

    [Theory]
    [MemberData(nameof(Coded))]
    public void A_coded_field_offers_the_codes_of_its_own_record(Type owner, string field, string[] codes)
    {
        var table = FieldLabels.CodesOf(owner, field);

        Assert.NotNull(table);
        Assert.Equal(codes.Order(StringComparer.Ordinal), table.Codes.Order(StringComparer.Ordinal));
    }

    /// <summary>Free text under a name that is coded elsewhere: a partner's kind, an indicator's source.</summary>
    public static TheoryData<Type, string> FreeText => new()
    {
        { typeof(PartnerJoined), "kind" },
        { typeof(AddPartner), "kind" },
        { typeof(IndicatorMeasured), "source" },
        { typeof(MeasureIndicator), "source" },
        { typeof(MeasureRegionIndicator), "source" },
        { typeof(MunicipalitiesLoaded), "source" },
        { typeof(RetailPermitAdviceGiven), "goodsCategory" },
    };

    [Theory]
    [MemberData(nameof(FreeText))]
    public void A_free_text_field_offers_no_codes_even_where_its_name_is_coded_elsewhere(Type owner, string field) =>
        Assert.Null(FieldLabels.CodesOf(owner, field));

    [Fact]
    public void A_value_reads_in_Dutch_by_the_codes_of_its_own_record()
    {
        Assert.Equal("Saldo", FieldLabels.Value(typeof(SubsidyPaid), "kind", PaymentKinds.Balance));
        Assert.Equal("Wetenschapspark", FieldLabels.Value(typeof(BusinessParkRegistered), "kind", BusinessParkKinds.SciencePark));
        Assert.Equal("Speerpuntcluster", FieldLabels.Value(typeof(ClusterRegistered), "kind", ClusterKinds.Spearhead));
        Assert.Equal("In behandeling", FieldLabels.Value(typeof(BorderObstacleStatusChanged), "status", BorderObstacleStatuses.InProgress));
        Assert.Equal("Bouwrijp", FieldLabels.Value(typeof(BusinessParkPhaseChanged), "phase", BusinessParkPhases.Ready));
        Assert.Equal("provincial", FieldLabels.Value(typeof(PartnerJoined), "kind", "provincial"));
        // Free text that holds the largest category's code when the advice divides its area over categories.
        Assert.Equal("Verkoop van voeding", FieldLabels.Value(typeof(RetailPermitAdviceGiven), "goodsCategory", "food"));
        Assert.Equal("meubelen", FieldLabels.Value(typeof(RetailPermitAdviceGiven), "goodsCategory", "meubelen"));
    }

    [Fact]
    public void A_state_s_member_reads_by_the_codes_of_the_commands_of_its_aggregate()
    {
        Assert.Equal("Logistiek terrein", FieldLabels.ValueIn(CommandKind.BusinessPark, "kind", BusinessParkKinds.Logistics));
        Assert.Equal("Provinciale cluster", FieldLabels.ValueIn(CommandKind.Cluster, "kind", ClusterKinds.Provincial));
        Assert.Equal("Doorverwezen naar een hoger niveau", FieldLabels.ValueIn(CommandKind.Border, "obstacles.GO-1.status", BorderObstacleStatuses.Escalated));
        Assert.Equal("Lopend", FieldLabels.ValueIn(CommandKind.Project, "status", ProjectStatuses.Running));
        Assert.Equal("Europese Unie", FieldLabels.ValueIn(CommandKind.Project, "grants.KC-01.funder", "eu"));
        // A member of an entry of a collection reads first as the command's field named after the entry: a member's kind.
        Assert.Equal("Bedrijf", FieldLabels.ValueIn(CommandKind.Cluster, "members.Acme nv.kind", "company"));
    }

    [Fact]
    public void Every_event_and_command_that_holds_a_field_whose_codes_depend_on_its_record_is_declared()
    {
        var records = EventTypes.Current.Values.Concat(CommandCatalog.All.Select(c => c.Command)).Distinct();
        var undeclared = records
            .SelectMany(r => r.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (Record: r, Field: JsonNamingPolicy.CamelCase.ConvertName(p.Name))))
            .Where(f => FieldLabels.NamesCodedByRecord.Contains(f.Field) && !FieldLabels.Declares(f.Record, f.Field))
            .Select(f => $"{f.Record.Name}.{f.Field}")
            .ToList();

        Assert.True(undeclared.Count == 0, string.Join(", ", undeclared));
    }
}
