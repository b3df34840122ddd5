using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Input;
using ProvincialMonitor.Dashboard.Layout;
using ProvincialMonitor.Dashboard.Import;
using static ProvincialMonitor.Dashboard.Tests.FakeImportSource;

namespace ProvincialMonitor.Dashboard.Tests;

public sealed class UploadPageTests : DashboardContext
{
    private const string Csv = "action;leadProvince;externalRef;title;domain\nregister-project;limburg;LIM-1;Leerhub Genk;labour-market\n";

    public UploadPageTests()
    {
        Authorization.SetAuthorized("Ambtenaar Limburg");
        Authorization.SetRoles("officer");
    }

    private IRenderedComponent<Upload> RenderPage(TimeSpan? poll = null) =>
        Render<Upload>(p => p.Add(c => c.PollInterval, poll ?? TimeSpan.FromMilliseconds(10)));

    private static void Choose(IRenderedComponent<Upload> page, string text = Csv, string name = "jaar.csv") =>
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(text, name));

    private static void Start(IRenderedComponent<Upload> page) => page.Find("form[data-testid=import-form]").Submit();

    [Theory]
    [InlineData("deputy")]
    [InlineData("auditor")]
    public void Readers_get_no_menu_entry_and_no_upload_form(string role)
    {
        Authorization.SetRoles(role);

        var layout = Render<MainLayout>();
        Assert.Empty(layout.FindAll("[data-testid=nav-import]"));
        var page = RenderPage();
        Assert.NotEmpty(page.FindAll("[data-testid=not-allowed]"));
        Assert.Empty(page.FindAll("form"));
        Assert.Empty(page.FindAll("input[type=file]"));
    }

    [Theory]
    [InlineData("officer")]
    [InlineData("coordinator")]
    [InlineData("admin")]
    public void Writers_have_the_menu_entry_and_the_form(string role)
    {
        Authorization.SetRoles(role);

        var layout = Render<MainLayout>();
        Assert.Equal("/importeren", layout.Find("[data-testid=nav-import]").GetAttribute("href"));
        Assert.Equal("Importeren", layout.Find("[data-testid=nav-import]").TextContent);
        var page = RenderPage();
        Assert.Empty(page.FindAll("[data-testid=not-allowed]"));
        var file = page.Find("input[type=file]");
        Assert.Equal("import-file", file.Id);
        Assert.NotNull(page.Find("label[for=import-file]"));
        Assert.Contains("100 MB", page.Find("label[for=import-file]").TextContent, StringComparison.Ordinal);
        Assert.Equal(".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.GetAttribute("accept"));
    }

    [Fact]
    public void The_Excel_hint_is_a_paragraph_of_its_own_under_the_file_picker()
    {
        var page = RenderPage();

        var hint = page.Find("[data-testid=excel-hint]");
        Assert.Equal("P", hint.TagName);
        Assert.Equal("import-file-hint", hint.Id);
        Assert.Equal("import-file", hint.PreviousElementSibling?.Id);
        Assert.Equal(hint.ParentElement, page.Find("#import-file").ParentElement);
        Assert.StartsWith("In Excel:", hint.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("CSV UTF-8", hint.TextContent, StringComparison.Ordinal);
        Assert.Equal("import-file-hint", page.Find("#import-file").GetAttribute("aria-describedby"));
    }

    [Fact]
    public void The_page_links_a_template_per_action_as_a_workbook_and_as_CSV()
    {
        var page = RenderPage();

        page.Find("[data-testid=template-action]").Change("grant-subsidy");

        Assert.Equal("api/imports/templates/grant-subsidy.xlsx", page.Find("[data-testid=template-xlsx]").GetAttribute("href"));
        Assert.Equal("api/imports/templates/grant-subsidy.csv", page.Find("[data-testid=template-csv]").GetAttribute("href"));
        Assert.Equal(ProvincialMonitor.Contracts.Commands.CommandCatalog.ByAction.Count, page.FindAll("[data-testid=template-action] option").Count);
    }

    [Fact]
    public void The_stylesheet_puts_a_fields_hint_on_a_line_of_its_own()
    {
        var css = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "provincial-monitor.css"));
        Assert.Matches(@"\.pm-field \{[^}]*flex-direction: column", css);
        Assert.Matches(@"\.pm-field-hint \{[^}]*display: block", css);
    }

    [Fact]
    public void Start_is_disabled_until_the_circuit_is_interactive()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var page = RenderPage();
        Assert.True(page.Find("[data-testid=start]").HasAttribute("disabled"));

        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var live = RenderPage();
        Assert.False(live.Find("[data-testid=start]").HasAttribute("disabled"));
    }

    [Fact]
    public void The_file_the_user_and_the_default_options_go_to_the_import_source()
    {
        Imports.Statuses.Enqueue(Status("done", total: 1, @checked: 1, applied: 1, stored: 1, succeeded: true));
        var page = RenderPage();
        Choose(page);

        Start(page);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=import-summary]")));
        var started = Assert.Single(Imports.Started);
        Assert.Equal(Csv, started.Text);
        Assert.Equal("Ambtenaar Limburg", started.User.Identity?.Name);
        // Not chosen: the file decides (its header line's delimiter and the mark that goes with it; a workbook needs neither).
        Assert.Equal(new ImportRequest(null, DecimalComma: null, Partial: false, DryRun: false), started.Options);
    }

    [Fact]
    public void The_chosen_options_go_to_the_import_source()
    {
        Imports.Statuses.Enqueue(Status("done", total: 1, @checked: 1, applied: 1, accepted: 1, dryRun: true, succeeded: true));
        var page = RenderPage();
        Choose(page);
        page.Find("[data-testid=delimiter-comma]").Change("on");
        page.Find("[data-testid=decimal-point]").Change("on");
        page.Find("[data-testid=partial]").Change(true);
        page.Find("[data-testid=dry-run]").Change(true);

        Start(page);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=import-summary]")));
        Assert.Equal(new ImportRequest(',', DecimalComma: false, Partial: true, DryRun: true), Assert.Single(Imports.Started).Options);
        Assert.Equal("1", page.Find("[data-testid=count-accepted]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=count-stored]"));
        Assert.Contains("Er is niets opgeslagen", page.Find("[data-testid=import-verdict]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_file_or_with_a_decimal_comma_between_commas_nothing_starts()
    {
        var page = RenderPage();

        Start(page);
        Assert.Equal("Kies een CSV-bestand of een Excel-werkmap.", page.Find("[data-testid=error-file]").TextContent);
        Assert.Equal("import-file-hint import-file-error", page.Find("#import-file").GetAttribute("aria-describedby"));

        Choose(page);
        page.Find("[data-testid=delimiter-comma]").Change("on");
        page.Find("[data-testid=decimal-comma]").Change("on");
        Start(page);
        Assert.Empty(page.FindAll("[data-testid=error-file]"));
        Assert.Equal("Een decimale komma kan alleen met de puntkomma als scheidingsteken.", page.Find("[data-testid=error-decimal]").TextContent);
        Assert.Empty(Imports.Started);
    }

    [Fact]
    public void While_the_rows_are_checked_the_progress_shows_how_far()
    {
        Imports.Statuses.Enqueue(Status("checking", total: 12500, @checked: 3400));
        var page = RenderPage(TimeSpan.FromHours(1));
        Choose(page);

        Start(page);

        page.WaitForAssertion(() => Assert.Equal("Rijen controleren: 3.400 van 12.500 rijen", page.Find("[data-testid=progress-text]").TextContent));
        Assert.Equal("polite", page.Find("[data-testid=import-progress]").GetAttribute("aria-live"));
        Assert.True(page.Find("[data-testid=start]").HasAttribute("disabled"));
        Assert.Empty(page.FindAll("[data-testid=import-summary]"));
    }

    [Fact]
    public void While_the_rows_are_applied_the_progress_counts_the_valid_rows()
    {
        Imports.Statuses.Enqueue(Status("applying", total: 12500, @checked: 12500, invalid: 500, applied: 7000));
        var page = RenderPage(TimeSpan.FromHours(1));
        Choose(page);

        Start(page);

        page.WaitForAssertion(() => Assert.Equal("Rijen opslaan: 7.000 van 12.000 rijen", page.Find("[data-testid=progress-text]").TextContent));
    }

    [Fact]
    public void The_page_polls_the_job_until_it_is_done_then_shows_the_summary_the_bad_rows_and_the_report()
    {
        Imports.Statuses.Enqueue(Status("checking"));
        Imports.Statuses.Enqueue(Status("checking", total: 1300, @checked: 600));
        Imports.Statuses.Enqueue(Status("applying", total: 1300, @checked: 1300, invalid: 1, applied: 400));
        Imports.Statuses.Enqueue(Status("done", total: 1300, @checked: 1300, applied: 1299, stored: 1250, replayed: 47, refused: 2, invalid: 1, succeeded: false,
            badRows:
            [
                new ImportBadRow(7, "grant-subsidy", "invalid", Refusal.Fields([InputProblem.NotANumber(DecimalMark.Comma).For("amount")])),
                new ImportBadRow(12, "pay-subsidy", "refused", Refusal.Of(Refusals.GrantOverpaid, ("amount", "600.00"), ("grantRef", "G-1"), ("paid", "1200.00"), ("granted", "1000.00"))),
                new ImportBadRow(14, "pay-subsidy", "refused", Refusal.Of(Refusals.GrantNotGranted, ("grantRef", "G-9"))),
            ]));
        var page = RenderPage();
        Choose(page);

        Start(page);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=import-summary]")));
        Assert.Equal(3, Imports.Polled.Count);
        Assert.All(Imports.Polled, id => Assert.Equal(JobId, id));
        Assert.Empty(page.FindAll("[data-testid=import-progress]"));
        Assert.Equal("1.300", page.Find("[data-testid=count-total]").TextContent);
        Assert.Equal("1.250", page.Find("[data-testid=count-stored]").TextContent);
        Assert.Equal("47", page.Find("[data-testid=count-replayed]").TextContent);
        Assert.Equal("2", page.Find("[data-testid=count-refused]").TextContent);
        Assert.Equal("1", page.Find("[data-testid=count-invalid]").TextContent);
        Assert.Equal("0", page.Find("[data-testid=count-skipped]").TextContent);
        Assert.Contains("niet alle rijen zijn opgeslagen", page.Find("[data-testid=import-verdict]").TextContent, StringComparison.Ordinal);
        Assert.Contains("jaar.csv", page.Find("#import-result-title").TextContent, StringComparison.Ordinal);

        var rows = page.FindAll("[data-testid=bad-rows] tbody tr");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["7", "grant-subsidy", "ongeldig", "Bedrag: Geen getal: schrijf bijvoorbeeld 1250,50."], rows[0].Children.Select(c => c.TextContent.Trim()));
        Assert.Equal(["12", "pay-subsidy", "geweigerd", "De regels laten deze actie niet toe. € 600,00 betalen op toekenning G-1 zou € 1.200,00 uitbetalen van € 1.000,00 toegekend."],
            rows[1].Children.Select(c => c.TextContent.Trim()));
        Assert.Equal("De regels laten deze actie niet toe. Toekenning G-9 werd niet toegekend.", rows[2].QuerySelector("[data-testid=bad-row-reason]")!.TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=bad-rows] [lang=en]"));
        Assert.Equal(["Regel", "Actie", "Uitkomst", "Reden"], page.FindAll("[data-testid=bad-rows] thead th").Select(c => c.TextContent));

        Assert.Equal($"api/imports/{JobId}/report?format=csv", page.Find("[data-testid=report-csv]").GetAttribute("href"));
        Assert.Equal($"api/imports/{JobId}/report?format=json", page.Find("[data-testid=report-json]").GetAttribute("href"));
        Assert.False(page.Find("[data-testid=start]").HasAttribute("disabled"));
    }

    [Fact]
    public void Valid_rows_not_sent_because_of_invalid_ones_are_counted_and_explained()
    {
        Imports.Statuses.Enqueue(Status("done", total: 3, @checked: 3, invalid: 1, skipped: 2, succeeded: false,
            badRows: [new ImportBadRow(3, "allocate-budget", "invalid", Refusal.Fields([FieldError.Of("year", Refusals.FieldRequired)]))]));
        var page = RenderPage();
        Choose(page);

        Start(page);

        page.WaitForAssertion(() => Assert.Equal("2", page.Find("[data-testid=count-skipped]").TextContent));
        Assert.Contains("er is niets verstuurd", page.Find("[data-testid=import-verdict]").TextContent, StringComparison.Ordinal);
        Assert.Single(page.FindAll("[data-testid=bad-rows] tbody tr"));
    }

    [Fact]
    public void A_file_refused_before_it_starts_shows_why()
    {
        Imports.Problem = Refusal.Of(Refusals.ImportNoActionColumn, ("line", 1));
        var page = RenderPage();
        Choose(page, "actie;titel\nx;y\n");

        Start(page);

        page.WaitForAssertion(() => Assert.Contains("De kopregel (regel 1) heeft geen kolom ‘action’.", page.Find("[data-testid=import-problem]").TextContent, StringComparison.Ordinal));
        Assert.Equal("alert", page.Find("[data-testid=import-problem]").GetAttribute("role"));
        Assert.Contains("Het bestand werd niet geïmporteerd.", page.Find("[data-testid=import-problem]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=import-result]"));
        Assert.Empty(Imports.Polled);
    }

    [Fact]
    public void A_job_that_stopped_on_an_error_says_so()
    {
        Imports.Statuses.Enqueue(Status("checking"));
        Imports.Statuses.Enqueue(Status("failed", total: 10, @checked: 4, error: "line 5: an unclosed quote"));
        var page = RenderPage();
        Choose(page);

        Start(page);

        page.WaitForAssertion(() => Assert.Contains("line 5: an unclosed quote", page.Find("[data-testid=import-failed]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=import-verdict]"));
    }

    [Fact]
    public void The_help_explains_the_columns_and_lists_the_actions()
    {
        var page = RenderPage();

        var help = page.Find("[data-testid=import-help]");
        Assert.Contains("leadProvince", help.TextContent, StringComparison.Ordinal);
        Assert.Contains("docs/import.md", help.TextContent, StringComparison.Ordinal);
        var actions = help.QuerySelectorAll("table")[0].QuerySelectorAll("tbody td:first-child").Select(c => c.TextContent).ToList();
        Assert.Contains("grant-subsidy", actions);
        Assert.Contains("grant-cluster-funding", actions);
    }
}
