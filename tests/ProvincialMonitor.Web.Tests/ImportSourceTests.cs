using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Dashboard.Import;
using ProvincialMonitor.Silo.Security;

namespace ProvincialMonitor.Web.Tests;

/// <summary>The dashboard's upload page on a real silo: the file goes to the import service in-process, as the circuit's user, with the source import.</summary>
public sealed class ImportSourceTests : IAsyncLifetime
{
    private readonly SiloFactory _silo = SiloFactory.Embedded();

    private static readonly Actor Officer = new("u-upload-officer", Roles.Officer, ["limburg"], []);

    private const string Csv =
        "action;leadProvince;externalRef;title;domain;grantRef;amount;funder\r\n" +
        "register-project;limburg;UPL-01;Leerhub Genk;labour-market;;;\r\n" +
        "grant-subsidy;limburg;UPL-01;;;UPL-G1;125000,50;province\r\n";

    public Task InitializeAsync()
    {
        _ = _silo.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private IImportSource Imports => _silo.Services.GetRequiredService<IImportSource>();

    private static System.Security.Claims.ClaimsPrincipal User(Actor actor) => ActorClaims.ToPrincipal(actor, "Cookies", "Test user");

    private static MemoryStream File(string text) => new(Encoding.UTF8.GetBytes(text));

    private static readonly ImportRequest SemicolonComma = new(';', DecimalComma: true, Partial: false, DryRun: false);

    private async Task<ImportStatus> DoneAsync(Actor actor, Guid id)
    {
        for (var i = 0; i < 300; i++)
        {
            var status = await Imports.StatusAsync(User(actor), id);
            Assert.NotNull(status);
            if (status.Done) return status;
            await Task.Delay(100);
        }
        throw new TimeoutException($"import {id} did not finish");
    }

    /// <summary>The stored events whose metadata names the source import, in order.</summary>
    private async Task<List<ProvincialMonitor.EventStore.RecordedEvent>> ImportedAsync() =>
        await _silo.Store.ReadAllAsync().Where(e => JsonDocument.Parse(e.Metadata).RootElement.GetProperty("source").GetString() == "import").ToListAsync();

    [Fact]
    public async Task A_file_is_stored_as_the_users_actor_with_source_import_and_a_second_time_replayed()
    {
        var start = await Imports.StartAsync(User(Officer), File(Csv), SemicolonComma);
        Assert.Null(start.Problem);
        var done = await DoneAsync(Officer, start.Job!.Id);

        Assert.Equal("done", done.Status);
        Assert.True(done.Succeeded);
        Assert.Equal(2, done.Stored);
        Assert.Empty(done.BadRows);
        var imported = await ImportedAsync();
        Assert.Equal(["ProjectRegistered.v1", "SubsidyGranted.v2"], imported.Select(e => e.EventType));
        Assert.All(imported, e => Assert.Equal("u-upload-officer", JsonDocument.Parse(e.Metadata).RootElement.GetProperty("actor").GetString()));
        Assert.Equal(125000.50m, JsonDocument.Parse(imported[1].Data).RootElement.GetProperty("amount").GetDecimal());

        // The page's report link: GET /api/imports/{id}/report, for the uploader or an admin.
        using var admin = _silo.CreateClient();
        var report = await admin.GetAsync(new Uri($"api/imports/{done.Id}/report?format=csv", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, report.StatusCode);
        var lines = (await report.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["line;action;outcome", "2;register-project;stored", "3;grant-subsidy;stored"], lines.Select(l => string.Join(';', l.Split(';').Take(3))));

        var again = await DoneAsync(Officer, (await Imports.StartAsync(User(Officer), File(Csv), SemicolonComma)).Job!.Id);
        Assert.Equal(2, again.Replayed);
        Assert.Equal(0, again.Stored);
    }

    [Fact]
    public async Task Bad_rows_come_back_with_their_line_and_nothing_is_stored_without_partial()
    {
        var csv = Csv + "grant-subsidy;limburg;UPL-01;;;UPL-G2;12,345;province\r\n";

        var done = await DoneAsync(Officer, (await Imports.StartAsync(User(Officer), File(csv), SemicolonComma)).Job!.Id);

        Assert.Equal(1, done.Invalid);
        Assert.Equal(2, done.Skipped);
        var bad = Assert.Single(done.BadRows);
        Assert.Equal(4, bad.Line);
        Assert.Equal("invalid", bad.Outcome);
        Assert.Equal("amount", Assert.Single(bad.Why!.Errors).Field);
        Assert.Empty(await ImportedAsync());
    }

    [Fact]
    public async Task Readers_other_users_bad_files_and_bad_options_are_refused()
    {
        var deputy = new Actor("u-upload-deputy", Roles.Deputy, [], []);
        Assert.Contains("deputy", (await Imports.StartAsync(User(deputy), File(Csv), SemicolonComma)).Problem, StringComparison.Ordinal);
        Assert.Contains("not UTF-8", (await Imports.StartAsync(User(Officer), new MemoryStream([0x61, 0x63, 0xFF, 0x0A]), SemicolonComma)).Problem, StringComparison.Ordinal);
        Assert.Contains("no column 'action'", (await Imports.StartAsync(User(Officer), File("wat;titel\r\nx;y\r\n"), SemicolonComma)).Problem, StringComparison.Ordinal);
        Assert.NotNull((await Imports.StartAsync(User(Officer), File(Csv), new ImportRequest(',', DecimalComma: true, Partial: false, DryRun: false))).Problem);

        var start = await Imports.StartAsync(User(Officer), File(Csv), SemicolonComma with { DryRun = true });
        var done = await DoneAsync(Officer, start.Job!.Id);
        Assert.Equal(2, done.Accepted);
        Assert.Empty(await ImportedAsync());
        var other = new Actor("u-upload-other", Roles.Officer, ["limburg"], []);
        Assert.Null(await Imports.StatusAsync(User(other), start.Job.Id));
    }
}
