package cn.mashang.reception;

import cn.mashang.calendar.WorkingCalendar;
import cn.mashang.sla.SlaInputsChanged;
import io.micronaut.context.BeanProvider;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * Rule sessions follow the working-day calendar after it changes (an admin marks a holiday or a 调休 day): an
 * upcoming session whose nominal date its rule's holiday policy now drops is cancelled, and one the policy now
 * puts on another day moves there; either way its open bookings are told through the resident messages
 * ({@link Bookings#cancelSession}, the path of a liaison's cancellation, and {@link Bookings#moveSession}). Newly
 * working days get their sessions ({@link SessionPlanner#generate}). Runs on every calendar change and in the
 * generation round of {@link ReceptionJobs}, which repairs a change whose re-plan failed.
 */
@Singleton
class HolidayReplan {
    private static final Logger LOG = LoggerFactory.getLogger(HolidayReplan.class);
    private final SessionPlanner planner;
    private final ReceptionRepositories.Rules rules;
    private final ReceptionRepositories.Sessions sessions;
    private final Bookings bookings;
    private final BeanProvider<WorkingCalendar> calendar;
    private final ReceptionConfig config;

    HolidayReplan(SessionPlanner planner, ReceptionRepositories.Rules rules, ReceptionRepositories.Sessions sessions,
                  Bookings bookings, BeanProvider<WorkingCalendar> calendar, ReceptionConfig config) {
        this.planner = planner;
        this.rules = rules;
        this.sessions = sessions;
        this.bookings = bookings;
        this.calendar = calendar;
        this.config = config;
    }

    /** What a re-plan did. */
    record Result(int cancelled, int moved, int generated) {
    }

    @EventListener
    void onChanged(SlaInputsChanged e) {
        if (!"calendar".equals(e.what())) {
            return;
        }
        try {
            LOG.info("calendar changed: reception sessions re-planned {}", replan());
        } catch (RuntimeException ex) {
            LOG.error("re-planning reception sessions after a calendar change failed (the generation round retries)", ex);
        }
    }

    Result replan() {
        return replan(calendar.get()::isWorkingDay);
    }

    /** Each session's change is its own transaction (with its messages); one failure leaves the others done. */
    Result replan(Predicate<LocalDate> workingDay) {
        Instant now = planner.now();
        LocalDate today = planner.today();
        int cancelled = 0;
        int moved = 0;
        int generated = 0;
        for (ReceptionRule rule : rules.findByActiveTrue()) {
            for (ReceptionSession s : sessions.scheduledOfRule(rule.id(), now)) {
                LocalDate actual = Recurrence.apply(rule.holidayPolicy(), s.nominalDate(), workingDay);
                if (s.sessionDate().equals(actual)) {
                    continue;
                }
                Instant startsAt = actual == null ? null : SessionPlanner.at(actual, rule.startTime());
                if (startsAt == null || !startsAt.isAfter(now)) {
                    bookings.cancelSession(s);
                    cancelled++;
                } else if (bookings.moveSession(s, actual, startsAt, SessionPlanner.at(actual, rule.endTime()))) {
                    moved++;
                }
            }
            generated += planner.generate(rule, today, today.plusDays(config.horizonDays()), workingDay);
        }
        return new Result(cancelled, moved, generated);
    }
}
