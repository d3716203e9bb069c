package cn.mashang.wechat;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Without an official account ({@code wechat.app-id} unset) the one WeChat route that remains: the pages ask it
 * whether WeChat is configured and learn "no" without a failed request; every other WeChat route answers 404.
 */
@Hidden
@Controller("/api/v1/wechat")
@Requires(missingProperty = "wechat.app-id")
@Secured(SecurityRule.IS_ANONYMOUS)
class WeChatOffController {
    /** @param trackingNo accepted as on the configured route (undeclared query parameters answer 400), not used */
    @Get("/status")
    WeChatDtos.StatusAnswer status(@QueryValue @Nullable String trackingNo) {
        return new WeChatDtos.StatusAnswer(false, false, false, null);
    }
}
