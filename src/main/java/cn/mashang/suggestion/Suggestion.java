package cn.mashang.suggestion;

import cn.mashang.concern.Rating;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/**
 * A 代表建议 (V90): drafted by a deputy from concerns, registered and assigned by the committee, replied by the lead
 * unit, rated by the author. Its states and who may move it: {@link SuggestionStateMachine}.
 */
@MappedEntity("suggestion")
public record Suggestion(
        @Id @GeneratedValue @Nullable Long id,
        Long regionId,
        Long authorDeputyId,
        String title,
        String body,
        String sessionName,
        String category,
        State state,
        @Nullable String number,
        @Nullable Long leadDepartmentId,
        @Nullable Instant replyDue,
        @MappedProperty("handling_round") int round,
        @Nullable Rating rating,
        @Nullable Instant ratedAt,
        @Nullable Instant closedAt,
        long version,
        Long createdBy,
        Instant createdAt,
        Instant updatedAt) {

    public enum State {
        SUBMITTED("已提交"), REGISTERED("已登记"), ASSIGNED("办理中"), REPLIED("已答复"), CLOSED("已办结");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
