using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.UnitTests.EventStore;

/// <summary>RFC 8785 (JSON Canonicalization Scheme), with the RFC's own examples.</summary>
public sealed class CanonicalJsonTests
{
    [Theory]
    [InlineData(0x0000000000000000UL, "0")]
    [InlineData(0x8000000000000000UL, "0")]
    [InlineData(0x0000000000000001UL, "5e-324")]
    [InlineData(0x8000000000000001UL, "-5e-324")]
    [InlineData(0x7fefffffffffffffUL, "1.7976931348623157e+308")]
    [InlineData(0xffefffffffffffffUL, "-1.7976931348623157e+308")]
    [InlineData(0x4340000000000000UL, "9007199254740992")]
    [InlineData(0xc340000000000000UL, "-9007199254740992")]
    [InlineData(0x4430000000000000UL, "295147905179352830000")]
    [InlineData(0x44b52d02c7e14af5UL, "9.999999999999997e+22")]
    [InlineData(0x44b52d02c7e14af6UL, "1e+23")]
    [InlineData(0x44b52d02c7e14af7UL, "1.0000000000000001e+23")]
    [InlineData(0x444b1ae4d6e2ef4eUL, "999999999999999700000")]
    [InlineData(0x444b1ae4d6e2ef4fUL, "999999999999999900000")]
    [InlineData(0x444b1ae4d6e2ef50UL, "1e+21")]
    [InlineData(0x3eb0c6f7a0b5ed8cUL, "9.999999999999997e-7")]
    [InlineData(0x3eb0c6f7a0b5ed8dUL, "0.000001")]
    [InlineData(0x41b3de4355555553UL, "333333333.3333332")]
    [InlineData(0x41b3de4355555554UL, "333333333.33333325")]
    [InlineData(0x41b3de4355555555UL, "333333333.3333333")]
    [InlineData(0x41b3de4355555556UL, "333333333.3333334")]
    [InlineData(0x41b3de4355555557UL, "333333333.33333343")]
    [InlineData(0xbecbf647612f3696UL, "-0.0000033333333333333333")]
    [InlineData(0x43143ff3c1cb0959UL, "1424953923781206.2")]
    public void Numbers_are_printed_as_ECMAScript_prints_them(ulong bits, string expected) =>
        Assert.Equal(expected, CanonicalJson.FormatNumber(BitConverter.UInt64BitsToDouble(bits)));

    [Theory]
    [InlineData("1250.50", "1250.5")]
    [InlineData("1E3", "1000")]
    [InlineData("0.10", "0.1")]
    [InlineData("-0.0", "0")]
    [InlineData("123456789012.34", "123456789012.34")]
    public void Money_amounts_keep_their_value_and_lose_their_spelling(string json, string expected) =>
        Assert.Equal(expected, CanonicalJson.Canonicalize(json));

    [Fact]
    public void Strings_get_the_minimal_escapes()
    {
        var canonical = CanonicalJson.Canonicalize("""["\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/"]""");

        Assert.Equal("[\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"]", canonical);
    }

    [Fact]
    public void Members_are_sorted_by_their_utf16_code_units()
    {
        var canonical = CanonicalJson.Canonicalize("""
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """);

        Assert.Equal(
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"ö\":\"Latin Small Letter O With Diaeresis\"," +
            "\"€\":\"Euro Sign\",\"😀\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}",
            canonical);
    }

    [Fact]
    public void White_space_goes_and_literals_stay()
    {
        Assert.Equal("""{"a":[true,false,null,{}],"b":[]}""", CanonicalJson.Canonicalize(" { \"b\" : [ ] , \"a\" : [ true , false , null , { } ] } "));
    }

    [Theory]
    [InlineData("79228162514264337593543950335")]
    [InlineData("1e16")]
    [InlineData("1234567890.123456789")]
    [InlineData("0.12345678901234567")]
    public void Numbers_that_a_double_would_change_are_refused(string json) =>
        Assert.Throws<FormatException>(() => CanonicalJson.Canonicalize(json));

    [Theory]
    [InlineData("999999999999999", "999999999999999")]
    [InlineData("123456789012.34", "123456789012.34")]
    [InlineData("76.1", "76.1")]
    public void Numbers_up_to_fifteen_significant_digits_keep_their_value(string json, string expected) =>
        Assert.Equal(expected, CanonicalJson.Canonicalize(json));

    [Theory]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("{\"a\":1e400}")]
    [InlineData("{'a':1}")]
    [InlineData("")]
    public void What_has_no_canonical_form_is_refused(string json) =>
        Assert.Throws<FormatException>(() => CanonicalJson.Canonicalize(json));

    [Fact]
    public void Only_objects_are_accepted_as_event_data() =>
        Assert.Throws<FormatException>(() => CanonicalJson.CanonicalizeObject("[1]", "Data"));
}
