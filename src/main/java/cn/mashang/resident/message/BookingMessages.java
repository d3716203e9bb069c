package cn.mashang.resident.message;

import cn.mashang.common.Times;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Messages to a resident about a reception booking (confirmed, cancelled by the resident, cancelled because its
 * session was — by a liaison or by a holiday the calendar marks — or moved to another day by a holiday), in the
 * caller's transaction; the reminder is {@link ResidentReminders}'. Channels reach a booking when its resident
 * opted in to 预约提醒 and left a number (SMS). Dedupe key {@code resident:booking-<event>:<booking id>:<channel>} (a move: also the new start).
 */
@Singleton
public class BookingMessages {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");
    private final ResidentMessages messages;
    private final ResidentLinks links;

    BookingMessages(ResidentMessages messages, ResidentLinks links) {
        this.messages = messages;
        this.links = links;
    }

    public enum Event {
        CONFIRMED("已确认"), CANCELLED("已取消"), SESSION_CANCELLED("已取消（该场接待取消）"),
        /** the session moved to the day its rule's holiday policy gives (startsAt is the new time) */
        MOVED("（遇节假日改期）");

        private final String label;

        Event(String label) {
            this.label = label;
        }
    }

    public int tell(long bookingId, String bookingCode, long sessionId, long stationId, Instant startsAt, Event event) {
        String state = startsAt.atZone(Times.ZONE).format(WHEN) + " 接待" + event.label;
        return messages.send(Recipient.booking(bookingId), "booking." + event.name().toLowerCase(),
                new ResidentNotice("接待预约", bookingCode, state, links.session(sessionId)),
                "booking-" + event.name().toLowerCase() + ":" + bookingId
                        + (event == Event.MOVED ? ":" + startsAt.getEpochSecond() : ""), stationId);
    }
}
