using System.Net;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Silo.Cli;

namespace ProvincialMonitor.Web.Tests;

/// <summary>The CLI verbs against a silo on a real port, as an administrator would type them.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class CliTests : IAsyncLifetime
{
    private readonly SiloFactory _silo = SiloFactory.Embedded();
    private string _url = "";

    public Task InitializeAsync()
    {
        _url = _silo.ServeOnKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private Task<(int Exit, string Out, string Error)> RunAsync(params string[] args) => CliRunner.RunAsync(_url, args);

    [Fact]
    public async Task An_administrator_manages_users_with_the_user_verb()
    {
        var admin = SiloFactory.AdminKey;

        var added = await RunAsync("user", "add", "lies.maes", "--role", "officer", "--scope", "limburg,antwerpen", "--name", "Lies Maes",
            "--password", "een lang wachtwoord", "--api-key", admin);
        var listed = await RunAsync("user", "list", "--api-key", admin);
        var password = await RunAsync("user", "set-password", "lies.maes", "--password", "nog een lang wachtwoord", "--api-key", admin);
        var disabled = await RunAsync("user", "disable", "lies.maes", "--api-key", admin);
        var listedAgain = await RunAsync("user", "list", "--api-key", admin);
        var tooShort = await RunAsync("user", "add", "kort", "--role", "deputy", "--password", "kort", "--api-key", admin);

        Assert.Equal(0, added.Exit);
        Assert.Contains("lies.maes", added.Out, StringComparison.Ordinal);
        Assert.Contains("limburg,antwerpen", listed.Out, StringComparison.Ordinal);
        Assert.Equal((0, 0), (password.Exit, disabled.Exit));
        Assert.Contains("disabled", listedAgain.Out.Split('\n').Single(l => l.StartsWith("lies.maes", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(1, tooShort.Exit);
        Assert.Contains("password", tooShort.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_key_made_with_the_apikey_verb_works_until_it_is_revoked()
    {
        var created = await RunAsync("apikey", "create", "--role", "auditor", "--label", "jaarverslag", "--api-key", SiloFactory.AdminKey);
        var lines = created.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var key = lines[^1];
        var keyId = lines[0].Split(' ')[2];
        using var client = new HttpClient { BaseAddress = new Uri(_url) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);

        var read = await client.GetAsync(new Uri("/api/provinces", UriKind.Relative));
        var write = await client.PostJsonAsync("/api/provinces/limburg/budgets", """{"domain":"labour-market","year":2031,"amount":1,"decisionRef":"PR-2025-T"}""");
        var listed = await RunAsync("apikey", "list", "--api-key", SiloFactory.AdminKey);
        var revoked = await RunAsync("apikey", "revoke", keyId, "--api-key", SiloFactory.AdminKey);
        var after = await client.GetAsync(new Uri("/api/provinces", UriKind.Relative));

        Assert.Equal(0, created.Exit);
        Assert.StartsWith("pmk_", key, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("jaarverslag", listed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed.Out, StringComparison.Ordinal);
        Assert.Equal(0, revoked.Exit);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Rebuild_projections_folds_the_log_again_with_progress_and_the_same_figures()
    {
        using var api = new HttpClient { BaseAddress = new Uri(_url) };
        api.DefaultRequestHeaders.Add("X-Api-Key", SiloFactory.AdminKey);
        await api.PostJsonAsync("/api/provinces/limburg/budgets", """{"domain":"labour-market","year":2032,"amount":777,"decisionRef":"PR-2025-T"}""");
        string before;
        var deadline = MonitorClock.System.Now.UtcDateTime.AddSeconds(15);
        do before = await api.GetStringAsync(new Uri("/api/indicators/provinces/limburg", UriKind.Relative));
        while (!before.Contains("777", StringComparison.Ordinal) && MonitorClock.System.Now.UtcDateTime < deadline);

        var rebuilt = await RunAsync("rebuild-projections", "--api-key", SiloFactory.AdminKey);
        var after = await api.GetStringAsync(new Uri("/api/indicators/provinces/limburg", UriKind.Relative));

        Assert.Equal(0, rebuilt.Exit);
        Assert.Contains("indicators:", rebuilt.Out, StringComparison.Ordinal);
        Assert.Contains("(100 %)", rebuilt.Out, StringComparison.Ordinal);
        Assert.Equal(Measures(before), Measures(after));
    }

    private static string Measures(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("measures").ToString();

    [Fact]
    public async Task Mistakes_get_a_clear_message_and_a_non_zero_exit()
    {
        var wrongKey = await RunAsync("user", "list", "--api-key", "pmk_wrong");
        var noRole = await RunAsync("apikey", "create", "--api-key", SiloFactory.AdminKey);
        var unknown = await RunAsync("user", "fly", "--api-key", SiloFactory.AdminKey);

        Assert.Equal(1, wrongKey.Exit);
        Assert.Contains("401", wrongKey.Error, StringComparison.Ordinal);
        Assert.Equal(2, noRole.Exit);
        Assert.Contains("--role", noRole.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("usage", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_checks_the_chain_against_a_receipt_and_the_signed_anchors_and_refuses_forged_anchors()
    {
        var admin = SiloFactory.AdminKey;
        var anchors = Path.Combine(_silo.DataDirectory, "anchors");
        var publicKey = Path.Combine(_silo.DataDirectory, "anchor-public-key.pem");
        var grains = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IGrainFactory>(_silo.Services);
        // The silo anchored at start (none was there); record something and anchor again, as the daily reminder would.
        using (var http = _silo.CreateClient())
            Assert.True((await http.PostJsonAsync("/api/provinces/limburg/budgets", """{"domain":"labour-market","year":2033,"amount":1234,"decisionRef":"PR-2025-T"}""")).IsSuccessStatusCode);
        var anchored = await grains.GetGrain<ProvincialMonitor.Grains.Audit.IAnchorGrain>(ProvincialMonitor.Grains.Audit.AnchorGrain.Key).AnchorNow();
        var head = await _silo.Store.GetHeadAsync();

        var verified = await RunAsync("verify", "--anchors", anchors, "--public-key", publicKey, "--api-key", admin);
        var withReceipt = await RunAsync("verify", "--receipt", $"{head.Position}:{head.Hash}", "--api-key", admin);
        var badReceipt = await RunAsync("verify", "--receipt", "12-abc", "--api-key", admin);
        var file = Directory.GetFiles(anchors).Single();
        var lines = await File.ReadAllLinesAsync(file);
        await File.WriteAllLinesAsync(file, [.. lines[..^1], lines[^1].Replace(head.Hash[..8], "00000000", StringComparison.Ordinal)]);
        var forged = await RunAsync("verify", "--anchors", anchors, "--public-key", publicKey, "--api-key", admin);

        Assert.Equal(head.Position, anchored);
        Assert.True(verified.Exit == 0, verified.Out + verified.Error);
        Assert.Contains("2 anchor(s) with valid signatures", verified.Out, StringComparison.Ordinal);
        Assert.Contains($"Intact up to position {head.Position}", verified.Out, StringComparison.Ordinal);
        Assert.True(withReceipt.Exit == 0, withReceipt.Out + withReceipt.Error);
        Assert.Contains("unchanged", withReceipt.Out, StringComparison.Ordinal);
        Assert.Equal(2, badReceipt.Exit);
        Assert.Equal(1, forged.Exit);
        Assert.Contains("line 2: the signature does not match the public key", forged.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_writes_the_filtered_log_to_a_file_with_the_chain_head_it_was_made_at()
    {
        var file = Path.Combine(_silo.DataDirectory, "export.jsonl");

        var exported = await RunAsync("export", "--out", file, "--format", "jsonl", "--province", "limburg", "--type", "PopulationRecorded.v1", "--api-key", SiloFactory.AdminKey);
        var missingOut = await RunAsync("export", "--format", "csv", "--api-key", SiloFactory.AdminKey);
        var badFormat = await RunAsync("export", "--out", file + ".x", "--format", "pdf", "--api-key", SiloFactory.AdminKey);

        Assert.True(exported.Exit == 0, exported.Out + exported.Error);
        var lines = await File.ReadAllLinesAsync(file);
        var head = System.Text.Json.JsonDocument.Parse(lines[0]).RootElement.GetProperty("chainHead");
        Assert.Contains($"at chain head {head.GetProperty("position").GetInt64()}:{head.GetProperty("hash").GetString()}", exported.Out, StringComparison.Ordinal);
        Assert.True(lines.Length >= 2);
        Assert.All(lines.Skip(1), l => Assert.Contains("\"eventType\":\"PopulationRecorded.v1\"", l, StringComparison.Ordinal));
        Assert.Equal(2, missingOut.Exit);
        Assert.Equal(1, badFormat.Exit);
        Assert.Contains("format", badFormat.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file + ".x"));
    }
}

/// <summary>Tests that redirect the console run one at a time.</summary>
[CollectionDefinition(nameof(ConsoleCapture), DisableParallelization = true)]
public sealed class ConsoleCapture;
