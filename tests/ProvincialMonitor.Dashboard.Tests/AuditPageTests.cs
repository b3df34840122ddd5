using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Audit;
using ProvincialMonitor.Dashboard.Provinces;
using static ProvincialMonitor.Dashboard.Tests.AuditSamples;

namespace ProvincialMonitor.Dashboard.Tests;

public sealed class AuditPageTests : DashboardContext
{
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<AuditLogPage> RenderAudit(string address = "audit")
    {
        Navigation.NavigateTo(address);
        var page = Render<AuditLogPage>();
        page.WaitForAssertion(() => Assert.True(page.FindAll("[data-testid=audit-log]").Count + page.FindAll("[data-testid=no-entries]").Count > 0));
        return page;
    }

    private static List<string> Positions(IRenderedComponent<AuditLogPage> page) =>
        page.FindAll("[data-testid=audit-log] tbody tr").Select(r => r.GetAttribute("data-position")!).ToList();

    [Fact]
    public void The_filter_in_the_address_becomes_the_log_query_and_is_described_in_Dutch()
    {
        Audits.Log.Add(Entry(7));
        var page = RenderAudit("audit?province=limburg&domain=circular-economy&aggregate=project&type=SubsidyGranted.v1&type=DecisionTaken.v1"
            + "&actor=u-7f3a&decision=DEP-2026-311&source=api&basis=effective&from=2026-01-01&to=2026-03-31");

        var (filter, after, limit) = Audits.LogQueries.Single();
        Assert.Equal("limburg", filter.Province);
        Assert.Equal("circular-economy", filter.Domain);
        Assert.Equal("project", filter.Aggregate);
        Assert.Equal(["SubsidyGranted.v1", "DecisionTaken.v1"], filter.Types);
        Assert.Equal("u-7f3a", filter.Actor);
        Assert.Equal("DEP-2026-311", filter.DecisionRef);
        Assert.Equal("api", filter.Source);
        Assert.Equal("effective", filter.DateBasis);
        Assert.Equal(new DateOnly(2026, 1, 1), filter.From);
        Assert.Equal(new DateOnly(2026, 3, 31), filter.To);
        Assert.Equal(0, after);
        Assert.Equal(AuditLogPage.PageSize, limit);
        Assert.Equal("Gebeurtenissen met provincie Limburg; domein Circulaire economie; aggregaat project; soort Subsidie toegekend, Beslissing; "
            + "actor u-7f3a; beslissing DEP-2026-311; bron API; in werking van 01/01/2026 tot en met 31/03/2026.",
            page.Find("[data-testid=audit-description]").TextContent);
        Assert.Equal("audit", page.Find("[data-testid=clear-filter]").GetAttribute("href"));
    }

    [Fact]
    public void Without_a_filter_the_whole_log_is_read_on_the_recorded_basis()
    {
        Audits.Log.Add(Entry(1));
        var page = RenderAudit();

        var filter = Audits.LogQueries.Single().Filter;
        Assert.True(AuditAddress.IsEmpty(filter));
        Assert.Equal("recorded", filter.DateBasis);
        Assert.Equal("Alle gebeurtenissen.", page.Find("[data-testid=audit-description]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=clear-filter]"));
    }

