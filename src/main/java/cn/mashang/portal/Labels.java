package cn.mashang.portal;

import cn.mashang.auth.Role;
import cn.mashang.auth.RoleLabels;
import cn.mashang.concern.lifecycle.ConcernAction;
import cn.mashang.concern.ConcernEventType;
import cn.mashang.concern.ConcernState;
import cn.mashang.concern.Outcome;
import cn.mashang.concern.Rating;
import cn.mashang.deputy.DeputyLevel;
import cn.mashang.deputy.MembershipRole;
import cn.mashang.reception.ActivityPlan;
import cn.mashang.reception.Booking;
import cn.mashang.reception.HolidayPolicy;
import cn.mashang.reception.ReceptionSession;
import cn.mashang.reception.ReceptionDays;
import cn.mashang.reception.RuleKind;
import cn.mashang.sla.SlaColour;
import cn.mashang.sla.SlaSegment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The words the pages show for the enum values the API answers with (states, actions, outcomes, ratings, roles,
 * timeline rows, clocks, traffic lights, reception statuses), built once from the enums, which own them. Pages read
 * them from the data block of the shared page head ({@code #labels}, see {@link StaticPages}) and never spell them
 * out; other clients read {@code GET /api/v1/labels}. States and statuses carry a tone: the one colour of their tag.
 */
@Singleton
public class Labels {
    /** The tag colours: one CSS rule each ({@code .tag.tone-active} …), the same on every page. */
    public enum Tone {
        ACTIVE, PENDING, ALERT, MUTED;

        String css() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One value: its enum name, its words, and where it applies its tag colour, its action path (staff actions) and
     * whether staff may choose it (outcomes of 办结; 已合并办理 is set by merging only).
     */
    @Serdeable
    public record Entry(String value, String label, @Nullable String tone, @Nullable String path,
                        @Nullable Boolean choosable) {
    }

    @Serdeable
    public record Catalogue(List<Entry> states, List<Entry> actions, List<Entry> outcomes, List<Entry> ratings,
                            List<Entry> roles, List<Entry> eventTypes, List<Entry> segments, List<Entry> colours,
                            List<Entry> levels, List<Entry> membershipRoles, List<Entry> bookingStatuses,
                            List<Entry> sessionStatuses, List<Entry> ruleKinds, List<Entry> weekOrdinals,
                            List<Entry> holidayPolicies, List<Entry> planForms) {
    }

    private final Catalogue catalogue;
    private final String json;

    Labels(JsonMapper mapper) {
        this.catalogue = build();
        try {
            this.json = mapper.writeValueAsString(catalogue);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /** The catalogue as JSON that cannot end a data block or open markup (every <, > and & as a \\u escape). */
    String dataBlockJson() {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    static Tone tone(ConcernState s) {
        return switch (s) {
            case ACCEPTED, ANSWERED -> Tone.ACTIVE;
            case SUBMITTED, REFERRED, EXTENDED -> Tone.PENDING;
            case REJECTED, REOPENED -> Tone.ALERT;
            case RESOLVED, CLOSED -> Tone.MUTED;
        };
    }

    static Tone tone(SlaColour c) {
        return switch (c) {
            case GREEN -> Tone.ACTIVE;
            case AMBER -> Tone.PENDING;
            case RED -> Tone.ALERT;
        };
    }

    static Tone tone(Booking.Status s) {
        return switch (s) {
            case BOOKED -> Tone.PENDING;
            case CHECKED_IN -> Tone.ACTIVE;
            case CANCELLED -> Tone.MUTED;
        };
    }

    static Tone tone(ReceptionSession.Status s) {
        return s == ReceptionSession.Status.CANCELLED ? Tone.MUTED : Tone.ACTIVE;
    }

    private static Catalogue build() {
        return new Catalogue(
                states(),
                Arrays.stream(ConcernAction.values())
                        .map(a -> new Entry(a.name(), a.label(), null, a.path(), null)).toList(),
                Arrays.stream(Outcome.values())
                        .map(o -> new Entry(o.name(), o.label(), null, null, o != Outcome.DUPLICATE_MERGED)).toList(),
                entries(Rating.values(), Rating::label, r -> null),
                entries(Role.values(), RoleLabels::of, r -> null),
                entries(ConcernEventType.values(), ConcernEventType::label, t -> null),
                entries(SlaSegment.values(), SlaSegment::label, s -> null),
                entries(SlaColour.values(), SlaColour::label, c -> tone(c).css()),
                entries(DeputyLevel.values(), DeputyLevel::label, l -> null),
                entries(MembershipRole.values(), MembershipRole::label, r -> null),
                entries(Booking.Status.values(), Booking.Status::label, s -> tone(s).css()),
                entries(ReceptionSession.Status.values(), ReceptionSession.Status::label, s -> tone(s).css()),
                entries(RuleKind.values(), RuleKind::label, k -> null),
                ReceptionDays.weekOrdinals().entrySet().stream()
                        .map(e -> new Entry(String.valueOf(e.getKey()), e.getValue(), null, null, null)).toList(),
                entries(HolidayPolicy.values(), HolidayPolicy::label, p -> null),
                entries(ActivityPlan.Form.values(), ActivityPlan.Form::label, f -> null));
    }

    /** The states, and the closed-unrated count key of the dashboards (its own label, never 已评价). */
    private static List<Entry> states() {
        List<Entry> out = new java.util.ArrayList<>(entries(ConcernState.values(), ConcernState::label, s -> tone(s).css()));
        out.add(new Entry(ConcernState.CLOSED_UNRATED_KEY, ConcernState.CLOSED_UNRATED, tone(ConcernState.CLOSED).css(),
                null, null));
        return List.copyOf(out);
    }

    private static <E extends Enum<E>> List<Entry> entries(E[] values, Function<E, String> label,
                                                           Function<E, String> tone) {
        return Arrays.stream(values).map(v -> new Entry(v.name(), label.apply(v), tone.apply(v), null, null)).toList();
    }
}
