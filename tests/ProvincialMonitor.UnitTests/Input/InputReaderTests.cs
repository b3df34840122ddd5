using System.Globalization;
using System.Reflection;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Input;

namespace ProvincialMonitor.UnitTests.Input;

/// <summary>The one reader of typed numbers and dates: what it reads, and what it refuses rather than guess.</summary>
public sealed class InputReaderTests
{
    private static decimal D(string invariant) => decimal.Parse(invariant, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("1.000,50", "1000.50")]
    [InlineData("1000,50", "1000.50")]
    [InlineData("1000.50", "1000.50")]
    [InlineData("1.5", "1.5")]
    [InlineData("2.50", "2.50")]
    [InlineData("0.500", "0.5")]
    [InlineData("1000.500", "1000.5")]
    [InlineData("1.000.000", "1000000")]
    [InlineData("1.000.000,25", "1000000.25")]
    [InlineData("€ 1 250,00", "1250.00")]
    [InlineData("-12,5", "-12.5")]
    [InlineData("250", "250")]
    public void Money_as_a_person_writes_it(string text, string value) =>
        Assert.Equal(D(value), InputReader.Number(text, NumberKind.Money).Value);

    [Theory]
    [InlineData("1.000", "number.ambiguous")]
    [InlineData("12.500", "number.ambiguous")]
    [InlineData("-12.500", "number.ambiguous")]
    [InlineData("1,000.50", "number.notation")]
    [InlineData("1,000,000", "number.invalid")]
    [InlineData("1,005", "number.decimals")]
    [InlineData("1.2.3", "number.invalid")]
    [InlineData("12,", "number.invalid")]
    [InlineData("1e5", "number.invalid")]
    [InlineData("twaalf", "number.invalid")]
    [InlineData("99999999999999999999", "number.range")]
    public void Money_that_reads_two_ways_or_not_at_all_is_refused(string text, string code)
    {
        var read = InputReader.Number(text, NumberKind.Money);
        Assert.Null(read.Value);
        Assert.Equal(code, read.Problem?.Code);
    }

    [Fact]
    public void An_ambiguous_number_shows_both_readings()
    {
        var problem = InputReader.Number("12.500", NumberKind.Money).Problem!;
        Assert.Equal("Kan gelezen worden als 12.500 of als 12,5: schrijf 12500 of 12,5.", problem.Dutch);
        Assert.Contains("12500 or as 12.5", problem.English, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("76,15", 4, "76.15")]
    [InlineData("76.1234", 4, "76.1234")]
    [InlineData("76,12345", 4, null)]
    [InlineData("3.500", 4, null)]
    public void A_measure_has_its_own_precision(string text, int decimals, string? value) =>
        Assert.Equal(value is null ? null : D(value), InputReader.Number(text, NumberKind.Measure(decimals)).Value);

    [Theory]
    [InlineData("12", 12)]
    [InlineData("12.500", 12500)]
    [InlineData("1.000.000", 1000000)]
    [InlineData("2.5", null)]
    [InlineData("3,0", null)]
    [InlineData("1,000", null)]
    [InlineData("3000000000", null)]
    public void A_whole_number_takes_thousands_points_and_no_decimals(string text, int? value) =>
        Assert.Equal(value, InputReader.WholeNumber(text).Value);

    [Theory]
    [InlineData("1000,50", DecimalMark.Comma, "1000.50")]
    [InlineData("1.000,50", DecimalMark.Comma, null)]
    [InlineData("1.250", DecimalMark.Comma, null)]
    [InlineData("1000.50", DecimalMark.Point, "1000.50")]
    [InlineData("1.000", DecimalMark.Point, "1")]
    [InlineData("1,000.50", DecimalMark.Point, null)]
    [InlineData("1000.50", DecimalMark.Comma, null)]
    [InlineData("1000,50", DecimalMark.Point, null)]
    [InlineData("1,5", DecimalMark.Point, null)]
    public void A_file_reads_every_cell_with_its_declared_mark(string text, DecimalMark mark, string? value) =>
        Assert.Equal(value is null ? null : D(value), InputReader.Number(text, NumberKind.Money, mark).Value);

    [Fact]
    public void Empty_text_is_no_value_and_no_problem()
    {
        Assert.True(InputReader.Number("  ", NumberKind.Money).IsEmpty);
        Assert.True(InputReader.Date("").IsEmpty);
    }

    [Theory]
    [InlineData("2026-12-31", "2026-12-31")]
    [InlineData("31/12/2026", "2026-12-31")]
    [InlineData("1/2/2027", "2027-02-01")]
    [InlineData("31/02/2026", null)]
    [InlineData("12/31/2026", null)]
    [InlineData("morgen", null)]
    [InlineData("2026-12-31T10:00", null)]
    public void Dates_are_read_one_way(string text, string? iso)
    {
        var read = InputReader.Date(text);
        Assert.Equal(iso is null ? null : DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture), read.Value);
        if (iso is null) Assert.Equal("date.invalid", read.Problem?.Code);
    }

    /// <summary>Every number a command takes has a kind, so that a form and an import read it by that kind.</summary>
    [Fact]
    public void Every_number_field_of_every_command_declares_its_kind()
    {
        var numbers = typeof(Command).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Command)) && !t.IsAbstract)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) == typeof(decimal))
            .ToList();
        Assert.NotEmpty(numbers);
        Assert.All(numbers, p => Assert.NotNull(NumberKind.Of(p)));
        Assert.Equal(NumberKind.Money, NumberKind.For<GrantSubsidy>(nameof(GrantSubsidy.Amount)));
    }
}
