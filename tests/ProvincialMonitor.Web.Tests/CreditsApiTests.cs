using System.Globalization;
using System.Net;
using System.Text.Json;
using ProvincialMonitor.Contracts;

namespace ProvincialMonitor.Web.Tests;

/// <summary>Credits against spending over HTTP: the council's credit, its adjustment, and per province and domain what was granted and paid in the year.</summary>
public sealed class CreditsApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly int Year = MonitorClock.System.Today.Year;

    private static string Y(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static JsonElement Scope(JsonElement view, string scope) => view.GetProperty("scopes").EnumerateArray().Single(s => s.GetProperty("scope").GetString() == scope);

    private static JsonElement Domain(JsonElement scope, string domain) =>
        scope.GetProperty("domains").EnumerateArray().Single(d => d.GetProperty("domain").GetString() == domain);

    [Fact]
    public async Task A_credit_is_adjusted_not_doubled_and_the_year_s_grants_and_payments_count_against_it_with_Vlaanderen_s_total()
    {
        var project = (await api.PostAsync("/api/projects", """{"title":"Krediettest","leadProvince":"antwerpen","domain":"circular-economy"}""")).GetProperty("id").GetString();
        var credit = $$"""{"domain":"circular-economy","year":{{Y(Year)}},"amount":1000,"decisionRef":"PR-CR-1","body":"provincieraad"}""";
        await api.PostAsync("/api/provinces/antwerpen/budgets", credit);
        var second = await api.Client.PostJsonAsync("/api/provinces/antwerpen/budgets", credit.Replace("PR-CR-1", "PR-CR-2", StringComparison.Ordinal));
        var unsigned = await api.Client.PostJsonAsync("/api/provinces/antwerpen/budgets", $$"""{"domain":"circular-economy","year":{{Y(Year + 1)}},"amount":10}""");
        await api.PostAsync("/api/provinces/antwerpen/credit-adjustments", $$"""{"domain":"circular-economy","year":{{Y(Year)}},"amount":800,"decisionRef":"PR-CR-3","body":"provincieraad"}""");
        // A grant of this year, and a payment this year on a grant decided last year: it counts in this year.
        await api.PostAsync($"/api/projects/{project}/subsidies", """{"grantRef":"CR-NOW","amount":600,"funder":"province","decisionRef":"DEP-CR-1","body":"deputatie"}""");
        var lastYear = $"{Y(Year - 1)}-06-30";
        await api.PostAsync($"/api/projects/{project}/subsidies", $$"""{"grantRef":"CR-OLD","amount":2000,"funder":"province","effectiveDate":"{{lastYear}}"}""");
        var paid = await api.PostAsync($"/api/projects/{project}/payments", """{"grantRef":"CR-OLD","amount":900,"paymentRef":"P-CR-1"}""");
        var position = paid.GetProperty("position").GetInt64();

        var deadline = MonitorClock.System.Now.UtcDateTime.AddSeconds(15);
        JsonElement view;
        do view = await api.Client.GetJsonAsync($"/api/indicators/credits?year={Y(Year)}");
        while (!Scope(view, "province:antwerpen").GetProperty("domains").EnumerateArray()
                   .Any(d => d.GetProperty("domain").GetString() == "circular-economy" && d.GetProperty("paid").GetDecimal() >= 900m)
               && MonitorClock.System.Now.UtcDateTime < deadline);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("/api/provinces/antwerpen/credit-adjustments", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        Assert.True((await unsigned.JsonAsync()).GetProperty("errors").TryGetProperty("decisionRef", out _));
        var row = Domain(Scope(view, "province:antwerpen"), "circular-economy");
        Assert.Equal((800m, 600m, 900m, 75.0m, 112.5m), (row.GetProperty("credit").GetDecimal(), row.GetProperty("granted").GetDecimal(),
            row.GetProperty("paid").GetDecimal(), row.GetProperty("grantedPercent").GetDecimal(), row.GetProperty("paidPercent").GetDecimal()));
        Assert.Equal($"paid.year.{Y(Year)}.circular-economy", row.GetProperty("paidMeasure").GetString());
        Assert.Equal(["province:antwerpen", "province:limburg", "province:oost-vlaanderen", "province:vlaams-brabant", "province:west-vlaanderen", "flanders"],
            view.GetProperty("scopes").EnumerateArray().Select(s => s.GetProperty("scope").GetString()));
        Assert.Equal(800m, Domain(Scope(view, "flanders"), "circular-economy").GetProperty("credit").GetDecimal());
        Assert.Contains("boven 100 %", view.GetProperty("payments").GetString(), StringComparison.Ordinal);
        var last = await api.Client.GetJsonAsync($"/api/indicators/provinces/antwerpen/credits?year={Y(Year - 1)}");
        Assert.Equal(2000m, Domain(Assert.Single(last.GetProperty("scopes").EnumerateArray()), "circular-economy").GetProperty("granted").GetDecimal());
        Assert.True(position > 0);
    }

    [Theory]
    [InlineData("/api/indicators/provinces/brussel/credits", HttpStatusCode.NotFound, null)]
    [InlineData("/api/indicators/credits?year=dit-jaar", HttpStatusCode.BadRequest, "year")]
    [InlineData("/api/indicators/provinces/limburg/credits?year=1800", HttpStatusCode.BadRequest, "year")]
    public async Task An_unknown_province_is_404_and_a_bad_year_is_400_naming_the_field(string path, HttpStatusCode status, string? field)
    {
        var response = await api.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        if (field is not null) Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Without_a_year_the_credits_are_this_year_s()
    {
        var view = await api.Client.GetJsonAsync("/api/indicators/provinces/limburg/credits");

        Assert.Equal(Year, view.GetProperty("year").GetInt32());
    }
}
