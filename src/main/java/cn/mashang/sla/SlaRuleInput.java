package cn.mashang.sla;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** Body of PUT /api/v1/admin/sla-rules: creates or replaces the rule of (regionId, category). */
@Serdeable
public record SlaRuleInput(@Nullable Long regionId,
                           @Nullable String category,
                           @Nullable Integer firstResponseDays,
                           @Nullable Integer departmentDays,
                           @Nullable Integer resolutionDays,
                           @Nullable Integer feedbackDays,
                           @Nullable BigDecimal amberRatio) {
}
