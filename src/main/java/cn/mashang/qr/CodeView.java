package cn.mashang.qr;

import cn.mashang.deputy.DeputyLevel;
import cn.mashang.deputy.MembershipRole;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * Everything a scan landing page needs, in one answer. A revoked code (or a deputy code whose deputy has left
 * the station) has {@code active=false}, only the station's id and name, and {@code currentStationUrl}.
 */
@Serdeable
public record CodeView(String code, ContactCode.Kind kind, boolean active, String scanUrl, StationCard station,
                       @Schema(nullable = false, description = "代表码才有 / only for a deputy code")
                       @Nullable DeputyCard deputy, @Nullable String presetCategory,
                       @Nullable String currentStationUrl) {

    @Serdeable
    public record StationCard(Long id, String name, @Nullable String address, @Nullable String openingHours,
                              @Nullable String receptionNote,
                              @Schema(description = "接待规则（与接待台同一文字）/ reception rules, as the desk prints them")
                              @Nullable List<String> receptionDays, @Nullable String publicPhone,
                              @Nullable String introduction, @Nullable List<DeputyCard> deputies) {
    }

    @Serdeable
    public record DeputyCard(Long deputyId, String name, List<DeputyLevel> levels, List<String> levelLabels,
                             @Nullable String unit, @Nullable String publicPhone, MembershipRole role,
                             String roleLabel, @Nullable String code, @Nullable String scanUrl) {
    }
}
