package cn.mashang.sla;

import cn.mashang.common.Times;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** An SLA rule as the admin API shows it. */
@Serdeable
public record SlaRuleView(long id, @Nullable Long regionId, @Nullable String category, int firstResponseDays,
                          int departmentDays, int resolutionDays, int feedbackDays, BigDecimal amberRatio,
                          OffsetDateTime updatedAt) {
    static SlaRuleView of(SlaRule r) {
        return new SlaRuleView(r.id(), r.regionId(), r.category(), r.firstResponseDays(), r.departmentDays(),
                r.resolutionDays(), r.feedbackDays(), r.amberRatio(), Times.show(r.updatedAt()));
    }
}
