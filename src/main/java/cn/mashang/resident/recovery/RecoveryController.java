package cn.mashang.resident.recovery;

import cn.mashang.common.ApiException;
import cn.mashang.common.ClientAddress;
import cn.mashang.common.Times;
import cn.mashang.concern.ConcernState;
import cn.mashang.openapi.PublicApi;
import cn.mashang.openapi.RateLimited;
import cn.mashang.openapi.WithBody;
import cn.mashang.resident.ResidentTokens;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "找回我的反映" without WeChat: a code by SMS to the number, the code for a recovery token bound to the number's
 * keyed hash ({@link ResidentTokens#issueForNumber}), the token for the concerns submitted with that number, each
 * with a link that opens it ({@link ResidentTokens#linkKey}) — no tracking link needed.
 */
@Tag(name = "tracking")
@PublicApi
@Controller("/api/v1/recovery")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class RecoveryController {
    static final String TOKEN_HEADER = "X-Recovery-Token";
    private final OneTimeCodes codes;
    private final ResidentTokens tokens;
    private final ClientAddress address;
    private final JdbcOperations jdbc;
    private final RecoveryConfig config;

    RecoveryController(OneTimeCodes codes, ResidentTokens tokens, ClientAddress address, JdbcOperations jdbc,
                       RecoveryConfig config) {
        this.codes = codes;
        this.tokens = tokens;
        this.address = address;
        this.jdbc = jdbc;
        this.config = config;
    }

    @Serdeable
    @Introspected
    record CodeRequest(@NotBlank(message = "请填写手机号") String mobile) {
    }

    @Serdeable
    @Introspected
    record TokenRequest(@NotBlank(message = "请填写手机号") String mobile, @NotBlank(message = "请填写验证码") String code) {
    }

    @Serdeable
    record CodeAnswer(long expiresInSeconds) {
    }

    @Serdeable
    record TokenAnswer(String recoveryToken) {
    }

    /** One concern of the number; {@code link} opens its tracking page (relative, with a link key). */
    @Serdeable
    record Recovered(String trackingNo, String category, String state, String stateLabel, String stationName,
                     OffsetDateTime createdAt, String link) {
    }

    @Operation(operationId = "requestRecoveryCode", summary = "找回：获取验证码 / Send a one-time code to a mobile number")
    @RateLimited
    @WithBody
    @ApiResponse(responseCode = "202", description = "已发送（无论此号码是否提交过反映）/ sent, whether or not the number has concerns")
    @Post(value = "/codes", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<CodeAnswer> code(@Body @Valid CodeRequest body, HttpRequest<?> request) {
        codes.request(body.mobile(), address.of(request));
        return HttpResponse.<CodeAnswer>status(HttpStatus.ACCEPTED).body(new CodeAnswer(config.codeLifetime().toSeconds()));
    }

    @Operation(operationId = "createRecoveryToken", summary = "找回：验证码换令牌 / Trade the code for a recovery token")
    @RateLimited
    @WithBody
    @Post(value = "/token", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<TokenAnswer> token(@Body @Valid TokenRequest body, HttpRequest<?> request) {
        return HttpResponse.ok(new TokenAnswer(codes.verify(body.mobile(), body.code(), address.of(request))))
                .header("Cache-Control", "no-store");
    }

    @Operation(operationId = "listRecoveredConcerns", summary = "找回：此号码的反映 / The concerns submitted with the number")
    @Get("/concerns")
    @Transactional(readOnly = true)
    HttpResponse<Map<String, List<Recovered>>> concerns(
            @Parameter(description = "找回令牌 / the recovery token (`rn1.…`)") @Header(TOKEN_HEADER) @Nullable String token) {
        String hash = tokens.verifyNumber(token, Times.now()).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED,
                "需要重新验证", "验证已过期，请重新获取验证码"));
        List<Recovered> items = jdbc.prepareStatement("""
                SELECT c.tracking_no, c.category, c.state, c.rating, s.name, c.created_at FROM concern c
                JOIN station s ON s.id = c.station_id WHERE c.mobile_hash = ? ORDER BY c.id DESC LIMIT 50""", ps -> {
            ps.setString(1, hash);
            List<Recovered> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    ConcernState st = ConcernState.valueOf(rs.getString(3));
                    String label = st == ConcernState.CLOSED && rs.getString(4) == null ? ConcernState.CLOSED_UNRATED : st.label();
                    String no = rs.getString(1);
                    out.add(new Recovered(no, rs.getString(2), st.name(), label, rs.getString(5),
                            Times.show(rs.getTimestamp(6).toInstant()), "/t/" + no + "#k=" + tokens.linkKey(no, Times.now())));
                }
            }
            return out;
        });
        return HttpResponse.ok(Map.of("items", items)).header("Cache-Control", "no-store");
    }
}
