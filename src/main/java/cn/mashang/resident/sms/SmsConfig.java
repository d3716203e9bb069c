package cn.mashang.resident.sms;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code resident.sms}: Alibaba Cloud SMS (短信服务). Off unless {@code enabled}; keys from the environment
 * (RESIDENT_SMS_ACCESS_KEY_ID / RESIDENT_SMS_ACCESS_KEY_SECRET). The sign name and both templates must be approved
 * in the console: {@code template-code} takes the parameters {@code no}, {@code state}, {@code link}
 * (e.g. "您的${no}${state}，详情：${link}"), {@code code-template-code} takes {@code code}.
 *
 * @param endpoint host[:port] of the API (tests point it at a local server)
 * @param protocol HTTPS in production, HTTP for the local test server
 */
@ConfigurationProperties("resident.sms")
public record SmsConfig(@Bindable(defaultValue = "false") boolean enabled,
                        @Bindable(defaultValue = "dysmsapi.aliyuncs.com") String endpoint,
                        @Bindable(defaultValue = "HTTPS") String protocol,
                        @Nullable String accessKeyId,
                        @Nullable String accessKeySecret,
                        @Nullable String signName,
                        @Nullable String templateCode,
                        @Nullable String codeTemplateCode,
                        @Bindable(defaultValue = "3s") Duration connectTimeout,
                        @Bindable(defaultValue = "5s") Duration readTimeout) {
}
