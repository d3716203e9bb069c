package cn.mashang.suggestion;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A suggestion as its deputies, the committee and its units see it: the text, the concerns it came from, the
 * units, the reply clock, the timeline (replies and ratings per handling round), the caller's allowed actions and
 * the version to send back with an action.
 */
@Serdeable
public record SuggestionView(long id, @Nullable String number, String title, String body, String sessionName,
                             String category, String state, String stateLabel, int round, Person author,
                             List<Person> jointDeputies, List<ConcernRef> concerns, @io.swagger.v3.oas.annotations.media.Schema(nullable = false, description = "主办单位 / the lead unit, once assigned") @Nullable Person leadUnit,
                             List<Person> coUnits, @Nullable OffsetDateTime replyDue, boolean overdue,
                             @Nullable String rating, @Nullable String ratingLabel, List<Event> timeline,
                             List<String> allowedActions, long version, OffsetDateTime createdAt) {

    /** A deputy or a unit. */
    @Serdeable
    public record Person(long id, String name) {
    }

    /** A concern the suggestion was drafted from (no resident data). */
    @Serdeable
    public record ConcernRef(long id, String trackingNo, String category, String stateLabel) {
    }

    @Serdeable
    public record Event(long id, String type, String label, int round, @Nullable String actorRole,
                        @Nullable String unitName, @Nullable String rating, @Nullable String ratingLabel,
                        @Nullable String body, OffsetDateTime at) {
    }

    /** A row of a list. */
    @Serdeable
    public record Item(long id, @Nullable String number, String title, String sessionName, String state,
                       String stateLabel, int round, String authorName, @Nullable String leadUnitName,
                       @Nullable OffsetDateTime replyDue, boolean overdue, OffsetDateTime createdAt) {
    }

    /** A page of a list, newest first; {@code nextCursor} null on the last page. */
    @Serdeable
    public record Page(List<Item> items, @Nullable String nextCursor) {
    }
}
