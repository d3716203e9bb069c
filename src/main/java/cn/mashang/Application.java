package cn.mashang;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The application, and the head of its OpenAPI document (generated at compile time; see docs/api.md and
 * {@code cn.mashang.openapi}). Servers come from {@code openapi.properties} (override with
 * {@code -Dmashang.openapi.server-url=…} at build time).
 */
@OpenAPIDefinition(
        info = @Info(title = "码上联络 API (mashang-lianluo)", version = "v1",
                description = """
                        人大代表联络站：扫码反映、代表办理、站长督办。People's Congress deputy liaison stations: residents \
                        raise concerns by QR code, deputies handle them, station heads oversee. Errors are \
                        `application/problem+json`; staff calls carry `Authorization: Bearer <accessToken>` from \
                        `POST /api/v1/auth/login`. Integrators' guide: docs/api.md."""),
        servers = @Server(url = "${mashang.openapi.server-url}", description = "${mashang.openapi.server-description}"),
        tags = {
                @Tag(name = "auth", description = "登录与账号 / Staff login, token refresh, logout, the caller's account"),
                @Tag(name = "intake", description = "居民反映 / Resident intake: categories, photo uploads, submissions"),
                @Tag(name = "tracking", description = "进度查询 / The resident's tracking link and 我的反映"),
                @Tag(name = "work", description = "代表办理 / Staff queues, a concern's detail, life-cycle actions"),
                @Tag(name = "dashboard", description = "督办看板 / Station and region dashboards, overdue board, CSV"),
                @Tag(name = "reception", description = "接待日 / Reception sessions, bookings, check-in, plans"),
                @Tag(name = "directory", description = "公开目录 / Regions, stations, deputies, calendar status"),
                @Tag(name = "codes", description = "二维码 / Contact codes, QR images, wall posters"),
                @Tag(name = "location", description = "位置 / A station's communities (小区/村), the head's hot spots"),
                @Tag(name = "archive", description = "履职档案 / Deputies' performance archive, points schemes"),
                @Tag(name = "suggestions", description = "代表建议与走访 / Deputies' suggestions from concerns, their handling, visits"),
                @Tag(name = "admin", description = "管理 / Accounts, regions, stations, deputies, calendar, SLA rules"),
                @Tag(name = "wechat", description = "微信公众号 / WeChat sign-in (网页授权), subscription messages, JS-SDK "
                        + "signature; only when the deployment configures an official account"),
                @Tag(name = "open311", description = "Open311 GeoReport v2 / Civic-reporting clients; their API keys")})
@SecurityScheme(name = "bearerAuth", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = """
                工作人员令牌 / Staff access token: the `accessToken` of `POST /api/v1/auth/login` or `/refresh`. \
                The list under `bearerAuth` in an operation's `security` names the roles allowed (DEPUTY, LIAISON, \
                STATION_HEAD, ADMIN), read from the code's `@Secured`; an empty list means any signed-in account.""")
public class Application {
    public static void main(String[] args) {
        Micronaut.build(args).banner(false).start();
    }
}
