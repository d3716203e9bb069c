package cn.mashang.reception;

import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.resident.PiiCrypto;
import cn.mashang.resident.RateLimits;
import cn.mashang.resident.ResidentTokens;
import cn.mashang.resident.message.BookingMessages;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Resident bookings of a session: one per person (device, and mobile number when given) per session, at most
 * {@code reception.max-open-bookings} open bookings per person, never beyond the session's capacity (an atomic
 * seat counter on the session row). The booking code is short, random and unambiguous to read aloud.
 */
@Singleton
class Bookings {
    /** No 0/O, 1/I/L: codes are read aloud and typed by liaisons. */
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int CODE_LENGTH = 8;

    private final ReceptionRepositories.Sessions sessions;
    private final ReceptionRepositories.Bookings bookings;
    private final PiiCrypto crypto;
    private final ResidentTokens tokens;
    private final RateLimits limits;
    private final ReceptionConfig config;
    private final SessionPlanner planner;
    private final BookingMessages messages;
    private final SecureRandom random = new SecureRandom();

    Bookings(ReceptionRepositories.Sessions sessions, ReceptionRepositories.Bookings bookings, PiiCrypto crypto,
             ResidentTokens tokens, RateLimits limits, ReceptionConfig config, SessionPlanner planner,
             BookingMessages messages) {
        this.sessions = sessions;
        this.bookings = bookings;
        this.crypto = crypto;
        this.tokens = tokens;
        this.limits = limits;
        this.config = config;
        this.planner = planner;
        this.messages = messages;
    }

    record Result(Booking booking, ReceptionSession session, boolean created, String issuedToken) {
    }

    Result book(long sessionId, ReceptionDtos.BookingInput in, Optional<ResidentTokens.Device> device, String address) {
        ReceptionSession s = sessions.findById(sessionId).orElseThrow(() -> ApiException.notFound("接待日"));
        Instant now = planner.now();
        if (s.status() != ReceptionSession.Status.SCHEDULED || !s.startsAt().isAfter(now)) {
            throw ApiException.conflict("该场接待已开始、已结束或已取消，不能再预约");
        }
        String name = SessionPlanner.blank(in.contactName());
        String mobile = SessionPlanner.blank(in.mobile());
        if (mobile != null && !mobile.matches("1[3-9]\\d{9}")) {
            throw ApiException.badField("mobile", "请填写正确的 11 位手机号");
        }
        if ((name != null || mobile != null) && !Boolean.TRUE.equals(in.consent())) {
            throw ApiException.badField("consent", "留下姓名或手机号时，请先同意个人信息使用说明");
        }
        boolean notify = Boolean.TRUE.equals(in.notifyMe());
        if (notify && mobile == null) {
            throw ApiException.badField("mobile", "需要预约提醒时请填写手机号");
        }
        String mobileHash = crypto.hmac(mobile);
        if (device.isPresent()) {
            Optional<Booking> mine = bookings.findBySessionIdAndDeviceId(sessionId, device.get().id())
                    .filter(b -> b.status() != Booking.Status.CANCELLED);
            if (mine.isPresent()) {
                return new Result(mine.get(), s, false, null);
            }
        }
        limits.take(RateLimits.Kind.SUBMIT_ADDRESS, "booking:" + address);
        if (mobileHash != null && bookings.findBySessionIdAndMobileHash(sessionId, mobileHash).isPresent()) {
            throw ApiException.conflict("该手机号已预约本场接待，请使用原预约码");
        }
        String issued = null;
        ResidentTokens.Device dev;
        if (device.isPresent()) {
            dev = device.get();
        } else {
            dev = ResidentTokens.device(tokens.newSubject());
            issued = tokens.issue(dev.subject(), Times.now());
        }
        if (bookings.openOf(dev.id(), mobileHash == null ? "-" : mobileHash, now) >= config.maxOpenBookings()) {
            throw new ApiException(HttpStatus.CONFLICT, "预约已达上限",
                    "每人最多同时保留 " + config.maxOpenBookings() + " 个未到场的预约");
        }
        Booking b = save(s, name, mobile, mobileHash, notify, dev.id(), now);
        return new Result(b, sessions.findById(sessionId).orElse(s), true, issued);
    }

    @Transactional
    public Booking save(ReceptionSession s, String name, String mobile, String mobileHash, boolean notify,
                        String deviceId, Instant now) {
        if (sessions.takeSeat(s.id(), now) == 0) {
            throw new ApiException(HttpStatus.CONFLICT, "名额已满", "本场接待的预约名额已满，欢迎直接到站或选择其他场次");
        }
        Booking b;
        try {
            b = bookings.save(new Booking(null, s.id(), newCode(), name, crypto.encrypt(mobile), PiiCrypto.mask(mobile),
                    mobileHash, name != null || mobile != null ? now : null, deviceId, Booking.Status.BOOKED, null, null,
                    now, notify));
        } catch (RuntimeException e) {
            // a concurrent second booking of the same person (unique keys): the transaction is rolled back
            throw ApiException.conflict("您已预约本场接待");
        }
        messages.tell(b.id(), b.bookingCode(), s.id(), s.stationId(), s.startsAt(), BookingMessages.Event.CONFIRMED);
        return b;
    }

