package cn.mashang.archive;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/**
 * A region's points scheme for the performance archive (like Luohe's 5 classes / 23 items): classes of items,
 * each item a key with a weight (points per unit) and an optional yearly cap. Items with a {@link #COMPUTED} key
 * are counted by the system; any other key is entered by heads/admins (archive entries).
 */
@Serdeable
public record PointsScheme(@Nullable Long regionId, @NotBlank @Size(max = 100) String name,
                           @NotNull @Size(min = 1, max = 20) List<@Valid PointsClass> classes) {

    public static final List<String> COMPUTED = List.of("SESSIONS_ATTENDED", "RESIDENTS_RECEIVED", "CONCERNS_HANDLED",
            "CONCERNS_SATISFIED", "ACTIVITIES_JOINED", "SUGGESTIONS_SUBMITTED", "SUGGESTIONS_SATISFIED", "VISITS_MADE",
            "VISIT_RESIDENTS");

    @Serdeable
    public record PointsClass(@NotBlank @Size(max = 32) String name,
                              @NotNull @Size(min = 1, max = 30) List<@Valid Item> items) {
    }

    @Serdeable
    public record Item(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,31}") String key,
                       @NotBlank @Size(max = 64) String label,
                       @NotNull @DecimalMin("0") @DecimalMax("1000") BigDecimal weight,
                       @Nullable @DecimalMin("0") @DecimalMax("100000") BigDecimal cap) {
    }
}
