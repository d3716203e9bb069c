package cn.mashang.open311;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Open311 settings ({@code open311.*}).
 *
 * @param clientLimit  service requests (POST) per client key per {@code clientPeriod}, per replica
 * @param clientPeriod the rate-limit window
 * @param pageSize     default {@code page_size} of GET requests
 * @param maxPageSize  largest {@code page_size} accepted
 * @param contact      the discovery document's contact line
 */
@ConfigurationProperties("open311")
record Open311Config(
        @Bindable(defaultValue = "60") int clientLimit,
        @Bindable(defaultValue = "1m") Duration clientPeriod,
        @Bindable(defaultValue = "50") int pageSize,
        @Bindable(defaultValue = "500") int maxPageSize,
        @Bindable(defaultValue = "人大常委会代表工作机构（联络站工作）") String contact) {
}
