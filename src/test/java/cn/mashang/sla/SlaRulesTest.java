package cn.mashang.sla;

import cn.mashang.common.ApiException;
import cn.mashang.region.Region;
import cn.mashang.region.RegionLevel;
import cn.mashang.region.RegionRepository;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

@MicronautTest
class SlaRulesTest {
    @Inject
    SlaRules rules;
    @Inject
    RegionRepository regions;

    private List<Region> all() {
        return StreamSupport.stream(regions.findAll().spliterator(), false).toList();
    }

    private static SlaRuleInput rule(Long regionId, String category, int resolutionDays) {
        return new SlaRuleInput(regionId, category, 2, 8, resolutionDays, 5, new BigDecimal("0.75"));
    }

    @Test
    void theCityDefaultIsSeeded() {
        SlaRule d = rules.resolve("/999999/", "ANY");
        assertNull(d.regionId());
        assertNull(d.category());
        assertEquals(List.of(3, 10, 15, 7), List.of(d.firstResponseDays(), d.departmentDays(), d.resolutionDays(), d.feedbackDays()));
        assertEquals(0, new BigDecimal("0.8").compareTo(d.amberRatio()));
    }

    @Test
    void theMostSpecificRuleWins() {
        List<Region> all = all();
        Region township = all.stream().filter(r -> r.level() == RegionLevel.TOWNSHIP && r.parentId() != null).findFirst().orElseThrow();
        Region county = all.stream().filter(r -> r.id().equals(township.parentId())).findFirst().orElseThrow();
        Region otherCounty = all.stream().filter(r -> r.level() == RegionLevel.COUNTY && !r.id().equals(county.id())).findFirst().orElseThrow();
        Region village = all.stream().filter(r -> township.id().equals(r.parentId())).findFirst().orElse(township);

        rules.put(rule(null, "ENV", 30));
        rules.put(rule(county.id(), null, 12));
        rules.put(rule(county.id(), "ENV", 20));
        rules.put(rule(township.id(), null, 9));

        assertEquals(9, rules.resolve(village.path(), "ENV").resolutionDays(), "deepest region beats a shallower category rule");
        assertEquals(20, rules.resolve(county.path(), "ENV").resolutionDays(), "category + region beats region");
        assertEquals(12, rules.resolve(county.path(), "ROAD").resolutionDays(), "region beats city default");
        assertEquals(30, rules.resolve(otherCounty.path(), "ENV").resolutionDays(), "city-wide category beats city default");
        assertEquals(15, rules.resolve(otherCounty.path(), "ROAD").resolutionDays(), "city default");
    }

    @Test
    void puttingTheSameScopeAgainReplacesTheRule() {
        Region county = all().stream().filter(r -> r.level() == RegionLevel.COUNTY).reduce((a, b) -> b).orElseThrow();
        long before = rules.list().size();
        rules.put(rule(county.id(), "WATER", 11));
        SlaRule second = rules.put(new SlaRuleInput(county.id(), "WATER", null, null, 13, null, null));
        assertEquals(before + 1, rules.list().size());
        assertEquals(13, rules.resolve(county.path(), "WATER").resolutionDays());
        assertEquals(3, second.firstResponseDays(), "missing numbers take the defaults");
    }

    @Test
    void invalidRulesAreRejected() {
        ApiException zero = assertThrows(ApiException.class, () -> rules.put(new SlaRuleInput(null, null, 0, 10, 15, 7, null)));
        assertEquals(400, zero.status().getCode());
        assertEquals("firstResponseDays: 应在 1 到 365 个工作日之间", zero.getMessage());
        ApiException region = assertThrows(ApiException.class, () -> rules.put(rule(999_999L, null, 10)));
        assertEquals("regionId: 地区不存在", region.getMessage());
        ApiException ratio = assertThrows(ApiException.class,
                () -> rules.put(new SlaRuleInput(null, null, 3, 10, 15, 7, new BigDecimal("1.5"))));
        assertEquals(400, ratio.status().getCode());
    }
}
