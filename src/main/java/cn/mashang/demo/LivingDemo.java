package cn.mashang.demo;

import cn.mashang.common.Times;
import cn.mashang.concern.Outcome;
import cn.mashang.concern.Rating;
import cn.mashang.concern.lifecycle.ActionBody;
import cn.mashang.demo.DemoStories.Story;
import cn.mashang.qr.ContactCode;
import cn.mashang.referral.SupervisionJob;
import cn.mashang.station.Station;
import cn.mashang.station.StationRepository;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static cn.mashang.concern.lifecycle.ConcernAction.*;

/**
 * The living demo (issue 17, {@code demo.living.enabled}): four months of concerns at the demo stations in every
 * state, told by {@link DemoStories} through the real code paths — resolved and rated, auto-closed unrated,
 * reopened, rejected, at a deputy, and referred to 孝义市's two demo departments in every referral state (awaiting
 * sign-for, sign-for overdue with its 催办 and 通报, signed, answered, returned, re-referred, extension asked and
 * approved), overdue at each segment. Loaded last in the demo city's transaction, so only into an empty database
 * and by one replica (the city's guard); the supervision job then runs once for the 催办/通报 due today.
 */
@Singleton
@Requires(property = "demo.living.enabled", value = "true")
@Requires(notEnv = "prod")
class LivingDemo implements DemoExtension, Ordered {
    private static final Logger LOG = LoggerFactory.getLogger(LivingDemo.class);
    static final String L = "liaison-qjny";
    static final String H = "head-qjny";
    static final String ZJ = "dept-xiaoyi-zhujian";
    static final String JT = "dept-xiaoyi-jiaotong";
    static final String SL = "liaison-shuitou";
    static final String HP = "head-heping";
    /** 高鹏飞, deputy head of the 清洁能源 station, logs in with 13800000017. */
    static final String DEPUTY = "13800000017";
    private final DemoStories stories;
    private final StationRepository stations;
    private final SupervisionJob supervision;
    private int n;

    LivingDemo(DemoStories stories, StationRepository stations, SupervisionJob supervision) {
        this.stories = stories;
        this.stations = stations;
        this.supervision = supervision;
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE; // after the demo accounts it acts as
    }

