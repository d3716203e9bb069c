package cn.mashang.reception;

import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.deputy.Deputy;
import cn.mashang.deputy.DeputyRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Activity plans (有计划) of a station: drafts, publishing, cancelling, participating deputies. */
@Singleton
class Plans {
    private final ReceptionRepositories.Plans plans;
    private final SessionPlanner planner;
    private final JdbcOperations jdbc;
    private final DeputyRepository deputies;

    Plans(ReceptionRepositories.Plans plans, SessionPlanner planner, JdbcOperations jdbc, DeputyRepository deputies) {
        this.plans = plans;
        this.planner = planner;
        this.jdbc = jdbc;
        this.deputies = deputies;
    }

    @Transactional
    public ActivityPlan create(long stationId, ReceptionDtos.PlanInput in, long byAccount) {
        planner.station(stationId);
        List<Long> participants = check(stationId, in);
        Instant now = Times.now();
        boolean publish = Boolean.TRUE.equals(in.publish());
        ActivityPlan p = plans.save(new ActivityPlan(null, stationId, in.title().strip(), SessionPlanner.blank(in.content()),
                in.form(), in.startsAt().toInstant(), in.endsAt() == null ? null : in.endsAt().toInstant(),
                SessionPlanner.blank(in.place()), SessionPlanner.blank(in.convener()),
                SessionPlanner.blank(in.participants()),
                publish ? ActivityPlan.Status.PUBLISHED : ActivityPlan.Status.DRAFT, publish ? now : null, byAccount,
                now, now));
        participants(p.id(), participants);
        return p;
    }

    @Transactional
    public ActivityPlan update(ActivityPlan old, ReceptionDtos.PlanInput in) {
        if (old.status() == ActivityPlan.Status.CANCELLED) {
            throw ApiException.conflict("已取消的计划不能修改");
        }
        List<Long> participants = check(old.stationId(), in);
        Instant now = Times.now();
        boolean publish = old.status() == ActivityPlan.Status.PUBLISHED || Boolean.TRUE.equals(in.publish());
        ActivityPlan p = plans.update(new ActivityPlan(old.id(), old.stationId(), in.title().strip(),
                SessionPlanner.blank(in.content()), in.form(), in.startsAt().toInstant(),
                in.endsAt() == null ? null : in.endsAt().toInstant(), SessionPlanner.blank(in.place()),
                SessionPlanner.blank(in.convener()), SessionPlanner.blank(in.participants()),
                publish ? ActivityPlan.Status.PUBLISHED : ActivityPlan.Status.DRAFT,
                old.publishedAt() != null ? old.publishedAt() : publish ? now : null, old.createdBy(), old.createdAt(),
                now));
        jdbc.prepareStatement("DELETE FROM activity_participant WHERE plan_id = ?", ps -> {
            ps.setLong(1, old.id());
            return ps.executeUpdate();
        });
        participants(old.id(), participants);
        return p;
    }

    @Transactional
    public ActivityPlan setStatus(ActivityPlan p, ActivityPlan.Status status) {
        Instant now = Times.now();
        return plans.update(new ActivityPlan(p.id(), p.stationId(), p.title(), p.content(), p.form(), p.startsAt(),
                p.endsAt(), p.place(), p.convener(), p.participants(), status,
                status == ActivityPlan.Status.PUBLISHED && p.publishedAt() == null ? now : p.publishedAt(), p.createdBy(),
                p.createdAt(), now));
    }

    private List<Long> check(long stationId, ReceptionDtos.PlanInput in) {
        if (in.endsAt() != null && !in.endsAt().isAfter(in.startsAt())) {
            throw ApiException.badField("endsAt", "结束时间应晚于开始时间");
        }
        return planner.members(stationId, in.deputyIds());
    }

    private void participants(long planId, List<Long> ids) {
        for (Long d : ids) {
            jdbc.prepareStatement("INSERT INTO activity_participant (plan_id, deputy_id) VALUES (?, ?)", ps -> {
                ps.setLong(1, planId);
                ps.setLong(2, d);
                return ps.executeUpdate();
            });
        }
    }

    @Transactional(readOnly = true)
    public List<ReceptionDtos.PlanView> views(List<ActivityPlan> list) {
        Map<Long, List<Long>> byPlan = new HashMap<>();
        List<Long> ids = list.stream().map(ActivityPlan::id).toList();
        if (!ids.isEmpty()) {
            jdbc.prepareStatement("SELECT plan_id, deputy_id FROM activity_participant WHERE plan_id IN ("
                    + Visits.marks(ids.size()) + ") ORDER BY plan_id, deputy_id", ps -> {
                        Visits.bind(ps, ids);
                        try (var rs = ps.executeQuery()) {
                            while (rs.next()) {
                                byPlan.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                            }
                        }
                        return null;
                    });
        }
        Map<Long, String> names = deputies.findByIdIn(byPlan.values().stream().flatMap(List::stream).distinct().toList())
                .stream().collect(Collectors.toMap(Deputy::id, Deputy::name));
        return list.stream().map(p -> new ReceptionDtos.PlanView(p.id(), p.stationId(), p.title(), p.content(),
                p.form().name(), p.form().label(), Times.show(p.startsAt()), Times.show(p.endsAt()), p.place(),
                p.convener(), p.participants(), byPlan.getOrDefault(p.id(), List.of()).stream()
                .map(d -> new ReceptionDtos.DutyView(d, names.getOrDefault(d, ""), true, null)).toList(),
                p.status().name(), Times.show(p.publishedAt()))).toList();
    }
}