    /**
     * The resident cancels their booking: only from the device that booked it (404 otherwise, a code is read aloud),
     * only before the session starts; the seat is freed. Idempotent: a cancelled booking answers as it is.
     */
    @Transactional
    public Booking cancel(String code, Optional<ResidentTokens.Device> device) {
        Booking b = mine(code, device);
        if (b.status() == Booking.Status.CANCELLED) {
            return b;
        }
        ReceptionSession s = sessions.findById(b.sessionId()).orElseThrow();
        Instant now = planner.now();
        if (b.status() != Booking.Status.BOOKED || !s.startsAt().isAfter(now)) {
            throw ApiException.conflict("已签到或接待已开始的预约不能取消");
        }
        if (bookings.cancel(b.id()) == 1) {
            sessions.releaseSeat(s.id(), now);
            messages.tell(b.id(), b.bookingCode(), s.id(), s.stationId(), s.startsAt(), BookingMessages.Event.CANCELLED);
        }
        return bookings.findById(b.id()).orElseThrow();
    }

    /**
     * 预约提醒 of a booking, read or set from the device that booked it (404 otherwise); turning it on needs the
     * mobile left with the booking. Messages already queued are dropped at delivery once it is off.
     */
    @Transactional
    public ReceptionDtos.BookingNotice notice(String code, Optional<ResidentTokens.Device> device, Boolean sms) {
        Booking b = mine(code, device);
        if (sms != null) {
            if (sms && b.mobileEnc() == null) {
                throw ApiException.badField("sms", "这次预约没有留手机号，无法短信提醒");
            }
            bookings.setNotify(b.id(), sms);
            b = bookings.findById(b.id()).orElseThrow();
        }
        return new ReceptionDtos.BookingNotice(b.notifySms(), b.mobileEnc() != null, b.mobileMasked());
    }

    private Booking mine(String code, Optional<ResidentTokens.Device> device) {
        return bookings.findByBookingCode(code.strip().toUpperCase())
                .filter(x -> device.isPresent() && device.get().id().equals(x.deviceId()))
                .orElseThrow(() -> ApiException.notFound("预约"));
    }

    /** Cancels a session and tells each of its open bookings, in one transaction. */
    @Transactional
    public void cancelSession(ReceptionSession s) {
        sessions.cancel(s.id(), planner.now());
        for (Booking b : bookings.findBySessionIdOrderById(s.id())) {
            if (b.status() == Booking.Status.BOOKED) {
                messages.tell(b.id(), b.bookingCode(), s.id(), s.stationId(), s.startsAt(),
                        BookingMessages.Event.SESSION_CANCELLED);
            }
        }
    }

    /** Moves a session to another day and tells each of its open bookings the new time, in one transaction. */
    @Transactional
    public boolean moveSession(ReceptionSession s, LocalDate date, Instant startsAt, Instant endsAt) {
        if (sessions.move(s.id(), date, startsAt, endsAt, planner.now()) == 0) {
            return false;
        }
        for (Booking b : bookings.findBySessionIdOrderById(s.id())) {
            if (b.status() == Booking.Status.BOOKED) {
                messages.tell(b.id(), b.bookingCode(), s.id(), s.stationId(), startsAt, BookingMessages.Event.MOVED);
            }
        }
        return true;
    }

    /** Checks a booking of the session in; idempotent (a second check-in answers the first). */
    @Transactional
    public ReceptionDtos.CheckInAnswer checkIn(ReceptionSession s, ReceptionDtos.CheckInInput in, long byAccount) {
        Booking b;
        if (in.bookingCode() != null && !in.bookingCode().isBlank()) {
            b = bookings.findByBookingCode(in.bookingCode().strip().toUpperCase()).orElse(null);
        } else if (in.bookingId() != null) {
            b = bookings.findById(in.bookingId()).orElse(null);
        } else {
            throw ApiException.badField("bookingCode", "请填写预约码或选择预约");
        }
        if (b == null || !b.sessionId().equals(s.id())) {
            throw ApiException.notFound("预约");
        }
        if (s.status() != ReceptionSession.Status.SCHEDULED) {
            throw ApiException.conflict("该场接待已取消");
        }
        Instant now = planner.now();
        if (planner.today().isBefore(s.sessionDate())) {
            throw ApiException.conflict("接待日当天才能签到（" + s.sessionDate() + "）");
        }
        if (b.status() == Booking.Status.CANCELLED) {
            throw ApiException.conflict("该预约已取消");
        }
        boolean already = b.status() == Booking.Status.CHECKED_IN || bookings.checkIn(b.id(), byAccount, now) == 0;
        return new ReceptionDtos.CheckInAnswer(row(bookings.findById(b.id()).orElseThrow()), already);
    }

    static ReceptionDtos.BookingRow row(Booking b) {
        return new ReceptionDtos.BookingRow(b.id(), b.bookingCode(), b.status().name(), b.contactName(), b.mobileMasked(),
                Times.show(b.createdAt()), Times.show(b.checkedInAt()));
    }

    private String newCode() {
        StringBuilder sb = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
