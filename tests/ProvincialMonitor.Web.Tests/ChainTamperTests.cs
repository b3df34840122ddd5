using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProvincialMonitor.Dashboard.Audit;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Audit;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// The tamper suite (docs/audit.md), per backend: a silo records events and anchors twice, stops; the store is
/// changed behind its back; a silo started on it reports Degraded (<c>chain</c>), <c>provmon_chain_intact</c> 0 and
/// the banner's alarm, an anchor written then records the break; <c>POST /api/audit/verify</c>, the dashboard's check,
/// the CLI's <c>verify</c> through the silo and the CLI's <c>verify</c> on the store itself report the break: at its
/// position for a change in place, as the range between the anchors around it for a recomputed chain, at the anchor a
/// truncation removed.
/// </summary>
public abstract class ChainTamperTests : IAsyncLifetime
{
    /// <summary>The events of the first silo; the anchors are at <see cref="First"/> and <see cref="Second"/>, a few events follow the second.</summary>
    protected List<RecordedEvent> Events { get; } = [];

    protected long First { get; private set; }

    protected long Second { get; private set; }

    protected abstract SiloFactory StartSilo();

    protected abstract Task TamperAsync(string sql);

    protected abstract string BlobLiteral(string hex);

    /// <summary>The silo's anchor folder, its one witness, and the signing key (the public key lies beside it).</summary>
    protected abstract string AnchorsFolder { get; }

    protected abstract string Witness { get; }

    protected abstract string PrivateKeyFile { get; }

    /// <summary>How the offline <c>verify</c> names the store: <c>--data DIR</c> or <c>--connection CS</c>.</summary>
    protected abstract string[] StoreArguments { get; }

    private string[] AnchorArguments =>
        ["--anchors", AnchorsFolder, "--public-key", Path.Combine(Path.GetDirectoryName(PrivateKeyFile)!, AnchorKeys.PublicKeyFileName), "--witness", Witness];

