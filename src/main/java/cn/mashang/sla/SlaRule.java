package cn.mashang.sla;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Deadlines in working days for a region (null = city-wide) and a category (null = every category).
 *
 * @param firstResponseDays SUBMITTED → first reply / acceptance
 * @param departmentDays    REFERRED → the department's answer
 * @param resolutionDays    SUBMITTED → RESOLVED
 * @param feedbackDays      RESOLVED without a rating → auto-closed
 * @param amberRatio        share of the allowed working time after which a clock turns amber (0.8)
 */
@MappedEntity("sla_rule")
public record SlaRule(@Id @GeneratedValue @Nullable Long id,
                      @Nullable Long regionId,
                      @Nullable String category,
                      String scopeKey,
                      int firstResponseDays,
                      int departmentDays,
                      int resolutionDays,
                      int feedbackDays,
                      BigDecimal amberRatio,
                      Instant createdAt,
                      Instant updatedAt) {

    static String scopeKey(Long regionId, String category) {
        return (regionId == null ? "*" : regionId.toString()) + "|" + (category == null ? "*" : category);
    }
}
