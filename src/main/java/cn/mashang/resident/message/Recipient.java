package cn.mashang.resident.message;

import java.util.Optional;

/** Whom a resident message is for: the resident of a concern, of a booking, or of a one-time code request. */
public record Recipient(Kind kind, long id) {
    public enum Kind { CONCERN, BOOKING, CODE }

    public static Recipient concern(long id) {
        return new Recipient(Kind.CONCERN, id);
    }

    public static Recipient booking(long id) {
        return new Recipient(Kind.BOOKING, id);
    }

    /** The outbox target: {@code concern:42}, {@code booking:7}, {@code code:3}. */
    public String ref() {
        return kind.name().toLowerCase() + ":" + id;
    }

    /** The recipient of an outbox target written by {@link #ref()}. */
    public static Optional<Recipient> parse(String target) {
        int colon = target == null ? -1 : target.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Recipient(Kind.valueOf(target.substring(0, colon).toUpperCase()),
                    Long.parseLong(target.substring(colon + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
