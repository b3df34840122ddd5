using System.Reflection;
using System.Text.Json;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.UnitTests.Input;

/// <summary>Every text a command takes has a maximum length, checked by the command itself (so by the API, the forms and the import alike).</summary>
public sealed class TextLimitTests
{
    private const int Huge = 100_000;

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(Command).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Command)) && !t.IsAbstract).OrderBy(t => t.Name))
            data.Add(type.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_text_field_refuses_text_over_its_maximum(string name)
    {
        var type = typeof(Command).Assembly.GetTypes().Single(t => t.Name == name && t.IsSubclassOf(typeof(Command)));
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var texts = new List<string>();
        var arguments = constructor.GetParameters().Select(object? (p) =>
        {
            var json = JsonNamingPolicy.CamelCase.ConvertName(p.Name!);
            if (p.ParameterType == typeof(string))
            {
                texts.Add(json);
                return new string('x', Huge);
            }
            if (p.ParameterType == typeof(string[]))
            {
                texts.Add($"{json}[0]");
                return new[] { new string('x', Huge) };
            }
            return null;
        }).ToArray();
        var command = (Command)constructor.Invoke(arguments);
        command = command with { DecisionRef = new string('x', Huge) };
        texts.Add("decisionRef");

        var refused = command.Validate().Select(e => e.Field).ToHashSet(StringComparer.Ordinal);

        Assert.All(texts, field => Assert.True(refused.Contains(field), $"{name}.{field} took {Huge:N0} characters"));
    }
}
