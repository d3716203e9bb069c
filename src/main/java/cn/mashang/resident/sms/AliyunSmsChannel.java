package cn.mashang.resident.sms;

import cn.mashang.notify.Channel;
import cn.mashang.notify.DeliveryException;
import cn.mashang.notify.NotificationMessage;
import cn.mashang.resident.message.Recipient;
import cn.mashang.resident.message.ResidentChannel;
import cn.mashang.resident.message.ResidentContacts;
import com.aliyun.dysmsapi20170525.Client;
import com.aliyun.dysmsapi20170525.models.SendSmsRequest;
import com.aliyun.dysmsapi20170525.models.SendSmsResponse;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.RuntimeOptions;
import io.micronaut.context.annotation.Requires;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Residents' SMS through Alibaba Cloud SMS (SendSms, API 2017-05-25) with the official SDK, which signs each
 * request (ACS3-HMAC-SHA256). The target is a {@link Recipient} reference; the number is decrypted here, for the
 * call only. Answers other than {@code OK} become a {@link DeliveryException}: transient ones (flow control) are
 * retried by the outbox with backoff, permanent ones (invalid number, template not approved) fail at once with
 * the provider's code as the reason. A revoked opt-in or a purged number drops the message (nothing to send).
 */
@Singleton
@Requires(property = "resident.sms.enabled", value = "true")
class AliyunSmsChannel implements ResidentChannel {
    private final SmsConfig config;
    private final ResidentContacts contacts;
    private final ObjectMapper json;
    private final Client client;

    AliyunSmsChannel(SmsConfig config, ResidentContacts contacts, ObjectMapper json) throws Exception {
        this.config = config;
        this.contacts = contacts;
        this.json = json;
        this.client = new Client(new Config().setAccessKeyId(config.accessKeyId())
                .setAccessKeySecret(config.accessKeySecret()).setEndpoint(config.endpoint())
                .setProtocol(config.protocol()).setConnectTimeout((int) config.connectTimeout().toMillis())
                .setReadTimeout((int) config.readTimeout().toMillis()));
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public Optional<String> target(Recipient recipient) {
        return contacts.target(recipient);
    }

    @Override
    public void send(String target, NotificationMessage message) throws DeliveryException {
        Recipient to = Recipient.parse(target).orElseThrow(() -> new DeliveryException("短信目标无效", true));
        Optional<String> mobile = contacts.mobile(to);
        if (mobile.isEmpty()) {
            return; // opted out or purged since it was queued: nothing to send
        }
        Map<String, String> params = message.params() == null ? Map.of() : message.params();
        String template = params.containsKey("code") ? config.codeTemplateCode() : config.templateCode();
        SendSmsResponse answer;
        try {
            answer = client.sendSmsWithOptions(new SendSmsRequest().setPhoneNumbers(mobile.get())
                    .setSignName(config.signName()).setTemplateCode(template)
                    .setTemplateParam(json.writeValueAsString(params)), runtime());
        } catch (TeaException e) {
            Object status = e.getData() == null ? null : e.getData().get("statusCode");
            int http = status instanceof Number n ? n.intValue() : 0;
            throw new DeliveryException(SmsErrors.reason(e.getCode(), http == 0 ? null : "HTTP " + http),
                    SmsErrors.permanent(e.getCode(), http));
        } catch (IOException e) {
            throw new DeliveryException("短信参数无法编码", true);
        } catch (Exception e) {
            throw new DeliveryException(SmsErrors.reason(e.getClass().getSimpleName(), null), false);
        }
        String code = answer.getBody() == null ? null : answer.getBody().getCode();
        if (!"OK".equals(code)) {
            throw new DeliveryException(SmsErrors.reason(code, answer.getBody() == null ? null : answer.getBody().getMessage()),
                    SmsErrors.permanent(code, answer.getStatusCode() == null ? 200 : answer.getStatusCode()));
        }
    }

    private RuntimeOptions runtime() {
        RuntimeOptions r = new RuntimeOptions();
        r.autoretry = false; // the outbox retries, with backoff, across replicas
        r.connectTimeout = (int) config.connectTimeout().toMillis();
        r.readTimeout = (int) config.readTimeout().toMillis();
        return r;
    }
}
