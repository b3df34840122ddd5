using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Dashboard.Audit;
using ProvincialMonitor.Dashboard.Projects;
using static ProvincialMonitor.Dashboard.Tests.AuditSamples;

namespace ProvincialMonitor.Dashboard.Tests;

public sealed class AuditReplayTests : DashboardContext
{
    public AuditReplayTests() => Audits.Replays["project:p1"] = ProjectHistory();

    private IRenderedComponent<AuditReplay> RenderReplay(string kind = "project", string key = "p1", string query = "")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"audit/replay/{kind}/{key}{query}");
        var page = Render<AuditReplay>(p => p.Add(c => c.Kind, kind).Add(c => c.Key, key));
        page.WaitForAssertion(() => Assert.True(page.FindAll("[data-testid=step]").Count + page.FindAll("[data-testid=no-steps]").Count
            + page.FindAll(".pm-error").Count > 0));
        return page;
    }

    private static string Step(IRenderedComponent<AuditReplay> page) => page.Find("[data-testid=step]").TextContent.Trim();

    private static Dictionary<string, (string Kind, string Old, string New)> Diff(IRenderedComponent<AuditReplay> page) =>
        page.FindAll("[data-testid=diff] tbody tr").ToDictionary(r => r.GetAttribute("data-path")!,
            r => (r.GetAttribute("data-kind")!, r.QuerySelector(".pm-diff-old")!.TextContent, r.QuerySelector(".pm-diff-new")!.TextContent));

    [Fact]
    public void The_replay_starts_at_the_first_event_with_its_state_and_everything_it_added()
    {
        var page = RenderReplay();

        Assert.Equal(("project", "p1"), Audits.ReplayQueries.Single());
        Assert.Equal("Stap 1 van 3: Project geregistreerd: Kamp C", Step(page));
        Assert.Equal("polite", page.Find("[data-testid=step]").GetAttribute("aria-live"));
        Assert.Equal("3", page.Find("[data-testid=step-position]").TextContent);
        Assert.True(page.Find("[data-testid=first] ").HasAttribute("disabled"));
        Assert.True(page.Find("[data-testid=previous]").HasAttribute("disabled"));
        Assert.False(page.Find("[data-testid=next]").HasAttribute("disabled"));
        var diff = Diff(page);
        Assert.Equal(("added", "–", "Kamp C"), diff["title"]);
        Assert.Equal(("added", "–", "{}"), diff["grants"]);
        Assert.Equal(("added", "–", "ja"), diff["registered"]);
        // The state as a definition list with Dutch labels.
        var title = page.Find("[data-testid=state] [data-path=title]");
        Assert.Equal("Titel", title.QuerySelector("dt")!.TextContent);
        Assert.Equal("Kamp C", title.QuerySelector("dd")!.TextContent);
        Assert.Equal("ja", page.Find("[data-testid=state] [data-path=registered] dd").TextContent);
    }

    [Fact]
    public void A_state_s_codes_read_by_the_commands_of_its_kind_of_aggregate()
    {
        Audits.Replays["cluster:c1"] =
        [
            AuditSamples.Step(5, 1, "ClusterRegistered.v1", "Cluster geregistreerd",
                """{"slug":"c1","registered":true,"kind":"spearhead","members":{"Acme nv":{"name":"Acme nv","kind":"company"}}}"""),
        ];
        Audits.Replays["business-park:p1"] = [AuditSamples.Step(6, 1, "BusinessParkRegistered.v1", "Bedrijventerrein geregistreerd", """{"slug":"p1","kind":"science-park"}""")];

        var cluster = RenderReplay("cluster", "c1");
        Assert.Equal("Speerpuntcluster", cluster.Find("[data-testid=state] > dl > [data-path=kind] > dd").TextContent);
        Assert.Equal("Bedrijf", cluster.Find("[data-testid=state] [data-path=members] [data-path=kind] dd").TextContent);
        Assert.Equal(("added", "–", "Bedrijf"), Diff(cluster)["members.Acme nv.kind"]);

        var park = RenderReplay("business-park", "p1");
        Assert.Equal("Wetenschapspark", park.Find("[data-testid=state] [data-path=kind] dd").TextContent);
    }

    [Fact]
    public void Next_previous_last_and_first_step_through_the_history_and_the_diff_shows_what_each_step_changed()
    {
        var page = RenderReplay();

        page.Find("[data-testid=next]").Click();
        Assert.Equal("Stap 2 van 3: Subsidie toegekend: € 250.000,50 (province)", Step(page));
        var grant = Diff(page);
        Assert.Equal(2, grant.Count);
        Assert.Equal(("added", "–", "250000.5"), grant["grants.KC-01-G1.amount"]);
        Assert.Equal(("added", "–", "Provincie"), grant["grants.KC-01-G1.funder"]);
        Assert.Equal("Subsidies › KC-01-G1 › Bedrag", page.Find("[data-testid=diff] tr[data-path='grants.KC-01-G1.amount'] th").TextContent);
        Assert.Equal("250000,5", page.Find("[data-testid=state] [data-path=grants] [data-path=KC-01-G1] [data-path=amount] dd").TextContent);

        page.Find("[data-testid=last]").Click();
        Assert.Equal("Stap 3 van 3: Projectstatus gewijzigd: running", Step(page));
        var status = Diff(page);
        Assert.Equal(("changed", "Gepland", "Lopend"), status["status"]);
        Assert.Equal(("added", "–", "dak"), status["milestones[0]"]);
        Assert.Equal(2, status.Count);
        Assert.True(page.Find("[data-testid=next]").HasAttribute("disabled"));
        Assert.True(page.Find("[data-testid=last]").HasAttribute("disabled"));

        page.Find("[data-testid=previous]").Click();
        Assert.Equal("Stap 2 van 3: Subsidie toegekend: € 250.000,50 (province)", Step(page));
        Assert.Equal("Gepland", page.Find("[data-testid=state] [data-path=status] dd").TextContent);

        page.Find("[data-testid=first]").Click();
        Assert.StartsWith("Stap 1 van 3", Step(page), StringComparison.Ordinal);
    }

    [Fact]
    public void A_position_in_the_address_opens_the_replay_at_that_event()
    {
        var page = RenderReplay(query: "?position=7");

        Assert.StartsWith("Stap 2 van 3", Step(page), StringComparison.Ordinal);
        Assert.Equal("7", page.Find("[data-testid=step-position]").TextContent);
    }

    [Fact]
    public void Play_advances_at_the_chosen_speed_and_stops_at_the_last_step()
    {
        var page = RenderReplay();
        page.Find("[data-testid=speed]").Change("500");

        page.Find("[data-testid=play]").Click();
        Assert.NotEmpty(page.FindAll("[data-testid=stop]"));

        page.WaitForAssertion(() => Assert.StartsWith("Stap 3 van 3", Step(page), StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=play]")));
        Assert.Empty(page.FindAll("[data-testid=stop]"));
    }

    [Fact]
    public async Task Stop_halts_the_player()
    {
        var page = RenderReplay();
        page.Find("[data-testid=speed]").Change("2000");
        page.Find("[data-testid=play]").Click();

        page.Find("[data-testid=stop]").Click();
        await Task.Delay(2_500);

        Assert.StartsWith("Stap 1 van 3", Step(page), StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll("[data-testid=play]"));
    }

    [Fact]
    public void An_aggregate_without_events_and_an_unknown_kind_say_so()
    {
        var empty = RenderReplay(key: "nobody");
        Assert.Contains("Er zijn geen gebeurtenissen voor project ‘nobody’.", empty.Find("[data-testid=no-steps]").TextContent, StringComparison.Ordinal);

        var unknown = RenderReplay(kind: "planet", key: "mars");
        Assert.Contains("Onbekende soort aggregaat ‘planet’", unknown.Find(".pm-error").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(("planet", "mars"), Audits.ReplayQueries);
    }

    [Fact]
    public void A_market_key_keeps_its_slash()
    {
        Audits.Replays["market:mvdm-2027/m-12"] = [AuditSamples.Step(4, 1, "MarketJoined.v1", "Markt aangesloten", """{"marketId":"m-12","traders":30}""")];

        var page = RenderReplay(kind: "market", key: "mvdm-2027/m-12");

        Assert.Equal("Stap 1 van 1: Markt aangesloten", Step(page));
        Assert.Equal("30", page.Find("[data-testid=state] [data-path=traders] dd").TextContent);
        Assert.Equal("Marktkramers", page.Find("[data-testid=state] [data-path=traders] dt").TextContent);
    }
}

public sealed class StateDiffTests
{
    [Fact]
    public void Members_added_removed_and_changed_are_found_at_their_paths()
    {
        var changes = StateDiff.Compare("""{"a":1,"b":{"c":"x","d":[1,2]},"gone":true}""", """{"a":2,"b":{"c":"x","d":[1,3,4]},"new":{"e":null}}""");

        Assert.Equal(
        [
            new StateChange("a", StateChangeKind.Changed, "1", "2"),
            new StateChange("b.d[1]", StateChangeKind.Changed, "2", "3"),
            new StateChange("b.d[2]", StateChangeKind.Added, null, "4"),
            new StateChange("new.e", StateChangeKind.Added, null, "null"),
            new StateChange("gone", StateChangeKind.Removed, "true", null),
        ], changes);
    }

    [Fact]
    public void Equal_documents_have_no_changes_and_a_changed_kind_is_one_change()
    {
        Assert.Empty(StateDiff.Compare("""{"a":[1,{"b":2}]}""", """{"a":[1,{"b":2}]}"""));
        Assert.Equal([new StateChange("a", StateChangeKind.Changed, "1", "\"1\"".Trim('"'))], StateDiff.Compare("""{"a":1}""", """{"a":"1"}"""));
        Assert.Equal([new StateChange("a", StateChangeKind.Changed, "{\"b\":1}", "2")], StateDiff.Compare("""{"a":{"b":1}}""", """{"a":2}"""));
    }

    [Fact]
    public void Without_a_previous_state_every_leaf_is_added()
    {
        Assert.Equal(
        [
            new StateChange("x", StateChangeKind.Added, null, "1"),
            new StateChange("y", StateChangeKind.Added, null, "[]"),
        ], StateDiff.Compare(null, """{"x":1,"y":[]}"""));
    }

    [Theory]
    [InlineData("project-abc", "project", "abc")]
    [InlineData("province-oost-vlaanderen", "province", "oost-vlaanderen")]
    [InlineData("cluster-flux50", "cluster", "flux50")]
    [InlineData("campaign-mvdm-2027", "campaign", "mvdm-2027")]
    [InlineData("region-vlaanderen", "flanders", "vlaanderen")]
    [InlineData("market-mvdm-2027-m-12", "market", "mvdm-2027/m-12")]
    public void A_stream_names_its_aggregate(string stream, string kind, string key)
    {
        var found = AggregateRef.FromStream(stream, ["mvdm", "mvdm-2027"])!;
        Assert.Equal(new AggregateRef(kind, key), found);
        Assert.Equal(stream, found.StreamId);
    }

    [Theory]
    [InlineData("security")]
    [InlineData("audit-trail")]
    [InlineData("reference-municipalities")]
    [InlineData("market-unknown-m-1")]
    public void Streams_without_an_aggregate_have_no_replay(string stream) => Assert.Null(AggregateRef.FromStream(stream, ["mvdm-2027"]));

    [Fact]
    public void The_audit_address_round_trips_a_filter()
    {
        var filter = new AuditFilter("limburg", "circular-economy", "project", ["SubsidyGranted.v1"], "u-1", "DEP 1/2", "api", "effective",
            new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31));

        var href = AuditAddress.Href(filter);

        Assert.Equal("audit?province=limburg&domain=circular-economy&aggregate=project&type=SubsidyGranted.v1&actor=u-1&decision=DEP%201%2F2&source=api"
            + "&basis=effective&from=2026-01-01&to=2026-03-31", href);
        var back = AuditAddress.Parse("limburg", "circular-economy", "project", ["SubsidyGranted.v1"], "u-1", "DEP 1/2", "api", "effective", "2026-01-01", "2026-03-31");
        Assert.Equal(filter with { Types = null }, back with { Types = null });
        Assert.Equal(filter.Types, back.Types);
        Assert.Null(AuditAddress.Parse(null, null, null, null, null, null, null, "effective", "31/03/2026", null).From);
    }
}