    [Fact]
    public void A_row_says_who_which_body_when_the_decision_the_event_and_its_hash()
    {
        Audits.Log.Add(Entry(7));
        Audits.Log.Add(Entry(8, "UserAdded.v1", "UserAdded.v1", stream: "security", actor: "system", actorName: null, role: "", body: null, decisionRef: null, source: "reference"));
        var page = RenderAudit();

        var row = page.Find("tr#pos-7");
        var cells = row.Children.Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("7", cells[0]);
        Assert.Equal("28/11/2026 20:29:05", cells[1]);
        Assert.Equal("27/11/2026", cells[2]);
        Assert.Equal("An Peeters (provinciaal ambtenaar)", string.Join(" ", cells[3].Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("Deputatie", cells[4]);
        Assert.Contains("Subsidie toegekend", row.QuerySelector(".pm-event-type")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Subsidie toegekend: € 1.000,00 (province)", cells[5], StringComparison.Ordinal);
        Assert.Equal("DEP-2026-311", cells[6]);
        Assert.Equal(HashOf(7)[..12] + "…", row.QuerySelector(".pm-hash summary code")!.TextContent);
        Assert.Equal(HashOf(7), row.QuerySelector(".pm-hash summary code")!.GetAttribute("title"));
        Assert.Equal(HashOf(7), row.QuerySelector(".pm-hash .pm-hash-full")!.TextContent);
        Assert.Equal($"audit/replay/project/{ProjectId}?position=7", row.QuerySelector("[data-testid=replay-link]")!.GetAttribute("href"));

        var system = page.Find("tr#pos-8");
        Assert.Contains("system (systeem)", system.QuerySelector("[data-testid=who]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(system.QuerySelectorAll("[data-testid=replay-link]"));
    }

    [Fact]
    public void Corrections_and_retractions_link_to_the_row_of_the_event_they_correct()
    {
        var grant = Guid.NewGuid();
        Audits.Log.AddRange(
        [
            Entry(7),
            Entry(9, "ProjectCorrected.v1", "Correctie: bedrag", corrects: grant, correctsPosition: 7),
            Entry(11, "ProjectRetracted.v1", "Schrapping: dubbel", corrects: Guid.NewGuid(), correctsPosition: 2),
        ]);
        var page = RenderAudit("audit?type=ProjectCorrected.v1&type=ProjectRetracted.v1&type=SubsidyGranted.v1");

        var correction = page.Find("tr#pos-9 [data-testid=corrects]");
        Assert.StartsWith("Corrigeert:", correction.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("audit?type=ProjectCorrected.v1&type=ProjectRetracted.v1&type=SubsidyGranted.v1#pos-7", correction.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("positie 7", correction.QuerySelector("a")!.TextContent);

        // The retracted event is not on the page: the link opens the log at it.
        var retraction = page.Find("tr#pos-11 [data-testid=corrects]");
        Assert.StartsWith("Schrapt:", retraction.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("audit?after=1#pos-2", retraction.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(page.FindAll("tr#pos-7 [data-testid=corrects]"));
    }

    [Fact]
    public void The_log_opened_after_a_position_starts_there()
    {
        Audits.Log.AddRange(Enumerable.Range(1, 5).Select(i => Entry(i)));
        var page = RenderAudit("audit?after=1#pos-2");

        Assert.Equal(1, Audits.LogQueries.Single().After);
        Assert.Equal(["2", "3", "4", "5"], Positions(page));
        Assert.Contains("vanaf positie 2", page.Find("[data-testid=audit-log] caption").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void More_reads_the_next_page_after_the_last_position_shown()
    {
        Audits.Log.AddRange(Enumerable.Range(1, 60).Select(i => Entry(i)));
        var page = RenderAudit();
        Assert.Equal(AuditLogPage.PageSize, Positions(page).Count);
        Assert.Equal("1", Positions(page)[0]);
        Assert.Empty(page.FindAll("[data-testid=end-of-log]"));

        page.Find("[data-testid=more]").Click();

        page.WaitForAssertion(() => Assert.Equal(60, Positions(page).Count));
        Assert.Equal(50, Audits.LogQueries[^1].After);
        Assert.Equal("60", Positions(page)[^1]);
        Assert.Empty(page.FindAll("[data-testid=more]"));
        Assert.NotEmpty(page.FindAll("[data-testid=end-of-log]"));
    }

    [Fact]
    public void Applying_the_form_puts_the_filter_in_the_address()
    {
        var page = RenderAudit("audit?province=antwerpen");

        page.Find("input[name=audit-actor]").Change("u-9b1c");
        page.Find("input[name=audit-decision]").Change("DEP-2026-42");
        page.Find("[data-testid=audit-filter]").Submit();

        Assert.EndsWith("/audit?province=antwerpen&actor=u-9b1c&decision=DEP-2026-42", Navigation.Uri, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Equal("DEP-2026-42", Audits.LogQueries[^1].Filter.DecisionRef));
        Assert.Equal("antwerpen", Audits.LogQueries[^1].Filter.Province);
    }

    [Fact]
    public void A_market_row_replays_the_market_of_a_known_campaign_and_the_picker_opens_any_aggregate()
    {
        Campaigns.List.Add(new CampaignListItem("maand-van-de-markt-2027", "Maand van de Markt 2027", new DateOnly(2027, 4, 1), new DateOnly(2027, 4, 30), false, 0));
        Audits.Log.Add(Entry(4, "MarketJoined.v1", "Markt aangesloten", stream: "market-maand-van-de-markt-2027-m-12"));
        Audits.Log.Add(Entry(5, "TargetSet.v1", "Doelstelling", stream: "region-vlaanderen"));
        var page = RenderAudit();

        Assert.Equal("audit/replay/market/maand-van-de-markt-2027/m-12?position=4", page.Find("tr#pos-4 [data-testid=replay-link]").GetAttribute("href"));
        Assert.Equal("audit/replay/flanders/vlaanderen?position=5", page.Find("tr#pos-5 [data-testid=replay-link]").GetAttribute("href"));

        // The picker is a plain GET form, so that it works before the circuit is up; /audit/open sends the browser on.
        var form = page.Find("[data-testid=replay-kind]").Closest("form")!;
        Assert.Equal(("get", "audit/open"), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.Equal("kind", page.Find("[data-testid=replay-kind]").GetAttribute("name"));
        Assert.Equal("key", page.Find("[data-testid=replay-key]").GetAttribute("name"));
        Navigation.NavigateTo("audit/open?kind=cluster&key=flux50");
        Render<ProvincialMonitor.Dashboard.Audit.AuditOpen>();
        Assert.EndsWith("/audit/replay/cluster/flux50", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_auditors_and_admins_see_the_verify_button()
    {
        Audits.Log.Add(Entry(1));
        var deputy = RenderAudit();
        Assert.Empty(deputy.FindAll("[data-testid=verify]"));
        Assert.Empty(deputy.FindAll("[data-testid=verify-start]"));

        foreach (var role in new[] { "auditor", "admin" })
        {
            Authorization.SetRoles(role);
            var page = RenderAudit();
            page.WaitForAssertion(() => Assert.Equal("10", page.Find("[data-testid=head-position]").TextContent));
            Assert.Equal(new string('a', 64), page.Find("[data-testid=head-hash]").TextContent);
            Assert.NotEmpty(page.FindAll("[data-testid=verify-start]"));
        }
    }

    private IRenderedComponent<AuditLogPage> RenderAsAuditor()
    {
        Authorization.SetRoles("auditor");
        var page = RenderAudit();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=head-hash]")));
        return page;
    }

    [Fact]
    public void Verification_shows_its_progress_against_the_head_and_then_intact()
    {
        var page = RenderAsAuditor();

        page.Find("[data-testid=verify-start]").Click();

        page.WaitForAssertion(() => Assert.Equal("positie 4 van 10", page.Find("[data-testid=verify-progress]").TextContent));
        Assert.NotEmpty(page.FindAll("[data-testid=verify-cancel]"));
        Assert.Equal("4", page.Find(".rz-progressbar").GetAttribute("aria-valuenow"));
        Assert.Empty(page.FindAll("[data-testid=verify-intact]"));
        var (user, receipt) = Audits.Verifications.Single();
        Assert.True(user.IsInRole("auditor"));
        Assert.Null(receipt);

        Audits.FinishVerification();

        page.WaitForAssertion(() => Assert.Contains("Intact tot positie 10.", page.Find("[data-testid=verify-intact]").TextContent, StringComparison.Ordinal));
        Assert.Equal("positie 10 van 10", page.Find("[data-testid=verify-progress]").TextContent);
        Assert.NotEmpty(page.FindAll("[data-testid=verify-start]"));
    }

    [Fact]
    public void A_broken_chain_names_the_first_broken_position_and_the_kind_of_break_in_Dutch()
    {
        Audits.Outcome = new VerificationOutcome(false, 5, 6, "reordered", "Broken at position 6: reordered.", 10);
        var page = RenderAsAuditor();

        page.Find("[data-testid=verify-start]").Click();
        Audits.FinishVerification();

        page.WaitForAssertion(() => Assert.Contains("Keten gebroken op positie 6: van plaats verwisseld.", page.Find("[data-testid=verify-broken]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Intact tot positie 5.", page.Find("[data-testid=verify-broken]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=verify-intact]"));
    }

    [Theory]
    [InlineData("changed", "gewijzigd")]
    [InlineData("missing", "ontbrekend")]
    [InlineData("inserted", "ingevoegd")]
    [InlineData("reordered", "van plaats verwisseld")]
    public void Every_kind_of_break_has_a_Dutch_name(string kind, string dutch) => Assert.Equal(dutch, AuditNames.Break(kind));

    [Fact]
    public void A_receipt_entered_by_the_auditor_is_verified_against()
    {
        var page = RenderAsAuditor();
        var hash = HashOf(7).ToUpperInvariant();

        page.Find("[data-testid=receipt-position]").Change("7");
        page.Find("[data-testid=receipt-hash]").Change(hash);
        page.Find("[data-testid=verify-start]").Click();
        Audits.FinishVerification();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=verify-intact]")));
        var receipt = Audits.Verifications.Single().Receipt!;
        Assert.Equal(7, receipt.Position);
        Assert.Equal(HashOf(7), receipt.Hash);
        Assert.Contains("ontvangstbewijs op positie 7 is ongewijzigd", page.Find("[data-testid=verify-intact]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_incomplete_receipt_is_refused_without_verifying()
    {
        var page = RenderAsAuditor();

        page.Find("[data-testid=receipt-position]").Change("7");
        page.Find("[data-testid=receipt-hash]").Change("abc");
        page.Find("[data-testid=verify-start]").Click();

        Assert.Equal("Een hash bestaat uit 64 hexadecimale tekens (0–9, a–f).", page.Find("[data-testid=receipt-error]").TextContent);
        Assert.Empty(Audits.Verifications);
    }

    [Fact]
    public void A_running_verification_can_be_cancelled()
    {
        var page = RenderAsAuditor();
        page.Find("[data-testid=verify-start]").Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=verify-cancel]")));

        page.Find("[data-testid=verify-cancel]").Click();

        page.WaitForAssertion(() => Assert.Equal("Controle geannuleerd bij positie 4.", page.Find("[data-testid=verify-cancelled]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=verify-intact]"));
        Assert.NotEmpty(page.FindAll("[data-testid=verify-start]"));
    }

    [Fact]
    public void Auditors_export_the_log_with_the_filter_on_screen_and_deputies_get_no_export()
    {
        Audits.Log.Add(Entry(1));
        var deputy = RenderAudit("audit?province=limburg");
        Assert.Empty(deputy.FindAll("[data-testid=audit-export]"));

        Authorization.SetRoles("auditor");
        var page = RenderAudit("audit?province=limburg&aggregate=project&type=SubsidyGranted.v1&decision=DEP-7&from=2026-03-01&to=2026-03-31");
        var links = page.FindAll("[data-testid=audit-export] a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(2, links.Count);
        Assert.Equal("api/audit/export?format=csv&province=limburg&streamPrefix=project-&type=SubsidyGranted.v1&decisionRef=DEP-7"
            + "&recordedFrom=2026-03-01T00%3A00%3A00%2B01%3A00&recordedBefore=2026-04-01T00%3A00%3A00%2B02%3A00", links[0]);
        Assert.StartsWith("api/audit/export?format=jsonl&", links[1], StringComparison.Ordinal);
        var effective = AuditAddress.ExportHref(new AuditFilter(DateBasis: "effective", From: new DateOnly(2026, 1, 1), To: new DateOnly(2026, 1, 31)), "csv");
        Assert.Equal("api/audit/export?format=csv&effectiveFrom=2026-01-01&effectiveTo=2026-01-31", effective);
    }

    [Theory]
    [InlineData("security", "security")]
    [InlineData("audit-trail", "audit-trail")]
    [InlineData("region", "region-")]
    [InlineData("market", "market-")]
    public void The_export_of_a_kind_selects_its_streams(string aggregate, string prefix) =>
        Assert.Equal($"api/audit/export?format=csv&streamPrefix={prefix}", AuditAddress.ExportHref(new AuditFilter(Aggregate: aggregate), "csv"));
}
