package cn.mashang.reception;

import cn.mashang.common.JobLock;

import cn.mashang.common.Times;
import cn.mashang.deputy.Deputy;
import cn.mashang.deputy.DeputyRepository;
import cn.mashang.notify.NotificationMessage;
import cn.mashang.notify.Outbox;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Scheduled work of reception days, each round claimed by one replica ({@link JobLock}; the round's lease is left to run out, so a round runs at most once per lease): re-planning
 * rule sessions on the calendar and generating them up to the horizon ({@link HolidayReplan}), and reminding on-duty deputies {@code reception.reminder-lead} before a session through the
 * notification outbox (dedupe key {@code session-reminder:{sessionId}:{deputyId}}, so a reminder goes out once).
 */
@Singleton
public class ReceptionJobs {
    private static final Logger LOG = LoggerFactory.getLogger(ReceptionJobs.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");
    private final JobLock lock;
    private final SessionPlanner planner;
    private final ReceptionRepositories.Sessions sessions;
    private final Visits visits;
    private final DeputyRepository deputies;
    private final Outbox outbox;
    private final ReceptionConfig config;
    private final HolidayReplan replan;

    ReceptionJobs(JobLock lock, SessionPlanner planner, ReceptionRepositories.Sessions sessions, Visits visits,
                  DeputyRepository deputies, Outbox outbox, ReceptionConfig config, HolidayReplan replan) {
        this.lock = lock;
        this.planner = planner;
        this.sessions = sessions;
        this.visits = visits;
        this.deputies = deputies;
        this.outbox = outbox;
        this.config = config;
        this.replan = replan;
    }

    @Scheduled(fixedDelay = "${reception.reminder-interval:5m}", initialDelay = "1m")
    void remindRound() {
        if (config.jobsEnabled() && lock.claim("reception-reminders", planner.now(), Duration.ofMinutes(4)).isPresent()) {
            remind();
        }
    }

    @Scheduled(fixedDelay = "6h", initialDelay = "2m")
    void generateRound() {
        if (config.jobsEnabled() && lock.claim("reception-generate", planner.now(), Duration.ofHours(5)).isPresent()) {
            LOG.info("reception sessions re-planned and generated: {}", replan.replan());
        }
    }

    /** Enqueues reminders for sessions starting within the lead time; answers how many rows were written. */
    @Transactional
    public int remind() {
        Instant now = planner.now();
        List<ReceptionSession> due = sessions.startingBetween(now, now.plus(config.reminderLead()));
        List<Visits.Duty> duty = visits.duties(due.stream().map(ReceptionSession::id).toList()).stream()
                .filter(Visits.Duty::onDuty).toList();
        Map<Long, String> names = deputies.findByIdIn(duty.stream().map(Visits.Duty::deputyId).distinct().toList())
                .stream().collect(Collectors.toMap(Deputy::id, Deputy::name));
        int written = 0;
        for (ReceptionSession s : due) {
            String station = planner.station(s.stationId()).name();
            for (Visits.Duty d : duty) {
                if (d.sessionId() != s.id()) {
                    continue;
                }
                String when = s.startsAt().atZone(Times.ZONE).format(WHEN);
                String title = "接待日提醒：" + names.getOrDefault(d.deputyId(), "") + " " + when;
                String md = "### 接待日值班提醒\n- 代表：" + names.getOrDefault(d.deputyId(), "") + "\n- 联络站：" + station
                        + "\n- 时间：" + when + "—" + s.endsAt().atZone(Times.ZONE).format(DateTimeFormatter.ofPattern("HH:mm"))
                        + (s.place() == null ? "" : "\n- 地点：" + s.place()) + "\n- 已预约：" + s.booked() + " 人";
                if (outbox.enqueue("reception.reminder", new NotificationMessage(title, md),
                        "session-reminder:" + s.id() + ":" + d.deputyId(), s.stationId())) {
                    written++;
                }
            }
        }
        return written;
    }
}
