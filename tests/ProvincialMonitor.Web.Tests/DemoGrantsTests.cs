using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// The demo's grant facts: a grant to a named beneficiary under a regulation with two advances and a balance, a recovery
/// on another grant, and the Interreg project with a programme whose period covers its planned dates and a rate within
/// its maximum; the beneficiary's name on the project and in the audit workbook.
/// </summary>
public sealed class DemoGrantsTests
{
    [Fact]
    public async Task The_demo_has_a_grant_with_beneficiary_advances_and_balance_a_recovery_and_an_Interreg_project_of_its_period()
    {
        await using var silo = SiloFactory.Embedded(demo: true);
        using var client = silo.CreateClient();
        var today = MonitorClock.System.Today;

        var demo = (await silo.Store.QueryAsync(new LogQuery { Source = Sources.Demo, Limit = 1000 })).Events;
        List<JsonElement> Of<T>() => [.. demo.Where(e => e.EventType == EventTypes.NameOf(typeof(T))).Select(e => JsonDocument.Parse(e.Data).RootElement)];

        var named = Assert.Single(Of<SubsidyGranted>(), g => g.TryGetProperty("beneficiaryId", out var id) && id.ValueKind == JsonValueKind.String);
        var grantRef = named.GetProperty("grantRef").GetString();
        Assert.False(string.IsNullOrEmpty(named.GetProperty("regulation").GetString()));
        var kinds = Of<SubsidyPaid>().Where(p => p.GetProperty("grantRef").GetString() == grantRef).Select(p => p.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["advance", "advance", "balance"], kinds);
        Assert.Single(Of<SubsidyRecovered>());
        Assert.All(demo, e => Assert.True(e.EffectiveDate <= today, $"{e.EventType} on {e.EffectiveDate} is after today"));

        var interreg = Assert.Single(Of<ProjectRegistered>(), p => p.GetProperty("externalRef").GetString() == "INT-01");
        var programme = CrossBorderReference.FindProgramme(interreg.GetProperty("crossBorderProgramme").GetString());
        Assert.NotNull(programme);
        DateOnly Day(string name) => DateOnly.ParseExact(interreg.GetProperty(name).GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(programme.Covers(Day("plannedStart")) && programme.Covers(Day("plannedEnd")), $"{programme.Code} and {Day("plannedStart")}–{Day("plannedEnd")}");
        var rate = interreg.GetProperty("coFinancingRate").GetDecimal();
        Assert.InRange(rate, 0.01m, programme.MaxErdfRate ?? 100m);

        // The beneficiary's name is in the audit workbook's beneficiary column, as in the CSV.
        var workbook = await client.GetByteArrayAsync(new Uri("/api/audit/export?format=xlsx&province=antwerpen", UriKind.Relative));
        using var zip = new ZipArchive(new MemoryStream(workbook));
        var xml = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            xml.Append(await reader.ReadToEndAsync());
        }
        Assert.Contains(">beneficiary<", xml.ToString(), StringComparison.Ordinal);
        Assert.Contains("Demo Circulaire Bouwstoffen bv (0765.432.146)", xml.ToString(), StringComparison.Ordinal);
    }
}
