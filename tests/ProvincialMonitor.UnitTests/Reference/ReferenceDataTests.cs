using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Reference;

namespace ProvincialMonitor.UnitTests.Reference;

public sealed class ReferenceDataTests
{
    [Fact]
    public void The_five_provinces_are_shipped_with_their_population_and_municipality_counts()
    {
        Assert.Equal(ProvinceSlugs.All.Order(), ReferenceData.Provinces.Select(p => p.Slug).Order());
        Assert.Equal(6_821_770, ReferenceData.Provinces.Sum(p => p.Population2024));
        Assert.Equal(300, ReferenceData.Provinces.Sum(p => p.Municipalities2019To2024));
        Assert.Equal(285, ReferenceData.Provinces.Sum(p => p.MunicipalitiesFrom2025));
    }

    [Fact]
    public void The_285_municipalities_lie_in_the_provinces_that_count_them()
    {
        Assert.Equal(285, ReferenceData.Municipalities.Count);
        Assert.Equal(285, ReferenceData.Municipalities.Select(m => m.NisCode).Distinct().Count());
        foreach (var province in ReferenceData.Provinces)
            Assert.Equal(province.MunicipalitiesFrom2025, ReferenceData.Municipalities.Count(m => m.ProvinceSlug == province.Slug));
        Assert.Equal("oost-vlaanderen", ReferenceData.Municipalities.Single(m => m.NameNl == "Beveren-Kruibeke-Zwijndrecht").ProvinceSlug);
        Assert.Equal("antwerpen", ReferenceData.FindMunicipality("11002")!.ProvinceSlug);
    }

    [Fact]
    public void Each_former_code_is_read_as_the_2025_municipality_it_became_part_of_and_has_its_former_name()
    {
        var former = ReferenceData.Municipalities.SelectMany(m => m.MergedFromNis).Where(c => ReferenceData.FindMunicipality(c) is null).ToArray();

        // 300 municipalities of 2019–2024 became 285: 27 former codes went into 12 new ones (Antwerpen kept its code).
        Assert.Equal(27, former.Length);
        Assert.Equal(former.Order(), ReferenceData.FormerCodes.Order());
        Assert.All(former, c => Assert.False(string.IsNullOrWhiteSpace(ReferenceData.MergedInto(c)!.Value.FormerName)));
        Assert.Equal(("46030", "Zwijndrecht"), (ReferenceData.MergedInto("11056")!.Value.Into.NisCode, ReferenceData.MergedInto("11056")!.Value.FormerName));
        Assert.Equal("71072", ReferenceData.MergedInto("71022")!.Value.Into.NisCode);
        Assert.Null(ReferenceData.MergedInto("11002"));
        Assert.Null(ReferenceData.MergedInto("71072"));
    }
}
