using System.Net;
using System.Reflection;
using System.Text.Json;
using ActionResponse = ProvincialMonitor.Contracts.Commands.ActionResponse;
using CreatedResponse = ProvincialMonitor.Contracts.Commands.CreatedResponse;
using ProvincialMonitor.Contracts.Live;
using ProvincialMonitor.Contracts.Views;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Client;
using ProvincialMonitor.Client.Actions;

namespace ProvincialMonitor.Web.Tests;

/// <summary>The client's typed actions: written from the command catalog, one method per route, and working against a real silo.</summary>
public sealed class ClientActionsTests : IAsyncLifetime
{
    private readonly SiloFactory _silo = SiloFactory.Embedded();
    private ProvincialMonitorClient _client = null!;

    public Task InitializeAsync()
    {
        _client = ProvincialMonitorClient.Create(new() { BaseAddress = new Uri(_silo.ServeOnKestrel()), ApiKey = SiloFactory.AdminKey });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _silo.DisposeAsync();
    }

    [Fact]
    public async Task The_file_in_the_client_is_what_the_catalog_writes()
    {
        var path = Path.Combine(OpenApiDocumentTests.RepositoryRoot(), ClientActionsSource.RelativePath);
        var written = ClientActionsSource.Write();
        if (Environment.GetEnvironmentVariable(OpenApiDocumentTests.UpdateVariable) == "1") await File.WriteAllTextAsync(path, written);
        Assert.True(written == (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n"),
            $"{ClientActionsSource.RelativePath} differs from the command catalog: run {OpenApiDocumentTests.UpdateVariable}=1 dotnet test tests/ProvincialMonitor.Web.Tests --filter ClientActionsTests, and review the difference.");
    }

    [Fact]
    public void Every_route_of_the_catalog_has_one_method_taking_its_route_values_and_its_body()
    {
        var methods = typeof(ActionMethods).GetMethods(BindingFlags.Public | BindingFlags.Static).ToDictionary(m => m.Name);
        foreach (var entry in ClientActionsSource.Routed)
        {
            var method = methods[$"{entry.Command.Name}Async"];
            var parameters = method.GetParameters().Select(p => (p.Name, p.ParameterType.Name)).ToList();
            Assert.Equal(
                [("client", nameof(ProvincialMonitorClient)), .. ClientActionsSource.RouteValues(entry.Route!).Select(v => ((string?)v, "String")), ("action", entry.Command.Name), ("idempotencyKey", "String"), ("cancellationToken", nameof(CancellationToken))],
                parameters);
        }
        Assert.Equal(ClientActionsSource.Routed.Count(), methods.Count);
    }

    [Fact]
    public void What_the_client_writes_and_reads_has_a_JSON_contract_made_at_build_time()
    {
        // Without reflection, as in a native AOT or file-based app: only the contracts made at build time.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = ClientJson.Contracts,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        };
        static Type? ResultOf(MethodInfo m) => m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(Task<>) ? m.ReturnType.GetGenericArguments()[0] : null;
        var bodies = typeof(ActionMethods).GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.GetParameters().Single(p => p.Name == "action").ParameterType);
        var reads = typeof(ProvincialMonitorClient).GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => !m.IsGenericMethod).Select(ResultOf);
        var hub = typeof(IIndicatorsClient).GetMethods().SelectMany(m => m.GetParameters().Select(p => p.ParameterType))
            .Concat(typeof(IIndicatorsHub).GetMethods().Select(ResultOf));
        var answers = typeof(CommandResult).GetConstructors().Single().GetParameters().Select(p => p.ParameterType).Where(t => t.IsClass && t != typeof(string));

        var types = bodies.Concat(reads).Concat(hub).Concat(answers).Append(typeof(CreatedResponse)).Append(typeof(ApiProblem))
            .OfType<Type>().Where(t => t != typeof(CommandResult)).Distinct().ToList();
        Assert.Contains(typeof(ScopeIndicators), types);
        Assert.Contains(typeof(ActionResponse), types);
        var missing = types.Where(t => ClientJson.Contracts.GetTypeInfo(t, options) is null).Select(t => t.Name).ToList();
        Assert.Empty(missing);

        var json = JsonSerializer.Serialize(new GrantSubsidy { GrantRef = "G-1", Amount = 1250.5m, Funder = "pom" }, options);
        Assert.Equal("""{"grantRef":"G-1","amount":1250.5,"funder":"pom"}""", json);
    }

    [Fact]
    public async Task A_project_its_grant_and_a_payment_go_through_the_typed_methods_and_a_wrong_value_is_refused_by_name()
    {
        var today = _silo.Services.GetRequiredService<ProvincialMonitor.Contracts.MonitorClock>().Today;
        var registered = await _client.RegisterProjectAsync(new RegisterProject { Title = "Eiland Zwijnaarde", LeadProvince = "oost-vlaanderen", Domain = "spatial-economy" });
        var id = registered.CreatedId!;
        await _client.GrantSubsidyAsync(id, new GrantSubsidy { GrantRef = "EZ-G1", Amount = 250_000m, Funder = "pom", EffectiveDate = today });
        var paid = await _client.PaySubsidyAsync(id, new PaySubsidy { GrantRef = "EZ-G1", PaymentRef = "EZ-P1", Amount = 100_000.50m });

        var events = (await _client.GetEventsAsync(stream: registered.Answer.StreamId)).Events.Select(e => e.EventType.Split('.')[0]).ToList();
        Assert.Equal(["ProjectRegistered", "SubsidyGranted", "SubsidyPaid"], events);
        Assert.Equal(3, paid.Answer.Version);

        var refused = await Assert.ThrowsAsync<ApiProblemException>(() =>
            _client.GrantSubsidyAsync(id, new GrantSubsidy { GrantRef = "EZ-G2", Amount = 5m, Funder = "somebody" }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["funder"], refused.Problem.Fields);
        Assert.Equal(3, (await _client.GetEventsAsync(stream: registered.Answer.StreamId)).Events.Count());
        await Assert.ThrowsAsync<ArgumentException>(() => _client.PaySubsidyAsync(" ", new PaySubsidy { GrantRef = "EZ-G1", PaymentRef = "EZ-P2", Amount = 1m }));
    }
}
