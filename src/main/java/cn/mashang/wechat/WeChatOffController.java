package cn.mashang.wechat;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
    @Get("/status")
    WeChatDtos.StatusAnswer status() {
        return new WeChatDtos.StatusAnswer(false, false, false, null);
    }
}