    @Override
    public void load() {
        long started = System.nanoTime();
        Map<String, Station> byName = StreamSupport.stream(stations.findAll().spliterator(), false)
                .collect(Collectors.toMap(Station::name, Function.identity(), (a, b) -> a));
        List<Station> all = DemoCity.STATIONS.stream().map(s -> byName.get(s.name())).toList();
        Station qjny = all.get(0);
        Station heping = all.get(9);
        Station shuitou = all.get(13);
        long zj = stories.account(ZJ).departmentId();
        long jt = stories.account(JT).departmentId();
        long deputy = stories.account(DEPUTY).deputyId();
        ContactCode q = stories.code(qjny.id(), null);
        ContactCode s = stories.code(shuitou.id(), null);
        ContactCode hp = stories.code(heping.id(), null);

        history(List.of(q, s, hp), zj);
        // new, at a deputy, accepted, answered, rejected; overdue at first response and at resolution
        fresh(q, 2);
        fresh(s, 4);
        fresh(hp, 1);
        fresh(stories.code(qjny.id(), deputy), 3);
        at(s, 6);
        at(stories.code(qjny.id(), deputy), 2).act(1, L, ASSIGN, v -> new ActionBody.Assign(v, deputy))
                .act(4, DEPUTY, REPLY, reply());
        at(s, 3).act(2, SL, ACCEPT, ActionBody.Accept::new);
        at(hp, 4).act(2, HP, ACCEPT, ActionBody.Accept::new).act(20, HP, REPLY, reply());
        at(s, 20).act(3, SL, ACCEPT, ActionBody.Accept::new).act(24, SL, REPLY, reply());
        at(s, 6).act(4, SL, REJECT, v -> new ActionBody.Reject(v, "该事项已进入司法程序，请通过诉讼途径解决"));
        // resolved awaiting the rating; reopened after 不满意; closed 不满意 after the last reopening
        at(q, 3).act(2, L, ACCEPT, ActionBody.Accept::new).act(20, L, REPLY, reply()).act(24, L, RESOLVE, resolve());
        at(q, 12).act(2, L, ACCEPT, ActionBody.Accept::new).act(48, L, RESOLVE, resolve())
                .rate(24, Rating.DISSATISFIED, "问题没有解决");
        Story last = at(q, 40).act(2, L, ACCEPT, ActionBody.Accept::new);
        for (int i = 0; i < 3; i++) {
            last.act(48, L, RESOLVE, resolve()).rate(24, Rating.DISSATISFIED, "还是没有解决");
        }
        referrals(q, zj, jt);
        // one concern at every other station: half fresh, half past the first-response deadline
        for (int i = 0; i < all.size(); i++) {
            Station st = all.get(i);
            if (st != qjny && st != heping && st != shuitou) {
                if (i % 2 == 0) {
                    fresh(stories.code(st.id(), null), 6);
                } else {
                    at(stories.code(st.id(), null), 5);
                }
            }
        }
        var r = supervision.runOnce(Times.now());
        LOG.info("Living demo: {} concerns, {} supervision steps, {} ms", n, r.steps(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** Thirty finished concerns over the last four months at the three stations with demo staff. */
    private void history(List<ContactCode> codes, long zj) {
        String[] staff = {L, SL, HP};
        for (int i = 0; i < 30; i++) {
            String who = staff[i % 3];
            Story x = at(codes.get(i % 3), 25 + 2 * i).act(3, who, ACCEPT, ActionBody.Accept::new);
            if (i % 3 == 0 && i % 2 == 0) {
                x.act(1, who, REFER, refer(zj, false)).act(3, ZJ, SIGN, sign())
                        .act(72, ZJ, DEPT_ANSWER, v -> new ActionBody.DeptAnswer(v, "已安排维修，三日内完成。", Outcome.SOLVED));
            } else {
                x.act(20, who, REPLY, reply());
            }
            x.act(i % 6 == 2 ? 24 * 25 : 48, who, RESOLVE, resolve());
            if (i % 5 == 0) {
                x.autoClose();
            } else if (i % 7 == 3) {
                x.rate(24, Rating.DISSATISFIED, "处理太慢").act(48, who, RESOLVE, resolve())
                        .rate(24, Rating.SATISFIED, null);
            } else {
                x.rate(30, i % 5 == 1 ? Rating.BASICALLY_SATISFIED : Rating.SATISFIED, i % 4 == 0 ? "感谢代表" : null);
            }
        }
    }

    /** The 清洁能源 station's referrals to 住建局 and 交通局 in every referral state. */
    private void referrals(ContactCode q, long zj, long jt) {
        fresh(q, 5).act(1, L, ACCEPT, ActionBody.Accept::new).act(1, L, REFER, refer(zj, true));
        referred(q, 3, jt);
        referred(q, 9, zj);
        referred(q, 2, zj).act(3, ZJ, SIGN, sign())
                .act(24, H, URGE, v -> new ActionBody.Urge(v, "请加快办理，群众反映强烈", null));
        referred(q, 22, jt).act(5, JT, SIGN, sign());
        referred(q, 6, zj).act(2, ZJ, SIGN, sign())
                .act(48, ZJ, DEPT_ANSWER, v -> new ActionBody.DeptAnswer(v, "经现场核实，已责成物业整改。", Outcome.SOLVED));
        referred(q, 5, jt).act(4, JT, RETURN, giveBack());
        referred(q, 8, jt).act(5, JT, RETURN, giveBack()).act(24, L, REFER, refer(zj, false)).act(3, ZJ, SIGN, sign());
        Story ext = referred(q, 7, zj).act(2, ZJ, SIGN, sign());
        ext.act(48, ZJ, REQUEST_EXTENSION, extension(ext));
        Story approved = referred(q, 10, jt).act(2, JT, SIGN, sign());
        approved.act(24, JT, REQUEST_EXTENSION, extension(approved))
                .act(5, H, APPROVE_EXTENSION, v -> new ActionBody.ApproveExtension(v, "同意延期，请按期办结"));
    }

    private Story referred(ContactCode q, int workingDaysAgo, long department) {
        return at(q, workingDaysAgo).act(1, L, ACCEPT, ActionBody.Accept::new).act(1, L, REFER, refer(department, false));
    }

    /** A resident's concern submitted that many working days ago (09:00, plus a little for each concern). */
    private Story at(ContactCode code, int workingDaysAgo) {
        return submit(code, stories.workingDaysAgo(workingDaysAgo, (n % 5) * 0.7));
    }

    /** A resident's concern submitted that many hours ago. */
    private Story fresh(ContactCode code, int hoursAgo) {
        return submit(code, Times.now().minus(Duration.ofHours(hoursAgo)));
    }

    private Story submit(ContactCode code, Instant when) {
        int k = n++;
        return stories.submit(k, code, k, DemoCity.CONCERNS.get(k % DemoCity.CONCERNS.size()), k % 4 == 0, when);
    }

    private static LongFunction<ActionBody> reply() {
        return v -> new ActionBody.Reply(v, "您反映的问题已收到，代表正在跟进，请耐心等待。");
    }

    private static LongFunction<ActionBody> resolve() {
        return v -> new ActionBody.Resolve(v, Outcome.SOLVED, "经协调，问题已解决，感谢您的反映。");
    }

    private static LongFunction<ActionBody> refer(long department, boolean share) {
        return v -> new ActionBody.Refer(v, department, null, "请核实情况并按期答复", share);
    }

    private static LongFunction<ActionBody> sign() {
        return v -> new ActionBody.Sign(v, "已签收，安排专人办理");
    }

    private static LongFunction<ActionBody> giveBack() {
        return v -> new ActionBody.Return(v, "该事项不属于本部门职责，建议交办城市管理部门",
                "《孝义市城市管理相对集中行政处罚权实施办法》第五条");
    }

    private static LongFunction<ActionBody> extension(Story s) {
        return v -> new ActionBody.RequestExtension(v, s.concern().departmentDeadline().atZone(Times.ZONE)
                .toLocalDate().plusDays(10), "需协调施工单位，申请延期十天");
    }
}
