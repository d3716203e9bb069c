package cn.mashang.reception;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** An activity plan (有计划): time, content, form, convener, participants; public once published. */
@MappedEntity("activity_plan")
public record ActivityPlan(
        @Id @GeneratedValue @Nullable Long id,
        Long stationId,
        String title,
        @Nullable String content,
        Form form,
        Instant startsAt,
        @Nullable Instant endsAt,
        @Nullable String place,
        @Nullable String convener,
        @Nullable String participants,
        Status status,
        @Nullable Instant publishedAt,
        @Nullable Long createdBy,
        Instant createdAt,
        Instant updatedAt) {

    public enum Status { DRAFT, PUBLISHED, CANCELLED }

    public enum Form {
        SYMPOSIUM("座谈"), SURVEY("调研"), INSPECTION("视察"), LECTURE("讲座"), RECEPTION("接待");

        private final String label;

        Form(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
