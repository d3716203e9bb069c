package cn.mashang.deputy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** A 人大代表. {@code levels} is a comma list of {@link DeputyLevel} names (a deputy may sit at several levels). */
@MappedEntity("deputy")
public record Deputy(
        @Id @GeneratedValue @Nullable Long id,
        String name,
        @Nullable String gender,
        String levels,
        @Nullable String unit,
        @Nullable String occupation,
        @Nullable String constituency,
        @Nullable String publicPhone,
        @Nullable String publicEmail,
        @Nullable String bio,
        @Nullable Long regionId,
        boolean active,
        @Version @Nullable Long version,
        Instant createdAt,
        Instant updatedAt) {

    public List<DeputyLevel> levelList() {
        if (levels == null || levels.isBlank()) {
            return List.of();
        }
        return Arrays.stream(levels.split(",")).map(String::trim).map(DeputyLevel::valueOf).sorted().toList();
    }

    public static String joinLevels(Collection<DeputyLevel> levels) {
        return levels.stream().sorted().distinct().map(Enum::name).collect(Collectors.joining(","));
    }
}
