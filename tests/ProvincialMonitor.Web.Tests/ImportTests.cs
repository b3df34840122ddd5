using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Silo.Cli;

namespace ProvincialMonitor.Web.Tests;

/// <summary>Bulk import (docs/import.md): the CLI verb import against a silo on a real port, and POST /api/imports.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class ImportTests : IAsyncLifetime
{
    private readonly SiloFactory _silo = SiloFactory.Embedded();
    private readonly string _folder = Directory.CreateTempSubdirectory("provmon-import-").FullName;
    private string _url = "";

    public Task InitializeAsync()
    {
        _url = _silo.ServeOnKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private const string Header = "action,leadProvince,externalRef,title,domain,grantRef,amount,funder,paymentRef,effectiveDate,province,year,decisionRef";

    /// <summary>Lines 2 to 6 valid; line 4 has a bad amount, line 6 an unknown funder, line 7 names a project that nobody registers.</summary>
    private static readonly string[] Mixed =
    [
        Header,
        "register-project,antwerpen,IMP-1,Haven van morgen,circular-economy,,,,,2026-01-10,,,",
        "grant-subsidy,antwerpen,IMP-1,,,G-1,1000.00,province,,2026-01-11,,,",
        "grant-subsidy,antwerpen,IMP-1,,,G-2,veel,province,,2026-01-11,,,",
        "pay-subsidy,antwerpen,IMP-1,,,G-1,400.50,,P-1,2026-01-12,,,",
        "grant-subsidy,antwerpen,IMP-1,,,G-3,500,bank,,2026-01-12,,,",
        "grant-subsidy,antwerpen,NOBODY,,,G-9,500,province,,2026-01-12,,,",
        "allocate-budget,,,,labour-market,,2500,,,2026-01-13,limburg,2026,PR-2025-IMP",
    ];

    private string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n", new UTF8Encoding(false));
        return path;
    }

    private async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exit = await CliVerbs.RunAsync(["import", .. args, "--url", _url, "--api-key", SiloFactory.AdminKey]);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }

    private HttpClient Api()
    {
        var client = new HttpClient { BaseAddress = new Uri(_url) };
        client.DefaultRequestHeaders.Add("X-Api-Key", SiloFactory.AdminKey);
        return client;
    }

    private async Task<JsonElement?> ProjectAsync(string province, string externalRef)
    {
        using var api = Api();
        var response = await api.GetAsync(new Uri($"/api/projects/by-ref/{province}/{externalRef}", UriKind.Relative));
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.JsonAsync();
    }

    [Fact]
    public async Task A_file_with_bad_rows_stores_nothing_and_reports_every_bad_row_with_its_line()
    {
        var file = Write("mixed.csv", Mixed);
        var before = await _silo.CountEventsAsync();

        var run = await RunAsync(file, "--report", Path.Combine(_folder, "report.csv"));

        Assert.Equal(1, run.Exit);
        Assert.Equal(before, await _silo.CountEventsAsync());
        Assert.Null(await ProjectAsync("antwerpen", "IMP-1"));
        Assert.Contains("line 4: grant-subsidy invalid: amount is not a number", run.Out, StringComparison.Ordinal);
        Assert.Contains("line 6: grant-subsidy invalid: funder must be one of", run.Out, StringComparison.Ordinal);
        Assert.Contains("line 7: grant-subsidy invalid: antwerpen has no project with externalRef 'NOBODY'", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("line 2:", run.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing was stored", run.Out, StringComparison.Ordinal);
        var report = File.ReadAllLines(Path.Combine(_folder, "report.csv"));
        Assert.Equal(7, report.Length - 1);
        Assert.StartsWith("2,register-project,skipped,", report[1], StringComparison.Ordinal);
        Assert.StartsWith("4,grant-subsidy,invalid,", report[3], StringComparison.Ordinal);
        // The fields for programs stay as they were; the Dutch reason for people comes last.
        Assert.Equal("line,action,outcome,reason,streamId,position,idempotencyKey,reasonNl", report[0]);
        Assert.EndsWith(",Bedrag: Geen getal: schrijf bijvoorbeeld 1250.50.", report[3], StringComparison.Ordinal);
        Assert.Contains("amount is not a number with a decimal point", report[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_shows_a_field_that_looks_like_a_formula_as_text()
    {
        var file = Write("formula.csv", ["action,leadProvince,externalRef,title,domain", "\"=HYPERLINK(\"\"https://example.test\"\")\",limburg,F-1,Formule,labour-market"]);

        var run = await RunAsync(file, "--report", Path.Combine(_folder, "formula-report.csv"));

        Assert.Equal(1, run.Exit);
        var report = File.ReadAllLines(Path.Combine(_folder, "formula-report.csv"));
        // Quoted because of the quotes inside; the apostrophe keeps a spreadsheet from running it.
        Assert.StartsWith("2,\"'=HYPERLINK(\"\"https://example.test\"\")\",invalid,", report[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_partial_the_good_rows_are_stored_and_a_corrected_file_stores_only_the_fixed_rows()
    {
        var partial = await RunAsync(Write("mixed.csv", Mixed), "--partial");

        Assert.Equal(1, partial.Exit);
        Assert.Contains("4 stored, 0 replayed, 0 refused, 3 invalid", partial.Out, StringComparison.Ordinal);
        var project = (await ProjectAsync("antwerpen", "IMP-1"))!.Value;
        var grant = project.GetProperty("grants").GetProperty("G-1");
        Assert.Equal(1000m, grant.GetProperty("amount").GetDecimal());
        Assert.Equal(400.5m, grant.GetProperty("paid").GetDecimal());

        // The corrected file: the same good rows (some amounts written differently), the bad ones fixed.
        string[] corrected =
        [
            Header,
            "register-project,antwerpen,IMP-1,Haven van morgen,circular-economy,,,,,2026-01-10,,,",
            "grant-subsidy,antwerpen,IMP-1,,,G-1,1000,province,,2026-01-11,,,",
            "grant-subsidy,antwerpen,IMP-1,,,G-2,750.25,province,,2026-01-11,,,",
            "pay-subsidy,antwerpen,IMP-1,,,G-1,400.5,,P-1,2026-01-12,,,",
            "grant-subsidy,antwerpen,IMP-1,,,G-3,500,pom,,2026-01-12,,,",
            "grant-subsidy,antwerpen,IMP-1,,,G-9,500,province,,2026-01-12,,,",
            "allocate-budget,,,,labour-market,,2500.00,,,2026-01-13,limburg,2026,PR-2025-IMP",
        ];
        var before = await _silo.CountEventsAsync();
        var again = await RunAsync(Write("corrected.csv", corrected));

        Assert.Equal(0, again.Exit);
        Assert.Contains("3 stored, 4 replayed, 0 refused, 0 invalid", again.Out, StringComparison.Ordinal);
        Assert.Equal(before + 3, await _silo.CountEventsAsync());
        var grants = (await ProjectAsync("antwerpen", "IMP-1"))!.Value.GetProperty("grants");
        Assert.Equal(4, grants.EnumerateObject().Count());
        Assert.Equal(400.5m, grants.GetProperty("G-1").GetProperty("paid").GetDecimal());
    }

    [Fact]
    public async Task The_same_file_twice_stores_nothing_the_second_time()
    {
        var file = Write("good.csv", Mixed.Where((_, i) => i is not (3 or 5 or 6)));
        var first = await RunAsync(file);
        var after = await _silo.CountEventsAsync();
        var second = await RunAsync(file);

        Assert.Equal(0, first.Exit);
        Assert.Contains("4 stored, 0 replayed", first.Out, StringComparison.Ordinal);
        Assert.Equal(0, second.Exit);
        Assert.Contains("0 stored, 4 replayed, 0 refused", second.Out, StringComparison.Ordinal);
        Assert.Equal(after, await _silo.CountEventsAsync());
        using var api = Api();
        var events = await api.GetJsonAsync($"/api/projects/{(await ProjectAsync("antwerpen", "IMP-1"))!.Value.GetProperty("projectId").GetString()}/events");
        Assert.All(events.EnumerateArray(), e => Assert.Equal("import", e.GetProperty("metadata").GetProperty("source").GetString()));
    }

    [Fact]
    public async Task A_dry_run_decides_every_row_against_the_earlier_rows_and_stores_nothing()
    {
        var file = Write("dry.csv",
        [
            Header,
            "register-project,limburg,DRY-1,Droge run,labour-market,,,,,2026-02-01,,,",
            "grant-subsidy,limburg,DRY-1,,,G-1,1000,province,,2026-02-02,,,",
            "pay-subsidy,limburg,DRY-1,,,G-1,600,,P-1,2026-02-03,,,",
            "pay-subsidy,limburg,DRY-1,,,G-1,600,,P-2,2026-02-04,,,",
            "allocate-budget,,,,labour-market,,100,,,2026-02-05,limburg,2027,PR-2025-IMP",
        ]);
        var before = await _silo.CountEventsAsync();

        var dry = await RunAsync(file, "--dry-run", "--report", Path.Combine(_folder, "dry.json"));

        Assert.Equal(1, dry.Exit);
        Assert.Equal(before, await _silo.CountEventsAsync());
        Assert.Null(await ProjectAsync("limburg", "DRY-1"));
        Assert.Contains("4 would be stored, 0 replayed, 1 refused", dry.Out, StringComparison.Ordinal);
        Assert.Contains("line 5: pay-subsidy refused: conflict: Paying 600.00 on grant G-1 would pay 1200.00 of 1000.00 granted.", dry.Out, StringComparison.Ordinal);
        var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "dry.json"))).RootElement;
        Assert.Equal("accepted,accepted,accepted,refused,accepted", string.Join(",",
            report.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("outcome").GetString())));
        var refused = report.GetProperty("rows")[3];
        Assert.Equal("conflict: Paying 600.00 on grant G-1 would pay 1200.00 of 1000.00 granted.", refused.GetProperty("reason").GetString());
        Assert.Equal("De regels laten deze actie niet toe. € 600,00 betalen op toekenning G-1 zou € 1.200,00 uitbetalen van € 1.000,00 toegekend.",
            refused.GetProperty("reasonNl").GetString());

        // Stored for real, a dry run of the same file says every row would be replayed.
        var real = await RunAsync(Write("dry-ok.csv", File.ReadAllLines(file).Where((_, i) => i != 4)));
        var dryAgain = await RunAsync(Write("dry-ok.csv", File.ReadAllLines(file).Where((_, i) => i != 4)), "--dry-run");
        Assert.Equal((0, 0), (real.Exit, dryAgain.Exit));
        Assert.Contains("0 would be stored, 4 replayed", dryAgain.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_semicolons_and_a_decimal_comma_registers_a_project_and_grants_to_it_by_external_ref()
    {
        var file = Write("komma.csv",
        [
            "action;leadProvince;externalRef;title;domain;participatingProvinces;grantRef;amount;funder;province;year;effectiveDate;decisionRef",
            "register-project;west-vlaanderen;KOMMA-1;\"Proeftuin; fase 2\";spatial-economy;oost-vlaanderen|antwerpen;;;;;;2026-03-01;",
            "grant-subsidy;west-vlaanderen;KOMMA-1;;;;G-1;125000,50;eu;;;2026-03-02;",
            "allocate-budget;;;;spatial-economy;;;1250,5;;west-vlaanderen;2026;2026-03-03;PR-2026-KOMMA",
            "allocate-budget;;;;spatial-economy;;;12,345;;west-vlaanderen;2026;2026-03-03;PR-2026-KOMMA",
        ]);

        var run = await RunAsync(file, "--delimiter", ";", "--decimal", "comma", "--partial");

        Assert.Equal(1, run.Exit);
        Assert.Contains("line 5: allocate-budget invalid: amount has at most two decimals", run.Out, StringComparison.Ordinal);
        var project = (await ProjectAsync("west-vlaanderen", "KOMMA-1"))!.Value;
        Assert.Equal("Proeftuin; fase 2", project.GetProperty("title").GetString());
        Assert.Equal("oost-vlaanderen,antwerpen", string.Join(",", project.GetProperty("participatingProvinces").EnumerateArray().Select(p => p.GetString())));
        Assert.Equal(125000.50m, project.GetProperty("grants").GetProperty("G-1").GetProperty("amount").GetDecimal());
        using var api = Api();
        var budgets = (await api.GetJsonAsync("/api/provinces/west-vlaanderen/events")).EnumerateArray()
            .Where(e => e.GetProperty("eventType").GetString() == "BudgetAllocated.v1").ToList();
        Assert.Equal(1250.5m, Assert.Single(budgets).GetProperty("data").GetProperty("amount").GetDecimal());

        // A point in a decimal-comma file is refused, not read as a thousands separator.
        var point = await RunAsync(Write("punt.csv", ["action;province;domain;year;amount;decisionRef", "allocate-budget;limburg;labour-market;2026;1.250;PR-2026-PUNT"]),
            "--delimiter", ";", "--decimal", "comma");
        Assert.Contains("amount is not a number with a decimal comma", point.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_and_file_errors_are_clear()
    {
        var noFile = await RunAsync(Path.Combine(_folder, "missing.csv"));
        var badDelimiter = await RunAsync(Write("x.csv", Mixed), "--delimiter", "|");
        var unknownColumn = await RunAsync(Write("y.csv", ["action,province,colour", "allocate-budget,limburg,red"]));
        var wrongDelimiter = await RunAsync(Write("z.csv", Mixed), "--delimiter", ";");

        Assert.Equal((2, 2), (noFile.Exit, badDelimiter.Exit));
        Assert.Equal(1, unknownColumn.Exit);
        Assert.Contains("unknown column(s) in the header: 'colour'", unknownColumn.Error, StringComparison.Ordinal);
        Assert.Contains("is the delimiter ';' right?", wrongDelimiter.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_large_file_completes_with_progress()
    {
        const int projects = 20, rows = 20_000;
        var lines = new List<string> { "action,leadProvince,externalRef,title,domain,metric,value,period,effectiveDate" };
        for (var p = 0; p < projects; p++) lines.Add($"register-project,limburg,BIG-{p},Groot project {p},labour-market,,,,2026-01-01");
        for (var i = 0; lines.Count <= rows; i++)
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"report-output,limburg,BIG-{i % projects},,,jobs-created,{i},2026-{(i % 12) + 1:00},2026-01-02"));
        var body = string.Join("\n", lines);
        using var api = Api();
        using var content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("text/csv"));

        var started = await api.PostAsync(new Uri("/api/imports", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!.ToString();
        var seen = new List<int>();
        JsonElement progress;
        var deadline = MonitorClock.System.Now.UtcDateTime.AddMinutes(4);
        do
        {
            await Task.Delay(100);
            progress = await api.GetJsonAsync(location);
            seen.Add(progress.GetProperty("applied").GetInt32());
        }
        while (progress.GetProperty("status").GetString() is not ("done" or "failed") && MonitorClock.System.Now.UtcDateTime < deadline);

        Assert.Equal("done", progress.GetProperty("status").GetString());
        Assert.Equal(rows, progress.GetProperty("total").GetInt32());
        Assert.Equal(rows, progress.GetProperty("stored").GetInt32());
        Assert.True(progress.GetProperty("succeeded").GetBoolean());
        Assert.Contains(seen, n => n is > 0 and < rows); // progress was seen between the start and the end
        var outputs = (await ProjectAsync("limburg", "BIG-7"))!.Value.GetProperty("outputs");
        Assert.Equal((rows - projects) / projects, outputs.GetArrayLength());
        var report = await api.GetStringAsync(new Uri(location + "/report?format=csv", UriKind.Relative));
        Assert.Equal(rows + 1, report.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task The_route_refuses_readers_and_other_bodies()
    {
        using var api = Api();
        var deputyKey = (await (await api.PostJsonAsync("/api/admin/apikeys", """{"role":"deputy","label":"lezer"}""")).JsonAsync()).GetProperty("key").GetString()!;
        using var deputy = new HttpClient { BaseAddress = new Uri(_url) };
        deputy.DefaultRequestHeaders.Add("X-Api-Key", deputyKey);

        var forbidden = await deputy.PostAsync(new Uri("/api/imports", UriKind.Relative), new StringContent(string.Join("\n", Mixed), Encoding.UTF8, "text/csv"));
        var json = await api.PostJsonAsync("/api/imports", "{}");
        var badOption = await api.PostAsync(new Uri("/api/imports?decimal=komma", UriKind.Relative), new StringContent(string.Join("\n", Mixed), Encoding.UTF8, "text/csv"));
        var unknown = await api.GetAsync(new Uri($"/api/imports/{Guid.NewGuid()}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badOption.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private const string CampaignHeader =
        "action;campaign;market;slug;name;periodStart;periodEnd;provinces;targets;municipality;marketId;weekday;traders;title;description;date;tradersPresent;count;at;sector;kind;province;effectiveDate";

    /// <summary>A campaign around today (its facts take effect today at the latest) in Limburg, with one market in Hasselt.</summary>
    private static string[] CampaignFile(string slug, DateOnly today) =>
    [
        CampaignHeader,
        $"launch-campaign;;;{slug};Maand van de Markt (import);{today.AddDays(-10):yyyy-MM-dd};{today.AddDays(10):yyyy-MM-dd};limburg|antwerpen;limburg:5:10:1000|antwerpen:5:10:1000;;;;;;;;;;;;;;{today.AddDays(-10):yyyy-MM-dd}",
        $"join-municipality;{slug};;;;;;;;71072;;;;;;;;;;;;;",
        $"join-market;{slug};;;Dinsdagmarkt Hasselt;;;;;71072;m-hasselt;tuesday;40;;;;;;;;;;",
        $"hold-market-day;{slug};m-hasselt;;;;;;;;;;;;;{today.AddDays(-1):yyyy-MM-dd};38;;;;;;",
        $"register-entries;{slug};m-hasselt;;;;;;;;;;;;;;;250;{MonitorClock.AtBrusselsTime(today.AddDays(-1), new TimeOnly(10, 30)):yyyy-MM-dd'T'HH:mm:sszzz};;;;",
        $"hold-campaign-action;{slug};;;;;;limburg;;;;;;Markt in de kijker;Affiches op elke markt;;;;;;;;",
        $"register-cluster;;;{slug}-cluster;Marktkramers Limburg;;;;;;;;;;;;;;;retail;provincial;limburg;",
    ];

    private static DateOnly Today => MonitorClock.System.Today;

    [Fact]
    public async Task A_business_park_is_registered_and_a_plot_issued_on_it_by_the_import_on_the_parks_own_stream()
    {
        var file = Write("terreinen.csv",
        [
            "action;slug;name;municipality;grossHectares;netHectares;kind;managingBody;businessPark;buyer;hectares;sector;effectiveDate",
            $"register-business-park;geel-import;Geel Import;13008;40;30;regional;POM Antwerpen;;;;;{Today.AddDays(-2):yyyy-MM-dd}",
            $"issue-plot;;;;;;;;geel-import;Bakkerij Peeters;1,25;voeding;{Today.AddDays(-1):yyyy-MM-dd}",
            $"issue-plot;;;;;;;;;Zonder terrein;1;voeding;{Today:yyyy-MM-dd}",
        ]);

        var run = await RunAsync(file, "--partial");

        Assert.True(run.Out.Contains("2 stored", StringComparison.Ordinal), run.Out + run.Error);
        Assert.Contains("line 4", run.Out + run.Error, StringComparison.Ordinal);
        Assert.Contains("businessPark", run.Out + run.Error, StringComparison.Ordinal);
        using var api = Api();
        var events = await api.GetJsonAsync("/api/business-parks/geel-import/events");
        Assert.Equal("BusinessParkRegistered.v1,PlotIssued.v1",
            string.Join(",", events.EnumerateArray().Select(e => e.GetProperty("eventType").GetString())));
    }

    [Fact]
    public async Task A_file_of_campaign_market_and_cluster_actions_is_stored_through_the_same_routes_and_again_replayed()
    {
        const string slug = "markt-import";
        var file = Write("campagne.csv", CampaignFile(slug, Today));

        var first = await RunAsync(file, "--delimiter", ";");
        var second = await RunAsync(file, "--delimiter", ";");

        Assert.True(first.Exit == 0, first.Out + first.Error);
        Assert.Contains("7 stored, 0 replayed, 0 refused, 0 invalid", first.Out, StringComparison.Ordinal);
        Assert.Contains("0 stored, 7 replayed, 0 refused", second.Out, StringComparison.Ordinal);
        using var api = Api();
        var campaign = await api.GetJsonAsync($"/api/campaigns/{slug}");
        Assert.True(campaign.GetProperty("markets").TryGetProperty("m-hasselt", out _));
        Assert.Single(campaign.GetProperty("actions").EnumerateArray());
        // The market's own stream was opened, as the join route does, so its day and entries were stored on it.
        var market = await api.GetJsonAsync($"/api/campaigns/{slug}/markets/m-hasselt/events");
        Assert.Equal("MarketRegistered.v1,MarketDayHeld.v1,EntriesRegistered.v1",
            string.Join(",", market.EnumerateArray().Select(e => e.GetProperty("eventType").GetString())));
        Assert.All(market.EnumerateArray(), e => Assert.Equal("import", e.GetProperty("metadata").GetProperty("source").GetString()));
        Assert.Equal(250, market.EnumerateArray().Last().GetProperty("data").GetProperty("count").GetInt32());
        var cluster = await api.GetJsonAsync($"/api/clusters/{slug}-cluster");
        Assert.Equal("Marktkramers Limburg", cluster.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_dry_run_of_campaign_rows_folds_the_earlier_rows_and_refuses_a_market_that_did_not_join()
    {
        const string slug = "markt-proef";
        var lines = CampaignFile(slug, Today).ToList();
        lines.Add($"hold-market-day;{slug};m-nergens;;;;;;;;;;;;;{Today.AddDays(-1):yyyy-MM-dd};12;;;;;;");
        var before = await _silo.CountEventsAsync();

        var dry = await RunAsync(Write("proef.csv", lines), "--delimiter", ";", "--dry-run");

        Assert.Equal(1, dry.Exit);
        Assert.Equal(before, await _silo.CountEventsAsync());
        Assert.Contains("7 would be stored, 0 replayed, 1 refused", dry.Out, StringComparison.Ordinal);
        Assert.Contains($"line 9: hold-market-day refused: not-found: Market {slug}/m-nergens is not registered.", dry.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corrections_and_retractions_name_the_event_and_one_field_and_a_bad_one_is_refused_with_its_line()
    {
        const string slug = "markt-correctie";
        Assert.Equal(0, (await RunAsync(Write("campagne.csv", CampaignFile(slug, Today)), "--delimiter", ";")).Exit);
        using var api = Api();
        var entries = (await api.GetJsonAsync($"/api/campaigns/{slug}/markets/m-hasselt/events")).EnumerateArray()
            .Single(e => e.GetProperty("eventType").GetString() == "EntriesRegistered.v1").GetProperty("eventId").GetString();
        var action = (await api.GetJsonAsync($"/api/campaigns/{slug}/events")).EnumerateArray()
            .Single(e => e.GetProperty("eventType").GetString() == "CampaignActionHeld.v1").GetProperty("eventId").GetString();

        string[] bad =
        [
            "action;campaign;market;eventId;field;newValue;reason",
            $"correct-market;{slug};m-hasselt;{entries};count;300;Telfout",
            $"retract-campaign-event;{slug};;niet-een-id;;;Dubbel",
            $"correct-market;{slug};m-hasselt;{entries};;;Geen veld",
        ];
        var refused = await RunAsync(Write("fout.csv", bad), "--delimiter", ";");
        Assert.Equal(1, refused.Exit);
        Assert.Contains("line 3: retract-campaign-event invalid: eventId is not an event id (a UUID)", refused.Out, StringComparison.Ordinal);
        Assert.Contains("line 4: correct-market invalid: changes names at least one field to correct", refused.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing was stored", refused.Out, StringComparison.Ordinal);

        string[] good =
        [
            "action;campaign;market;eventId;field;newValue;reason",
            $"correct-market;{slug};m-hasselt;{entries};count;300;Telfout",
            $"retract-campaign-event;{slug};;{action};;;Dubbel geregistreerd",
        ];
        var run = await RunAsync(Write("goed.csv", good), "--delimiter", ";");
        Assert.True(run.Exit == 0, run.Out + run.Error);
        Assert.Contains("2 stored, 0 replayed", run.Out, StringComparison.Ordinal);
        var corrected = (await api.GetJsonAsync($"/api/campaigns/{slug}/markets/m-hasselt/events")).EnumerateArray().Last();
        Assert.Equal("MarketCorrected.v1", corrected.GetProperty("eventType").GetString());
        Assert.Contains("300", corrected.GetProperty("data").GetRawText(), StringComparison.Ordinal);
        Assert.Empty((await api.GetJsonAsync($"/api/campaigns/{slug}")).GetProperty("actions").EnumerateArray());

        // The same correction again is a replay; a second correction to the same value is refused by the market with its line.
        var again = await RunAsync(Write("goed.csv", good), "--delimiter", ";");
        Assert.Contains("0 stored, 2 replayed", again.Out, StringComparison.Ordinal);
        var twice = await RunAsync(Write("twee.csv", [good[0], $"correct-market;{slug};m-hasselt;{entries};count;300;Nog eens"]), "--delimiter", ";");
        Assert.Equal(1, twice.Exit);
        Assert.Contains("line 2: correct-market refused: invalid: changes[0].newValue is the value the field has already", twice.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_is_registered_in_places_by_the_import_and_a_former_code_is_read_as_its_2025_municipality_in_the_rows_reason()
    {
        var file = Write("plaatsen.csv",
        [
            "action,leadProvince,externalRef,title,domain,municipalities",
            "register-project,limburg,PL-1,Kanaal Hasselt,spatial-economy,71022|71004",
            "locate-project,limburg,PL-1,,,71072",
        ]);

        var run = await RunAsync(file, "--report", Path.Combine(_folder, "plaatsen.json"));

        Assert.Equal(0, run.Exit);
        var rows = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "plaatsen.json"))).RootElement.GetProperty("rows");
        Assert.Equal("stored,stored", string.Join(",", rows.EnumerateArray().Select(r => r.GetProperty("outcome").GetString())));
        Assert.Equal("municipalities[0] 71022 (Hasselt) is part of Hasselt (71072) since 1 January 2025", rows[0].GetProperty("reason").GetString());
        Assert.Equal("Gemeenten nr. 1: 71022 (Hasselt) is sinds 1 januari 2025 deel van Hasselt (71072).", rows[0].GetProperty("reasonNl").GetString());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("reason").ValueKind);
        Assert.Equal(["71072"], (await ProjectAsync("limburg", "PL-1"))!.Value.GetProperty("municipalities").EnumerateArray().Select(m => m.GetString()));
    }
}
