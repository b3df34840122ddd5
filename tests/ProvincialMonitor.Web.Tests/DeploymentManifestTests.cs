using YamlDotNet.RepresentationModel;

namespace ProvincialMonitor.Web.Tests;

/// <summary>ops/k8s parses, and says what docs/deployment.md promises: probes, a disruption budget, the Orleans conventions.</summary>
public sealed class DeploymentManifestTests
{
    private static readonly string K8s = Path.Combine(Scripts.Repo, "ops", "k8s");

    private static List<(string File, YamlMappingNode Root)> Documents()
    {
        var documents = new List<(string, YamlMappingNode)>();
        foreach (var file in Directory.GetFiles(K8s, "*.y*ml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(file)) stream.Load(reader); // throws on a syntax error
            foreach (var document in stream.Documents)
            {
                var root = Assert.IsType<YamlMappingNode>(document.RootNode);
                documents.Add((Path.GetFileName(file), root));
            }
        }
        return documents;
    }

    private static YamlNode? At(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next)) return null;
            node = next;
        }
        return node;
    }

    private static string? Text(YamlNode node, params string[] path) => (At(node, path) as YamlScalarNode)?.Value;

    [Fact]
    public void Every_manifest_parses_and_names_its_kind()
    {
        var documents = Documents();
        Assert.True(documents.Count >= 8, $"{documents.Count} documents");
        foreach (var (file, root) in documents)
        {
            Assert.False(string.IsNullOrEmpty(Text(root, "apiVersion")), $"{file}: apiVersion");
            Assert.False(string.IsNullOrEmpty(Text(root, "kind")), $"{file}: kind");
        }
        var kinds = documents.Select(d => Text(d.Root, "kind")).ToHashSet();
        foreach (var kind in (string[])["Deployment", "Service", "PodDisruptionBudget", "Role", "RoleBinding", "ServiceAccount", "Secret", "Ingress"])
            Assert.Contains(kind, kinds);
    }

    [Fact]
    public void The_silo_has_the_health_probes_the_orleans_kubernetes_conventions_and_a_disruption_budget()
    {
        var documents = Documents();
        var deployment = Assert.Single(documents, d => Text(d.Root, "kind") == "Deployment").Root;
        var template = At(deployment, "spec", "template")!;
        var container = Assert.IsType<YamlMappingNode>(Assert.Single(((YamlSequenceNode)At(template, "spec", "containers")!).Children));
        Assert.Equal("/health/ready", Text(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal("/health/live", Text(container, "livenessProbe", "httpGet", "path"));

        Assert.False(string.IsNullOrEmpty(Text(template, "metadata", "labels", "orleans/serviceId")));
        Assert.False(string.IsNullOrEmpty(Text(template, "metadata", "labels", "orleans/clusterId")));
        var env = ((YamlSequenceNode)At(container, "env")!).Children.Select(e => Text(e, "name")).ToHashSet();
        foreach (var name in (string[])["ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID", "POD_NAME", "POD_NAMESPACE", "POD_IP", "ConnectionStrings__EventStore", "Auth__BootstrapApiKey"])
            Assert.Contains(name, env);
        Assert.Equal("provincialmonitor-silo", Text(template, "spec", "serviceAccountName"));

        var budget = Assert.Single(documents, d => Text(d.Root, "kind") == "PodDisruptionBudget").Root;
        var podLabels = (YamlMappingNode)At(template, "metadata", "labels")!;
        foreach (var (key, value) in ((YamlMappingNode)At(budget, "spec", "selector", "matchLabels")!).Children)
            Assert.Equal(((YamlScalarNode)value).Value, Text(podLabels, ((YamlScalarNode)key).Value!));
    }
}
