package cn.mashang.concern.intake;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The answer to a submission: the tracking number, the secret tracking link (and its key), whether it was
 * folded into an earlier identical concern ("我也反映"), and a resident token when the device had none.
 */
@Serdeable
public record SubmitAnswer(String trackingNo,
                           @Nullable String trackingUrl,
                           @Nullable String key,
                           boolean folded,
                           @Nullable String residentToken) {
}
