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
}