    public async Task InitializeAsync()
    {
        await using var silo = StartSilo();
        using var client = silo.CreateClient();
        var anchors = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IAnchorGrain>(AnchorGrain.Key);
        await RecordAsync(client, "A", 6);
        First = (await anchors.AnchorNow())!.Value;
        await RecordAsync(client, "B", 6);
        Second = (await anchors.AnchorNow())!.Value;
        await RecordAsync(client, "C", 3);
        await foreach (var e in silo.Store.ReadAllAsync()) Events.Add(e);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static async Task RecordAsync(HttpClient client, string batch, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            var response = await client.PostJsonAsync("/api/projects",
                $$"""{"title":"Tamper-{{batch}}{{i}}","leadProvince":"limburg","domain":"spatial-economy","effectiveDate":"2026-01-10"}""");
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>A position of one of the test's own events: the project registered as <c>Tamper-{title}</c>.</summary>
    protected long PositionOf(string title) =>
        Events.Single(e => e.Data.Contains($"\"Tamper-{title}\"", StringComparison.Ordinal)).Position;

    [Fact]
    public async Task A_changed_field_is_found_at_its_position()
    {
        var changed = PositionOf("A3");
        await TamperAsync($"UPDATE events SET data = replace(data, 'Tamper-A3', 'Tamper-X3') WHERE position = {changed}");

        var verified = await StartOnTamperedStoreAsync(changed);

        Assert.Equal((changed, "changed"), (verified.GetProperty("breakPosition").GetInt64(), verified.GetProperty("break").GetString()));
    }

    [Fact]
    public async Task A_changed_actor_is_found_at_its_position()
    {
        var changed = PositionOf("A4");
        await TamperAsync($"UPDATE events SET actor = 'u-someone-else' WHERE position = {changed}");

        var verified = await StartOnTamperedStoreAsync(changed);

        Assert.Equal((changed, "changed"), (verified.GetProperty("breakPosition").GetInt64(), verified.GetProperty("break").GetString()));
    }

    [Fact]
    public async Task A_deleted_row_with_the_later_rows_renumbered_is_found_at_its_position()
    {
        var deleted = PositionOf("A2");
        var head = Events[^1].Position;
        await TamperAsync($"DELETE FROM events WHERE position = {deleted}; " + string.Concat(
            Enumerable.Range((int)deleted + 1, (int)(head - deleted)).Select(p => $"UPDATE events SET position = {p - 1} WHERE position = {p}; ")));

        var verified = await StartOnTamperedStoreAsync(deleted);

        Assert.Equal((deleted, "missing"), (verified.GetProperty("breakPosition").GetInt64(), verified.GetProperty("break").GetString()));
    }

    [Fact]
    public async Task A_swapped_pair_is_found_at_the_first_of_the_two()
    {
        var first = PositionOf("B2");
        await TamperAsync($"""
            UPDATE events SET position = -1 WHERE position = {first};
            UPDATE events SET position = {first} WHERE position = {first + 1};
            UPDATE events SET position = {first + 1} WHERE position = -1;
            """);

        var verified = await StartOnTamperedStoreAsync(first);

        Assert.Equal((first, "reordered"), (verified.GetProperty("breakPosition").GetInt64(), verified.GetProperty("break").GetString()));
    }

    [Fact]
    public async Task A_recomputed_chain_is_found_between_the_anchor_before_the_change_and_the_first_after_it()
    {
        var changed = PositionOf("B3");
        await TamperAsync(Recompute(changed, e => e with { Data = e.Data.Replace("Tamper-B3", "Tamper-X3", StringComparison.Ordinal) }));

        var verified = await StartOnTamperedStoreAsync(Second);

        AssertRange(verified, changed);
    }

    [Fact]
    public async Task A_truncation_past_an_anchor_is_found_at_the_anchor_it_removed()
    {
        var kept = PositionOf("B1");
        await TamperAsync($"DELETE FROM events WHERE position > {kept}");

        var verified = await StartOnTamperedStoreAsync(null);

        Assert.Equal((Second, "missing", kept), (verified.GetProperty("breakPosition").GetInt64(), verified.GetProperty("break").GetString(),
            verified.GetProperty("verifiedUpTo").GetInt64()));
    }

    /// <summary>
    /// Whoever holds the anchor folder and the signing key recomputes the chain after a change and re-signs the anchors
    /// in the anchor folder to match it: the witness, which they cannot write, still holds the true heads. The silo's
    /// API, the dashboard and the CLI report the break between the anchors around the change.
    /// </summary>
    [Fact]
    public async Task Anchors_re_signed_with_the_silos_own_key_are_caught_by_a_witness_also_through_the_cli()
    {
        var changed = PositionOf("B3");
        await TamperAsync(Recompute(changed, e => e with { Data = e.Data.Replace("Tamper-B3", "Tamper-X3", StringComparison.Ordinal) }));
        using (var key = AnchorFiles.LoadKey(PrivateKeyFile))
            foreach (var file in Directory.GetFiles(AnchorsFolder, "anchors-*.jsonl"))
            {
                var lines = File.ReadAllLines(file).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<Anchor>(l)!).Select(a =>
                {
                    if (!Forged.TryGetValue(a.Position, out var hash)) return a;
                    var signature = key.SignData(Anchor.SignedBytes(a.Position, hash, a.AnchoredAt), System.Security.Cryptography.HashAlgorithmName.SHA256);
                    return a with { Hash = hash, Signature = Convert.ToBase64String(signature) };
                });
                await File.WriteAllLinesAsync(file, lines.Select(a => JsonSerializer.Serialize(a)));
            }
        Assert.Contains(AnchorFiles.Read(AnchorsFolder).Anchors, a => a.Hash == Forged[Second]);

        var verified = await StartOnTamperedStoreAsync(Second);

        AssertRange(verified, changed);
        await using var silo = StartSilo();
        var cli = await CliRunner.RunAsync(silo.ServeOnKestrel(), "verify", "--api-key", SiloFactory.AdminKey);
        Assert.Equal(1, cli.Exit);
        Assert.Contains($"after position {First} and at or before {Second}", cli.Out, StringComparison.Ordinal);
        // The acknowledgement is in the audit trail: a silo started again finds the break, keeps the banner hidden, stays Degraded.
        Assert.Equal(Second, silo.Services.GetRequiredService<ChainGuard>().Break?.Position);
        Assert.Null(await silo.Services.GetRequiredService<IAuditSource>().AlarmAsync());
    }

    /// <summary>The break lies after the newest anchor that still matches and at or before the first that does not; the changed row is inside.</summary>
    protected void AssertRange(JsonElement verified, long changed)
    {
        Assert.Equal((First, Second, "changed"), (verified.GetProperty("verifiedUpTo").GetInt64(), verified.GetProperty("breakPosition").GetInt64(),
            verified.GetProperty("break").GetString()));
        Assert.InRange(changed, First + 1, Second);
        Assert.Contains($"after position {First} and at or before {Second}", verified.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The hashes of the forged chain the last <see cref="Recompute"/> made, by position.</summary>
    protected Dictionary<long, string> Forged { get; } = [];

    /// <summary>SQL that rewrites the row at <paramref name="from"/> and recomputes its hash and every later one, as someone with the database can.</summary>
    protected string Recompute(long from, Func<RecordedEvent, RecordedEvent> change)
    {
        var sql = new StringBuilder();
        Forged.Clear();
        var prev = Events.Single(e => e.Position == from - 1).Hash;
        foreach (var e in Events.Where(e => e.Position >= from))
        {
            var rewritten = (e.Position == from ? change(e) : e) with { PrevHash = prev };
            var hash = EventHashing.Hash(rewritten);
            Forged[e.Position] = hash;
            sql.Append(CultureInfo.InvariantCulture,
                $"UPDATE events SET data = '{rewritten.Data.Replace("'", "''", StringComparison.Ordinal)}', actor = '{rewritten.Tags.Actor}', prev_hash = {BlobLiteral(prev)}, hash = {BlobLiteral(hash)} WHERE position = {e.Position};\n");
            prev = hash;
        }
        return sql.ToString();
    }

    /// <summary>
    /// Starts a silo on the tampered store; checks that it reports the break (Degraded without a position for anyone,
    /// the metric at 0, the alarm at <paramref name="alarmAt"/> when given), that an admin's acknowledgement hides
    /// the alarm only, and returns what <c>POST /api/audit/verify</c> answers.
    /// </summary>
    protected async Task<JsonElement> StartOnTamperedStoreAsync(long? alarmAt)
    {
        await using var silo = StartSilo();
        var url = silo.ServeOnKestrel();
        using var admin = silo.CreateClient();
        using var anonymous = silo.CreateAnonymousClient();

        // The anchors find a recomputed chain or a cut at start; a change in place waits for the check of the whole log.
        var guard = silo.Services.GetRequiredService<ChainGuard>();
        for (var waited = 0; guard.Break is null || (alarmAt is { } p && guard.Break.Position != p); waited++)
        {
            Assert.True(waited < 600, $"no break found (yet): {guard.Break}");
            await Task.Delay(100);
        }
        var ready = await anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var health = await ready.JsonAsync();
        var chain = health.GetProperty("checks").GetProperty("chain");
        var metrics = await admin.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var alarm = await silo.Services.GetRequiredService<IAuditSource>().AlarmAsync();

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(("Degraded", "Degraded"), (health.GetProperty("status").GetString(), chain.GetProperty("status").GetString()));
        Assert.DoesNotContain(chain.GetProperty("description").GetString()!, char.IsDigit);
        Assert.Matches(@"(?m)^provmon_chain_intact(\{[^}]*\})? 0( |$)", metrics);
        Assert.NotNull(alarm);
        Assert.Equal(guard.Break!.Position, alarm.Position);
        // Monitoring goes on: an anchor is still written, and it records the break instead of vouching for the chain.
        var anchoredAt = await silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IAnchorGrain>(AnchorGrain.Key).AnchorNow();
        foreach (var folder in new[] { AnchorsFolder, Witness })
            Assert.Contains(AnchorFiles.Read(folder).Anchors, a => a.Position == anchoredAt && a.BrokenAt == guard.Break.Position && !a.Vouches);

        var verify = await admin.PostJsonAsync("/api/audit/verify", "{}");
        var verified = await verify.JsonAsync();
        var auditor = ProvincialMonitor.Silo.Security.ActorClaims.ToPrincipal(new ProvincialMonitor.Contracts.Actor("u-auditor", "auditor", [], []), "test");
        var onTheDashboard = await silo.Services.GetRequiredService<IAuditSource>().VerifyAsync(auditor, null, null, CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        Assert.False(verified.GetProperty("intact").GetBoolean(), verified.ToString());
        // The API's verification is recorded first, so the dashboard's may see one event more after a cut.
        Assert.Equal((false, verified.GetProperty("breakPosition").GetInt64(), verified.GetProperty("break").GetString()),
            (onTheDashboard.Intact, onTheDashboard.BreakPosition!.Value, onTheDashboard.Break));
        Assert.Contains(verified.GetProperty("recordedBreaks").EnumerateArray(), b => b.GetProperty("brokenAt").GetInt64() == guard.Break.Position);
        Assert.Contains($"found the chain broken at position {guard.Break.Position}", verified.GetProperty("message").GetString() + onTheDashboard.Message, StringComparison.Ordinal);

        // The CLI, as an auditor runs it with the anchors and the public key: through the silo, and on the store itself.
        var breakPosition = verified.GetProperty("breakPosition").GetInt64();
        var online = await CliRunner.RunAsync(url, ["verify", "--api-key", SiloFactory.AdminKey, .. AnchorArguments]);
        var offline = await CliRunner.RunOfflineAsync(["verify", .. StoreArguments, .. AnchorArguments]);
        Assert.Equal(1, online.Exit);
        Assert.Contains($"Broken at position {breakPosition}: {verified.GetProperty("break").GetString()}", online.Out, StringComparison.Ordinal);
        Assert.Equal(1, offline.Exit);
        Assert.Contains($"NOT VERIFIED: {onTheDashboard.Break} at position {breakPosition}", offline.Out, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"records that the silo found the chain broken at position {guard.Break.Position}", offline.Out, StringComparison.Ordinal);

        var noReason = await admin.PostJsonAsync($"/api/audit/breaks/{alarm.Position}/acknowledge", """{"reason":" "}""");
        var acknowledged = await admin.PostJsonAsync($"/api/audit/breaks/{guard.Break.Position}/acknowledge", """{"reason":"restore from the backup is under way"}""");
        var trail = await admin.GetJsonAsync("/api/events?stream=audit-trail&type=ChainBreakAcknowledged.v1&direction=backwards&limit=1");
        var afterwards = await anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Null(await silo.Services.GetRequiredService<IAuditSource>().AlarmAsync());
        Assert.Contains("restore from the backup", trail.ToString(), StringComparison.Ordinal);
        Assert.Equal("Degraded", (await afterwards.JsonAsync()).GetProperty("checks").GetProperty("chain").GetProperty("status").GetString());
        return verified;
    }
}
