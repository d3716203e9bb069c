package cn.mashang.sla;

import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.region.Region;
import cn.mashang.region.RegionRepository;
import io.micronaut.cache.annotation.CacheInvalidate;
import io.micronaut.cache.annotation.Cacheable;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * SLA rules and their resolution. {@link #resolve} picks the most specific rule that applies to a concern of a
 * region (given by its materialised path, e.g. {@code /1/4/9/}) and category:
 * <ol>
 *   <li>a rule applies when its region is the concern's region or an ancestor (or is city-wide) and its
 *       category is the concern's category or null;</li>
 *   <li>the deepest region wins (village &gt; township &gt; county &gt; city-wide);</li>
 *   <li>at the same region, a category rule beats the region's all-category rule.</li>
 * </ol>
 * So: category + deepest region &gt; deepest region &gt; … &gt; city-wide category &gt; city default.
 * The city default (no region, no category) always exists and cannot be deleted.
 */
@Singleton
public class SlaRules {
    static final String CACHE = "sla-rules";
    static final int MAX_DAYS = 365;

    private final SlaRuleRepository rules;
    private final RegionRepository regions;
    private final ApplicationEventPublisher<SlaInputsChanged> changed;

    SlaRules(SlaRuleRepository rules, RegionRepository regions, ApplicationEventPublisher<SlaInputsChanged> changed) {
        this.rules = rules;
        this.regions = regions;
        this.changed = changed;
    }

    /** A rule with the path and depth of its region (depth 0 = city-wide). */
    record Scoped(SlaRule rule, String regionPath, int depth) {
    }

    /** All rules with their region paths; cached (small table, read on every clock computation). */
    @Cacheable(CACHE)
    public List<Scoped> scoped() {
        List<Scoped> out = new ArrayList<>();
        for (SlaRule r : rules.findAllOrderById()) {
            if (r.regionId() == null) {
                out.add(new Scoped(r, "/", 0));
            } else {
                regions.findById(r.regionId()).ifPresent(g ->
                        out.add(new Scoped(r, g.path(), (int) g.path().chars().filter(c -> c == '/').count() - 1)));
            }
        }
        return List.copyOf(out);
    }

    @CacheInvalidate(cacheNames = CACHE, all = true)
    public void invalidate() {
        // the annotation does the work
    }

    /** The most specific rule for a concern in the region with this path (null = unknown region) and category. */
    public SlaRule resolve(String regionPath, String category) {
        String path = regionPath == null ? "/" : regionPath;
        return scoped().stream()
                .filter(s -> path.startsWith(s.regionPath()))
                .filter(s -> s.rule().category() == null || s.rule().category().equals(category))
                .max(Comparator.comparingInt(Scoped::depth).thenComparing(s -> s.rule().category() != null))
                .map(Scoped::rule)
                .orElseThrow(() -> new IllegalStateException("the city default SLA rule is missing"));
    }

    public List<SlaRule> list() {
        return rules.findAllOrderById();
    }

    /** Creates or replaces the rule of (regionId, category). Missing numbers take the defaults (3/10/15/7/0.8). */
    public SlaRule put(SlaRuleInput in) {
        if (in == null) {
            throw ApiException.badRequest("缺少请求体");
        }
        Long regionId = in.regionId();
        if (regionId != null) {
            Optional<Region> region = regions.findById(regionId);
            if (region.isEmpty() || !region.get().active()) {
                throw ApiException.badField("regionId", "地区不存在");
            }
        }
        String category = in.category() == null || in.category().isBlank() ? null : in.category().strip();
        if (category != null && (category.length() > 32 || !category.matches("[\\p{L}\\p{N}_\\-（）()、/ ]+"))) {
            throw ApiException.badField("category", "应为分类名称（如“供暖供气”），最多 32 个字符");
        }
        int first = days("firstResponseDays", in.firstResponseDays(), 3);
        int dept = days("departmentDays", in.departmentDays(), 10);
        int resolution = days("resolutionDays", in.resolutionDays(), 15);
        int feedback = days("feedbackDays", in.feedbackDays(), 7);
        BigDecimal ratio = in.amberRatio() == null ? new BigDecimal("0.800") : in.amberRatio();
        if (ratio.compareTo(new BigDecimal("0.1")) < 0 || ratio.compareTo(new BigDecimal("0.99")) > 0 || ratio.scale() > 3) {
            throw ApiException.badField("amberRatio", "应在 0.1 到 0.99 之间，最多三位小数");
        }
        if (first > resolution) {
            throw ApiException.badField("firstResponseDays", "不能大于办结期限 resolutionDays");
        }
        String key = SlaRule.scopeKey(regionId, category);
        var now = Times.now();
        SlaRule saved;
        try {
            saved = rules.findByScopeKey(key)
                    .map(old -> rules.update(new SlaRule(old.id(), regionId, category, key, first, dept, resolution, feedback,
                            ratio, old.createdAt(), now)))
                    .orElseGet(() -> rules.save(new SlaRule(null, regionId, category, key, first, dept, resolution, feedback,
                            ratio, now, now)));
        } finally {
            invalidate();
        }
        changed.publishEvent(new SlaInputsChanged("rule"));
        return saved;
    }

    private static int days(String field, Integer value, int fallback) {
        int v = value == null ? fallback : value;
        if (v < 1 || v > MAX_DAYS) {
            throw ApiException.badField(field, "应在 1 到 " + MAX_DAYS + " 个工作日之间");
        }
        return v;
    }
}
