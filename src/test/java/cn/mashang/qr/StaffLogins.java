package cn.mashang.qr;

import io.micronaut.http.client.BlockingHttpClient;

/** The QR tests' demo accounts; tokens come from the suite's one login helper ({@link cn.mashang.auth.Logins}). */
final class StaffLogins {
    /** The demo accounts' shared password (see the auth README / AuthDemoAccounts). */
    static final String PASSWORD = "Demo@2026";
    /** 站长 of 吕梁市清洁能源基地…联络站, whose station code is zhan222222. */
    static final String HEAD_QJNY = "head-qjny";
    /** ADMIN of the whole city (every station). */
    static final String CITY_ADMIN = "lvliang-admin";
    String token(BlockingHttpClient client, String login) {
        return cn.mashang.auth.Logins.token(client, login);
    }
}
