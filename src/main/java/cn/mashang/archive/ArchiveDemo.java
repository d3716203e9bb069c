package cn.mashang.archive;

import cn.mashang.demo.DemoExtension;
import cn.mashang.region.Region;
import cn.mashang.region.RegionRepository;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.List;

/** A demo points scheme for 吕梁市, shaped like Luohe's (5 classes: 学习培训, 联系群众, 参加活动, 建议办理, 其他). */
@Singleton
@Requires(notEnv = "prod")
class ArchiveDemo implements DemoExtension {
    private final PointsSchemes schemes;
    private final RegionRepository regions;

    ArchiveDemo(PointsSchemes schemes, RegionRepository regions) {
        this.schemes = schemes;
        this.regions = regions;
    }

    static PointsScheme.Item item(String key, String label, String weight, String cap) {
        return new PointsScheme.Item(key, label, new BigDecimal(weight), cap == null ? null : new BigDecimal(cap));
    }

    static final PointsScheme LVLIANG = new PointsScheme(null, "吕梁市人大代表履职积分办法（示例）", List.of(
            new PointsScheme.PointsClass("学习培训", List.of(
                    item("TRAINING_ATTENDED", "参加履职学习培训（次）", "2", "10"),
                    item("SELF_STUDY", "撰写学习心得（篇）", "1", "5"))),
            new PointsScheme.PointsClass("联系群众", List.of(
                    item("SESSIONS_ATTENDED", "进站接待群众（场次）", "3", "36"),
                    item("RESIDENTS_RECEIVED", "接待群众（人次）", "0.5", "20"),
                    item("VISITS_MADE", "走访群众（次）", "2", "16"),
                    item("VISIT_RESIDENTS", "走访群众（人次）", "0.2", "10"))),
            new PointsScheme.PointsClass("参加活动", List.of(
                    item("ACTIVITIES_JOINED", "参加视察、调研、座谈（次）", "2", "20"),
                    item("MEETINGS_ATTENDED", "列席常委会会议（次）", "2", "8"))),
            new PointsScheme.PointsClass("建议办理", List.of(
                    item("CONCERNS_HANDLED", "办结群众反映（件）", "1", "20"),
                    item("CONCERNS_SATISFIED", "群众满意（件）", "0.5", "10"),
                    item("SUGGESTIONS_SUBMITTED", "提出议案建议（件）", "2", "10"),
                    item("SUGGESTIONS_SATISFIED", "建议办理满意（件）", "1", "5"))),
            new PointsScheme.PointsClass("其他", List.of(
                    item("OTHER_MERIT", "其他履职加分（项）", "1", "5")))));

    @Override
    public void load() {
        regions.findByActiveTrueOrderBySortOrder().stream().filter(r -> r.level() == cn.mashang.region.RegionLevel.CITY)
                .map(Region::id).min(Long::compare).ifPresent(city -> schemes.replace(city, LVLIANG));
    }
}
