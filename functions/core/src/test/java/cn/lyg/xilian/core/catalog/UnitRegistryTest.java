package cn.lyg.xilian.core.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitRegistryTest {

    private final UnitRegistry registry = UnitRegistry.load();

    @Test
    void resolvesNamesBrokenAcrossLinesAndWithMixedBrackets() {
        assertThat(registry.resolve("海州区（连云港高新\n\n区)")).map(Unit::id).hasValue("haizhou");
        assertThat(registry.resolve("海州区(连云港高新区)")).map(Unit::id).hasValue("haizhou");
        assertThat(registry.resolve("海州区")).map(Unit::id).hasValue("haizhou");
        assertThat(registry.resolve(" 市 发改委 ")).map(Unit::id).hasValue("city-ndrc");
    }

    @Test
    void doesNotGuessUnknownNames() {
        assertThat(registry.resolve("市外办")).isEmpty();
        assertThat(registry.resolve("海州")).isEmpty();
    }

    @Test
    void idsAreAsciiAndUnitsHaveKinds() {
        assertThat(registry.units()).hasSizeGreaterThanOrEqualTo(29)
                .allSatisfy(u -> {
                    assertThat(u.id()).matches("[a-z0-9-]+");
                    assertThat(u.kind()).isNotNull();
                    assertThat(u.name()).doesNotContain("@");
                });
        assertThat(registry.byId("wuxi-team")).map(Unit::kind).hasValue(UnitKind.WORK_TEAM);
        assertThat(registry.byId("park-huiyu")).map(Unit::name).hasValue("惠榆新兴产业合作园");
        assertThat(registry.byId("city-transport-holding")).map(Unit::name).hasValue("市交通控股集团");
    }
}
