package cn.mashang.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every full mobile number (1[3-9]\d{9}) seen in a response of the test suite or in a log line, outside the
 * allow-list. Filled by {@link PiiResponseGuard} (HTTP client filter) and {@link PiiLogGuard} (logback appender);
 * {@link PiiGuardExtension} fails the test during which one appeared.
 *
 * Allowed: the staff contact reveal GET /api/v1/concerns/{id}/contact (the audited hand-over of a resident's
 * number to the handling staff) and the department's GET /api/v1/me/referrals/{id}/contact (audited, only when the
 * station shared the contact on the referral), and the demo city's deputy login numbers 13800000001…13800000099
 * (AuthDemoAccounts: deputies log in with their staff mobile; they are staff account names shown to the staff
 * member themselves and to admins, not resident data).
 */
public final class PiiLedger {
    /**
     * Eleven digits not inside a longer run of digits or of Latin letters and digits (a hexadecimal hash, a base64
     * token, an ETag) and not the fraction of a decimal (0.19123456789 s).
     */
    public static final Pattern MOBILE = Pattern.compile("(?<![\\dA-Za-z])(?<!\\d\\.)1[3-9]\\d{9}(?![\\dA-Za-z])");
    static final Pattern DEMO_STAFF = Pattern.compile("138000000\\d\\d");
    static final Pattern CONTACT_REVEAL = Pattern.compile("^/api/v1/(concerns|me/referrals)/\\d+/contact$");
    private static final List<String> FINDINGS = new ArrayList<>();

    private PiiLedger() {
    }

    static String firstLeak(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = MOBILE.matcher(text);
        while (m.find()) {
            if (!DEMO_STAFF.matcher(m.group()).matches()) {
                return m.group();
            }
        }
        return null;
    }

    static synchronized void record(String where, String text) {
        String leak = firstLeak(text);
        if (leak != null) {
            FINDINGS.add(where + ": " + leak.substring(0, 3) + "…" + " in " + abbreviate(text.replace(leak, "<MOBILE>")));
        }
    }

    static synchronized List<String> drain() {
        List<String> copy = List.copyOf(FINDINGS);
        FINDINGS.clear();
        return copy;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
