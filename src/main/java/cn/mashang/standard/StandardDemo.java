package cn.mashang.standard;

import cn.mashang.common.Times;
import cn.mashang.demo.DemoExtension;
import cn.mashang.standard.StandardRoad.State;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Demo standards: 岚县 sets its own checklist, the "十有" of its 21 stations (seed 001); the three stations with demo
 * staff have this year's items filled, some passed, some waiting for review, one returned (清洁能源's 有计划).
 */
@Singleton
@Requires(notEnv = "prod")
class StandardDemo implements DemoExtension, Ordered {
    static final List<String> SHI_YOU = List.of("有阵地", "有机构", "有办公设施", "有工作职责", "有工作制度", "有工作流程",
            "有工作计划", "有代表履职公示", "有代表活动风采", "有档案资料");
    private final Checklists checklists;
    private final StandardStore store;
    private final JdbcOperations jdbc;

    StandardDemo(Checklists checklists, StandardStore store, JdbcOperations jdbc) {
        this.checklists = checklists;
        this.store = store;
        this.jdbc = jdbc;
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE; // after the demo accounts it acts as
    }

    @Override
    public void load() {
        Long lan = id("SELECT id FROM region WHERE name = ?", "岚县");
        if (lan != null) {
            checklists.replace(lan, new StandardBodies.Checklist(0L, SHI_YOU.stream()
                    .map(n -> new StandardBodies.ChecklistItem(null, n, null)).toList()), null);
        }
        Long admin = id("SELECT id FROM staff_account WHERE login_name = ?", "lvliang-admin");
        int year = LocalDate.now(Times.ZONE).getYear();
        Instant now = Times.now();
        fill("吕梁市清洁能源基地暨孝义市新型煤化工人大代表联络站", "head-qjny", admin, year, now, List.of(
                new Step("有场所", "站内固定用房60平方米，门口悬挂统一名称标牌，配备电脑、打印机、档案柜", State.PASSED, null),
                new Step("有人员", "站长王建华（市人大代表），联络员2名，由孝义市人大常委会工作人员兼任", State.PASSED, null),
                new Step("有制度", "工作职责、接待制度、议事规则上墙；活动记录和资料已归档", State.PENDING, null),
                new Step("有计划", "全年活动计划已制定", State.RETURNED, "请补充活动计划的公开情况（时间、内容、形式、召集人）")));
        fill("交口县水头片区人大代表联络站", "head-shuitou", admin, year, now, List.of(
                new Step("有场所", "水头镇便民服务中心二层，面积40平方米", State.PASSED, null),
                new Step("有计划", "每月5日接待日，计划在微信群提前公布", State.PENDING, null)));
        fill("离石区凤山街道和平社区人大代表联络站", "head-heping", admin, year, now, List.of(
                new Step("有场所", "和平社区党群服务中心一层接待室", State.PENDING, null),
                new Step("有制度", "接待登记、问题转办、反馈回访制度齐全", State.PASSED, null)));
    }

    private record Step(String item, String evidence, State state, @Nullable String note) {
    }

    private void fill(String station, String head, @Nullable Long admin, int year, Instant now, List<Step> steps) {
        Long stationId = id("SELECT id FROM station WHERE name = ?", station);
        if (stationId == null) {
            return;
        }
        Long headId = id("SELECT id FROM staff_account WHERE login_name = ?", head);
        String path = jdbc.prepareStatement("SELECT r.path FROM region r JOIN station s ON s.region_id = r.id WHERE s.id = ?",
                ps -> {
                    ps.setLong(1, stationId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : "/";
                    }
                });
        var items = Checklists.inForce(path, checklists.active()).items();
        Instant at = now.minus(Duration.ofDays(20));
        for (Step s : steps) {
            var item = items.stream().filter(i -> i.name().equals(s.item())).findFirst();
            if (item.isEmpty()) {
                continue;
            }
            store.insert(stationId, item.get().id(), year, s.evidence(), null, headId, at);
            var entry = store.entry(stationId, item.get().id(), year).orElseThrow();
            store.event(entry.id(), State.EMPTY, State.PENDING, headId, null, at);
            if (s.state() != State.PENDING) {
                Instant reviewed = at.plus(Duration.ofDays(3));
                store.review(entry.id(), entry.version(), s.state(), s.note(), admin, reviewed);
                store.event(entry.id(), State.PENDING, s.state(), admin, s.note(), reviewed);
            }
        }
    }

    private Long id(String sql, String name) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        });
    }
}
