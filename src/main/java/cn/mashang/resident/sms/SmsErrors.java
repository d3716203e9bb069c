package cn.mashang.resident.sms;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which SendSms answers are worth retrying (Alibaba Cloud SMS error codes, 短信服务 API 错误码): flow control,
 * balance and the provider's own faults are transient; a number, template or sign name the provider refuses, and
 * rejected credentials, are permanent.
 */
final class SmsErrors {
    private static final Set<String> TRANSIENT = Set.of("isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL",
            "isv.OUT_OF_SERVICE", "isv.AMOUNT_NOT_ENOUGH", "Throttling", "Throttling.User", "ServiceUnavailable",
            "InternalError");
    private static final Pattern DIGITS = Pattern.compile("\\d{7,}");

    private SmsErrors() {
    }

    static boolean permanent(String code, int httpStatus) {
        if (code == null || code.isBlank()) {
            return httpStatus >= 400 && httpStatus < 500 && httpStatus != 429;
        }
        if (TRANSIENT.contains(code) || code.startsWith("isp.") || code.startsWith("Throttling")) {
            return false;
        }
        return code.startsWith("isv.") || httpStatus >= 400 && httpStatus < 500;
    }

    /** A reason safe to store and log: the provider's code and message, long digit runs (numbers) masked. */
    static String reason(String code, String message) {
        String m = "短信 " + code + (message == null || message.isBlank() ? "" : ": " + message);
        m = DIGITS.matcher(m).replaceAll("***");
        return m.length() > 200 ? m.substring(0, 200) : m;
    }
}
