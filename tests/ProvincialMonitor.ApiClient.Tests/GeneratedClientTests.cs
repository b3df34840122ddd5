using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;
using ProvincialMonitor.Web.Tests;

namespace ProvincialMonitor.ApiClient.Tests;

/// <summary>
/// The OpenAPI document as an integrating team uses it: a C# client generated from the served document (NSwag, in
/// process), compiled (Roslyn, in memory) and called against a silo on a real port, typed answers and typed problems.
/// </summary>
public sealed class GeneratedClientTests : IAsyncLifetime
{
    private readonly SiloFactory _silo = SiloFactory.Embedded();
    private string _url = "";
    private object _client = null!;
    private Assembly _generated = null!;

    public async Task InitializeAsync()
    {
        _url = _silo.ServeOnKestrel();
        using var anonymous = new HttpClient();
        var json = await anonymous.GetStringAsync(new Uri(new Uri(_url), "/openapi/v1.json"));
        _generated = Compile(await GenerateAsync(json));
        var http = new HttpClient { BaseAddress = new Uri(_url) };
        http.DefaultRequestHeaders.Add("X-Api-Key", SiloFactory.AdminKey);
        var type = _generated.GetType("Generated.ProvmonClient")!;
        var constructor = type.GetConstructors().Single();
        _client = constructor.Invoke([.. constructor.GetParameters().Select(p => p.ParameterType == typeof(string) ? (object)_url : http)]);
        // The document names its server relatively ("/"): the client is given the silo's address.
        type.GetProperty("BaseUrl")?.SetValue(_client, _url);
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task A_generated_client_registers_grants_reads_typed_answers_and_gets_typed_problems()
    {
        var created = await CallAsync("RegisterProject", Body("RegisterProject",
            ("Title", "Havenkant"), ("LeadProvince", "limburg"), ("Domain", "spatial-economy")));
        var id = (string)Get(created, "Id");

        var grant = Body("GrantSubsidy", ("GrantRef", "G-1"), ("Amount", 1000m), ("Funder", "province"));
        var first = await CallAsync("GrantSubsidy", grant, ("id", id), ("idempotencyKey", "grant-g-1"));
        var again = await CallAsync("GrantSubsidy", grant, ("id", id), ("idempotencyKey", "grant-g-1"));
        Assert.False((bool)Get(first, "Replayed"));
        Assert.True((bool)Get(again, "Replayed"));
        Assert.Equal(Get(first, "Version"), Get(again, "Version"));

        var project = await CallAsync("GetProjectsId", null, ("id", id));
        Assert.Equal("Havenkant", Get(project, "Title"));
        var grants = (System.Collections.IDictionary)Get(project, "Grants");
        Assert.Equal(1000m, Convert.ToDecimal(Get(grants["G-1"]!, "Amount"), System.Globalization.CultureInfo.InvariantCulture));

        // Read routes answer their own types: the measure catalog, and the chain head at or after the grant's position.
        var measures = ((System.Collections.IEnumerable)await CallAsync("GetIndicatorsMeasures", null)).Cast<object>().ToList();
        Assert.Equal(ProvincialMonitor.Contracts.Measures.MeasureCatalog.All.Select(m => m.Code), measures.Select(m => (string)Get(m, "Code")));
        var head = await CallAsync("GetAuditHead", null);
        Assert.True((long)Get(head, "Position") >= (long)Get(again, "Position"));
        Assert.Equal(64, ((string)Get(head, "Hash")).Length);

        var overpaid = await ProblemAsync(() => CallAsync("PaySubsidy", Body("PaySubsidy", ("GrantRef", "G-1"), ("Amount", 5000m), ("PaymentRef", "P-1")), ("id", id)));
        Assert.Equal(409, overpaid.Status);
        Assert.Equal(ProvincialMonitor.Contracts.Commands.Refusals.GrantOverpaid.Code, Get(overpaid.Problem, "Code"));

        var stale = await ProblemAsync(() => CallAsync("AddPartner", Body("AddPartner", ("Name", "Gemeente Genk")), ("id", id), ("ifMatch", "\"1\"")));
        Assert.Equal(412, stale.Status);
        Assert.Equal("urn:provmon:problem:precondition-failed", Get(stale.Problem, "Type"));
    }

    private static async Task<string> GenerateAsync(string json)
    {
        var document = await OpenApiDocument.FromJsonAsync(json);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "ProvmonClient",
            UseBaseUrl = true,
            GenerateBaseUrlProperty = true,
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
        };
        settings.CSharpGeneratorSettings.Namespace = "Generated";
        return new CSharpClientGenerator(document, settings).GenerateFile();
    }

    private static Assembly Compile(string code)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location).Distinct()
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("Generated", [CSharpSyntaxTree.ParseText(code)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
        return Assembly.Load(image.ToArray());
    }

    /// <summary>An instance of a generated body class, its properties set by name (an enumeration's value by its JSON text).</summary>
    private object Body(string type, params (string Property, object Value)[] values)
    {
        var body = Activator.CreateInstance(_generated.GetType($"Generated.{type}")!)!;
        foreach (var (name, value) in values)
        {
            var property = body.GetType().GetProperty(name)!;
            var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            property.SetValue(body, target.IsEnum ? Enum.Parse(target, ((string)value).Replace("-", "", StringComparison.Ordinal), ignoreCase: true) : value);
        }
        return body;
    }

    /// <summary>Calls the client's method for an operation, its parameters given by name (without punctuation) and the body by type.</summary>
    private async Task<object> CallAsync(string operation, object? body, params (string Name, string Value)[] arguments)
    {
        var method = _client.GetType().GetMethods().Where(m => m.Name == operation + "Async").OrderBy(m => m.GetParameters().Length).First();
        var values = method.GetParameters().Select(p =>
            body is not null && p.ParameterType == body.GetType() ? body
            : arguments.FirstOrDefault(a => string.Equals(a.Name, Plain(p.Name!), StringComparison.OrdinalIgnoreCase)).Value).ToArray();
        var task = (Task)method.Invoke(_client, values)!;
        await task;
        return task.GetType().GetProperty("Result")!.GetValue(task)!;
    }

    private static async Task<(int Status, object Problem)> ProblemAsync(Func<Task> call)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(call);
        Assert.EndsWith("ApiException`1", failure.GetType().GetGenericTypeDefinition().FullName, StringComparison.Ordinal);
        return ((int)Get(failure, "StatusCode"), Get(failure, "Result"));
    }

    private static object Get(object instance, string property) => instance.GetType().GetProperty(property)!.GetValue(instance)!;

    private static string Plain(string name) => new(name.Where(char.IsLetterOrDigit).ToArray());
}
