package cn.mashang.qr;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/** A code as the station head sees it: owner, status, revocation, scan counts (today, 7 days, total, per day). */
@Serdeable
public record CodeAdminView(String code, ContactCode.Kind kind, boolean active, String scanUrl,
                            @Nullable Long membershipId, @Nullable Long deputyId, @Nullable String deputyName,
                            @Nullable String roleLabel, @Nullable String presetCategory,
                            OffsetDateTime createdAt, @Nullable OffsetDateTime revokedAt,
                            @Nullable String revokeReason, @Nullable String replacedBy, @Nullable String replaces,
                            long scansToday, long scans7Days, long scansTotal, Map<LocalDate, Long> scansByDay) {
}
