using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.UnitTests.Texts;

/// <summary>
/// The table of refusals is complete: every code a decider, a check or the silo can give has an English and a Dutch
/// text, each naming only the arguments of its code, and a refusal is built with exactly those arguments.
/// </summary>
public sealed partial class RefusalTableTests
{
    private static readonly RefusalText[] Fields = [.. typeof(Refusals)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(RefusalText))
        .Select(f => (RefusalText)f.GetValue(null)!)];

    public static TheoryData<string> Codes() => [.. Fields.Select(t => t.Code)];

    [Fact]
    public void Every_entry_of_the_table_has_its_own_code()
    {
        Assert.Equal(Fields.Length, Refusals.All.Count);
        Assert.True(Fields.Length > 250, $"only {Fields.Length} codes");
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_code_has_an_English_and_a_Dutch_text_that_name_only_its_arguments(string code)
    {
        var text = Refusals.All[code];

        Assert.Matches(CodePattern(), code);
        Assert.False(string.IsNullOrWhiteSpace(text.English), $"{code} has no English");
        Assert.False(string.IsNullOrWhiteSpace(text.Dutch), $"{code} has no Dutch");
        foreach (var template in new[] { text.English, text.Dutch })
            foreach (var (name, format) in RefusalText.Placeholders(template))
            {
                Assert.True(text.Arguments.Contains(name), $"{code} names '{name}', which is not one of its arguments ({string.Join(", ", text.Arguments)})");
                Assert.True(format is null || RefusalText.Formats.Contains(format), $"{code}: unknown format '{format}'");
            }
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_code_renders_in_both_languages_with_every_argument_filled(string code)
    {
        var text = Refusals.All[code];
        var arguments = text.Bind([.. text.Arguments.Select(a => (a, (object?)Sample(text, a)))]);

        foreach (var rendered in new[] { text.InEnglish(arguments), text.InDutch(arguments) })
        {
            Assert.DoesNotMatch(LeftOver(), rendered);
            Assert.All(text.Arguments.Where(a => RefusalText.Placeholders(text.English).Any(p => p.Name == a && p.Format is null)),
                a => Assert.Contains(Sample(text, a), text.InEnglish(arguments), StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_refusal_with_a_missing_an_unknown_or_a_repeated_argument_is_not_built()
    {
        Assert.Throws<ArgumentException>(() => Refusal.Of(Refusals.GrantNotGranted));
        Assert.Throws<ArgumentException>(() => Refusal.Of(Refusals.GrantNotGranted, ("grantRef", "G-1"), ("amount", 5m)));
        Assert.Throws<ArgumentException>(() => Refusal.Of(Refusals.GrantNotGranted, ("grantRef", "G-1"), ("grantRef", "G-2")));
        Assert.Throws<ArgumentException>(() => FieldError.Of("amount", Refusals.FieldTooLong));
    }

    [Fact]
    public void A_refusal_renders_its_english_and_its_dutch_from_one_entry()
    {
        var refusal = Refusal.Of(Refusals.GrantOverpaid,
            ("amount", RefusalText.Money(600m)), ("grantRef", "G-1"), ("paid", RefusalText.Money(1200m)), ("granted", RefusalText.Money(1000m)));

        Assert.Equal((RefusalKind.Conflict, "grant.overpaid"), (refusal.Kind, refusal.Code));
        Assert.Equal("600.00", refusal.Arguments["amount"]);
        Assert.Equal("Paying 600.00 on grant G-1 would pay 1200.00 of 1000.00 granted.", refusal.Message);
        Assert.Equal("€ 600,00 betalen op toekenning G-1 zou € 1.200,00 uitbetalen van € 1.000,00 toegekend.", refusal.Dutch);
    }

    [Fact]
    public void Field_errors_keep_their_field_and_render_as_the_detail_did()
    {
        var refusal = Refusal.Fields([FieldError.Of("title", Refusals.FieldTooLong, ("max", 200)), FieldError.Of("amount", Refusals.FieldRequired)]);

        Assert.Equal((RefusalKind.Invalid, "request.invalid"), (refusal.Kind, refusal.Code));
        Assert.Equal("title has at most 200 characters; amount is required", refusal.Message);
        Assert.Equal("Titel: Hoogstens 200 tekens. Bedrag: Dit veld is verplicht.", refusal.Dutch);
        Assert.Equal("200", refusal.Errors[0].Arguments["max"]);
    }

    [Fact]
    public void A_nested_text_renders_in_the_language_of_its_refusal()
    {
        var refusal = Refusal.Of(Refusals.IndicatorTargetValue,
            ("code", "vacancy-rate"), ("year", 2030), ("value", 120m), ("problem", Refusals.FieldRateRange));

        Assert.Equal("The target for vacancy-rate in 2030 would be 120: vacancy-rate is a percentage between 0 and 100.", refusal.Message);
        Assert.Equal("De doelstelling voor vacancy-rate in 2030 zou 120 zijn: Moet een percentage tussen 0 en 100 zijn.", refusal.Dutch);
    }

    [Fact]
    public void Dates_and_moments_are_arguments_in_their_invariant_form()
    {
        var refusal = Refusal.Of(Refusals.MarketDayRecorded, ("date", new DateOnly(2026, 4, 7)));

        Assert.Equal("The market day of 2026-04-07 is recorded already.", refusal.Message);
    }

    [Fact]
    public void A_refusal_crosses_the_Orleans_serializer_with_its_code_arguments_and_field_errors()
    {
        using var services = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(Refusal).Assembly)).BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var refusal = Refusal.Fields([FieldError.Of("title", Refusals.FieldTooLong, ("max", 200))]);
        var rule = Refusal.Of(Refusals.GrantNotGranted, ("grantRef", "G-1"));

        var back = serializer.Deserialize<Refusal>(serializer.SerializeToArray(refusal))!;
        var backRule = serializer.Deserialize<Refusal>(serializer.SerializeToArray(rule))!;

        Assert.Equal(refusal.Message, back.Message);
        Assert.Equal("field.too-long", Assert.Single(back.Errors).Code);
        Assert.Equal(("grant.not-granted", "G-1"), (backRule.Code, backRule.Arguments["grantRef"]));
    }

    /// <summary>A value for an argument: a real code where the template renders it as a text, a number where as one.</summary>
    private static string Sample(RefusalText text, string argument) =>
        RefusalText.Placeholders(text.English + text.Dutch).FirstOrDefault(p => p.Name == argument).Format switch
        {
            "text" => Refusals.FieldCountWhole.Code,
            "euro" or "number" or "decimal" => "1234.5",
            _ => $"<{argument}>",
        };

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"\{[A-Za-z][A-Za-z0-9]*(:[a-z]+)?\}")]
    private static partial Regex LeftOver();
}
