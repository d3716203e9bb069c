package cn.mashang.standard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** The answers of the station-standards routes. */
final class StandardViews {
    private StandardViews() {
    }

    /** How many items of the checklist in force are in each state. */
    @Serdeable
    record Counts(int items, int passed, int pending, int returned, int empty) {
        static Counts of(int items, int passed, int pending, int returned) {
            return new Counts(items, passed, pending, returned, items - passed - pending - returned);
        }

        Counts plus(Counts o) {
            return new Counts(items + o.items, passed + o.passed, pending + o.pending, returned + o.returned, empty + o.empty);
        }
    }

    @Serdeable
    record ChecklistItem(long id, String name, @Nullable String hint, int sortOrder) {
    }

    @Serdeable
    record RetiredItem(long id, String name, @Nullable OffsetDateTime retiredAt) {
    }

    /** A region's checklist: its own (own = true) or the one it inherits (from a region above, or the default). */
    @Serdeable
    record Checklist(long regionId, String regionName, boolean own,
                     @Schema(description = "the region whose list is in force; null: the deployment's default")
                     @Nullable Long inForceRegionId, String inForceName, long version, List<ChecklistItem> items,
                     List<RetiredItem> retired) {
    }

    @Serdeable
    record Event(String from, String to, @Schema(example = "退回") String what, @Nullable String actor,
                 @Nullable String note, OffsetDateTime at) {
    }

    /** One item at a station: its state, evidence, the last review and the history of the year. */
    @Serdeable
    record Item(long itemId, String name, @Nullable String hint,
                @Schema(description = "false: the item is no longer in the station's checklist (kept as history)") boolean current,
                String state, String stateLabel, @Nullable String evidence, boolean hasPhoto, long version,
                @Nullable OffsetDateTime submittedAt, @Nullable OffsetDateTime reviewedAt, @Nullable String reviewNote,
                @Schema(description = "submit, pass, return: what the caller may do now") List<String> allowed,
                List<Event> history) {
    }

    @Serdeable
    record Station(long stationId, String stationName, int year,
                   @Schema(description = "the region whose checklist is in force; null: the deployment's default")
                   @Nullable Long checklistRegionId, String checklistName, Counts counts, List<Item> items) {
    }

    /** A row of the completion map: a child region (stations below it) or a station. */
    @Serdeable
    record MapRow(long id, String name, int stations, Counts counts) {
    }

    @Serdeable
    record CompletionMap(long regionId, String regionName, int year, int stationCount, Counts totals,
                         List<MapRow> children,
                         @Schema(description = "stations below the region, most 待审核 then 退回 first (at most 300)")
                         List<MapRow> stations) {
    }
}
