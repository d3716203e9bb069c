package cn.mashang.demo;

import cn.mashang.auth.StaffAccount;
import cn.mashang.auth.StaffAccountRepository;
import cn.mashang.auth.TokenService;
import cn.mashang.calendar.WorkingCalendar;
import cn.mashang.common.Times;
import cn.mashang.concern.Concern;
import cn.mashang.concern.ConcernRepository;
import cn.mashang.concern.Rating;
import cn.mashang.concern.intake.Categories;
import cn.mashang.concern.intake.ConcernRequest;
import cn.mashang.concern.intake.IntakeService;
import cn.mashang.concern.lifecycle.ActionBody;
import cn.mashang.concern.lifecycle.ConcernAction;
import cn.mashang.concern.lifecycle.ConcernActions;
import cn.mashang.concern.lifecycle.ConcernClosing;
import cn.mashang.location.DemoPlaces;
import cn.mashang.qr.ContactCode;
import cn.mashang.qr.ContactCodeRepository;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Tells a demo concern's story through the real code paths, each step with {@link Times#now()} pinned to the
 * step's moment in the past: the resident's submission ({@link IntakeService#submit}), staff and department
 * actions as a demo account ({@link ConcernActions#perform}), the resident's rating and the system's auto-close
 * ({@link ConcernClosing}). So timelines, stored deadlines, roll-up marks and {@code Overdue} agree as if it
 * had happened.
 */
@Singleton
class DemoStories {
    private final IntakeService intake;
    private final ConcernActions actions;
    private final ConcernClosing closing;
    private final ConcernRepository concerns;
    private final StaffAccountRepository accounts;
    private final ContactCodeRepository codes;
    private final Categories categories;
    private final WorkingCalendar calendar;
    private final DemoPlaces places;
    private final Map<String, Authentication> as = new HashMap<>();

    DemoStories(IntakeService intake, ConcernActions actions, ConcernClosing closing, ConcernRepository concerns,
                StaffAccountRepository accounts, ContactCodeRepository codes, Categories categories,
                WorkingCalendar calendar, DemoPlaces places) {
        this.intake = intake;
        this.actions = actions;
        this.closing = closing;
        this.concerns = concerns;
        this.accounts = accounts;
        this.codes = codes;
        this.categories = categories;
        this.calendar = calendar;
        this.places = places;
    }

    /** A demo account by login name or staff mobile number. */
    StaffAccount account(String login) {
        return accounts.findByLoginName(login).or(() -> accounts.findByMobile(login))
                .orElseThrow(() -> new IllegalStateException("demo account missing: " + login));
    }

    /** The station's own code, or a deputy's code at that station. */
    ContactCode code(long stationId, Long deputyId) {
        return codes.findByStationIdAndActiveTrue(stationId).stream()
                .filter(c -> deputyId == null ? c.kind() == ContactCode.Kind.STATION : deputyId.equals(c.deputyId()))
                .findFirst().orElseThrow(() -> new IllegalStateException("demo code missing at station " + stationId));
    }

    /** 09:00 (plus {@code hours}) of the working day {@code n} working days before today. */
    Instant workingDaysAgo(int n, double hours) {
        LocalDate d = LocalDate.now(Times.ZONE);
        for (int counted = 0; counted < n; ) {
            d = d.minusDays(1);
            if (calendar.isWorkingDay(d)) {
                counted++;
            }
        }
        return d.atTime(LocalTime.of(9, 0)).atZone(Times.ZONE).toInstant().plusSeconds((long) (hours * 3600));
    }

    /** A resident submits at {@code at} (its {@code n}-th demo concern: the idempotency key and sender). */
    Story submit(int n, ContactCode code, int category, String content, boolean contact, Instant at) {
        List<String> offered = categories.forCode(code);
        String cat = offered.get(category % offered.size());
        var req = new ConcernRequest(code.code(), cat, content, null, contact ? "王女士" : null,
                contact ? String.format("139%08d", 10_000 + n) : null, List.of(), contact ? Boolean.TRUE : null, null,
                places.of(code.stationId(), n));
        String no = Times.at(at, () -> intake.submit(req, "demo-living-" + n, Optional.empty(), "demo-" + n)
                .answer().trackingNo());
        return new Story(concerns.findByTrackingNo(no).orElseThrow().id(), at);
    }

    /** One concern's road; each step happens {@code hours} after the previous one. */
    final class Story {
        final long id;
        private Instant t;

        Story(long id, Instant t) {
            this.id = id;
            this.t = t;
        }

        Concern concern() {
            return concerns.findById(id).orElseThrow();
        }

        Story act(double hours, String login, ConcernAction action, LongFunction<ActionBody> body) {
            t = t.plus(Duration.ofMinutes((long) (hours * 60)));
            Authentication who = as.computeIfAbsent(login, l -> TokenService.authenticationOf(account(l)));
            Times.at(t, () -> actions.perform(id, action, body.apply(version()), who));
            return this;
        }

        Story rate(double hours, Rating rating, String comment) {
            t = t.plus(Duration.ofMinutes((long) (hours * 60)));
            Times.at(t, () -> {
                closing.rate(concern(), rating, comment);
                return null;
            });
            return this;
        }

        /** The auto-close job's run an hour after the feedback window ended. */
        Story autoClose() {
            Concern c = concern();
            t = c.feedbackDue().plus(Duration.ofHours(1));
            if (!closing.autoCloseIfDue(c, t)) {
                throw new IllegalStateException("demo concern " + id + " not due for auto-close");
            }
            return this;
        }

        private long version() {
            Long v = concern().version();
            return v == null ? 0 : v;
        }
    }
}
