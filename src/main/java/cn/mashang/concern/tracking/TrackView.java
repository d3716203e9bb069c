package cn.mashang.concern.tracking;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the resident sees on the tracking page: status, outcome, the public timeline, photos; mobile only masked.
 * A concern a deputy carried into a 代表建议 lists it in {@code suggestions}.
 * A merged concern carries the surviving concern's public progress in {@code mergedInto}.
 */
@Serdeable
public record TrackView(String trackingNo, String state, String stateLabel, String category, String content,
                        @Nullable String address, @Nullable String contactName, @Nullable String mobileMasked,
                        String stationName, @Nullable String deputyName, OffsetDateTime createdAt,
                        OffsetDateTime updatedAt, int meTooCount, int reopenCount, @Nullable String rating,
                        @Nullable String ratingLabel, @Nullable String ratingComment, boolean canRate,
                        boolean canAddMessage, @Nullable String outcome, @Nullable String outcomeLabel,
                        List<Photo> photos, List<Entry> timeline,
                        @Schema(nullable = false, description = "合并后才有 / only on a merged concern: the surviving one")
                        @Nullable Merged mergedInto,
                        @Schema(nullable = false, description = "预计答复时间 / while open: the first-response deadline "
                                + "before the first answer, then the resolution deadline")
                        @Nullable OffsetDateTime expectedBy,
                        @Schema(nullable = false, description = "expectedBy 指什么 / what expectedBy is the deadline of: "
                                + "答复 (the first answer) or 办结 (resolution)")
                        @Nullable String expectedFor,
                        @Schema(description = "代表据此提出的建议 / suggestions deputies drafted from this concern")
                        List<Suggestion> suggestions) {

    /** A deputy's suggestion (代表建议) the concern went into: what the resident may know of it. */
    @Serdeable
    public record Suggestion(String title, @Nullable String number, String sessionName, String state,
                             String stateLabel) {
    }

    @Serdeable
    public record Photo(long id, String url, int width, int height) {
    }

    /** The surviving concern a merged one follows: its state and public timeline. */
    @Serdeable
    public record Merged(String trackingNo, String state, String stateLabel, @Nullable String outcomeLabel,
                         List<Entry> timeline) {
    }

    @Serdeable
    public record Entry(String type, String label, String actor, @Nullable String toState,
                        @Nullable String toStateLabel, @Nullable String body, OffsetDateTime at) {
    }
}
