package cn.mashang.open311;

import cn.mashang.concern.ActorType;
import cn.mashang.concern.Channel;
import cn.mashang.concern.intake.StaffIntake;
import cn.mashang.common.Times;
import cn.mashang.station.Station;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * POST requests: checks the client's key, its rate and region, the service and its attributes, the location and
 * the text, then files the concern through the staff-intake path ({@link StaffIntake#create}: same validation,
 * tracking number, SUBMITTED event, idempotency) with channel OPEN311 and a CLIENT actor. Idempotent per client
 * and the client's own id (header {@code Idempotency-Key}). Resident contact data given by the client is kept
 * like any concern's (mobile encrypted) and never answered.
 */
@Singleton
class RequestIntake {
    static final int MAX_DESCRIPTION = 4000;
    private final ApiClients clients;
    private final ClientRateLimit rateLimit;
    private final Jurisdictions jurisdictions;
    private final Services services;
    private final StaffIntake intake;
    private final Open311RequestRepository requests;
    private final RequestViews views;
    private final SecureRandom random = new SecureRandom();

    RequestIntake(ApiClients clients, ClientRateLimit rateLimit, Jurisdictions jurisdictions, Services services,
                  StaffIntake intake, Open311RequestRepository requests, RequestViews views) {
        this.clients = clients;
        this.rateLimit = rateLimit;
        this.jurisdictions = jurisdictions;
        this.services = services;
        this.intake = intake;
        this.requests = requests;
        this.views = views;
    }

    /** The answer, and whether it replays an earlier request with the same Idempotency-Key. */
    record Filed(Doc doc, boolean replayed) {
    }

    Filed create(Form form, @Nullable String clientRequestId) {
        ApiClient client = clients.authenticate(form.get("api_key"));
        rateLimit.take(client.id());
        Jurisdiction j = jurisdictions.require(form.get("jurisdiction_id"));
        if (!j.region().within(clients.region(client))) {
            throw Open311Exception.forbidden("api_key is not valid for jurisdiction_id '" + j.id() + "'");
        }
        String code = form.get("service_code");
        if (code == null) {
            throw Open311Exception.badRequest("service_code was not provided");
        }
        Services.Service service = services.find(j, code).orElseThrow(() -> Open311Exception.badRequest(
                "service_code '" + code + "' is not a service of jurisdiction_id '" + j.id() + "'"));
        Station station = j.station();
        Long deputyId = null;
        for (Services.Attribute a : services.attributes(j)) {
            String value = form.attribute(a.code());
            if (value == null) {
                if (a.required()) {
                    throw Open311Exception.badRequest("attribute[" + a.code() + "] is required");
                }
                continue;
            }
            if (a.value(value).isEmpty()) {
                throw Open311Exception.badRequest("attribute[" + a.code() + "]: '" + value
                        + "' is not one of its values (see services/" + code + ")");
            }
            if (a.code().equals(Services.STATION)) {
                station = jurisdictions.station(value).orElseThrow(() -> Open311Exception.badRequest(
                        "attribute[station]: '" + value + "' is not an active station code"));
            } else if (a.code().equals(Services.DEPUTY)) {
                deputyId = Long.valueOf(value);
            }
        }
        Location where = location(form);
        String description = text(form, "description", MAX_DESCRIPTION);
        if (description == null) {
            throw Open311Exception.badRequest("description was not provided");
        }
        String mediaUrl = mediaUrl(form.get("media_url"));
        String name = contactName(form);
        String mobile = mobile(form.get("phone"));
        String idemKey = idempotencyKey(client.id(), clientRequestId);
        String token = secret();
        Instant now = Times.now();
        StaffIntake.Request req = new StaffIntake.Request(Channel.OPEN311, service.name(), description,
                where.address(), name, mobile, name != null || mobile != null ? Boolean.TRUE : null, deputyId, null);
        StaffIntake.Result r = intake.create(station.id(), req, idemKey,
                new StaffIntake.Actor(client.id(), "OPEN311", ActorType.CLIENT), concernId -> {
                    requests.save(new Open311Request(concernId, client.id(), token, where.lat(), where.lon(),
                            where.addressId(), mediaUrl, now));
                    clients.counted(client.id(), now);
                });
        String answeredToken = r.replayed() ? requests.findById(r.answer().concernId()).map(Open311Request::token)
                .orElse(null) : token;
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("service_request_id", r.answer().trackingNo());
        item.put("token", answeredToken);
        item.put("service_notice", views.notice(r.answer().concernId()));
        item.put("account_id", null);
        return new Filed(Doc.list("service_requests", "request", List.of(item)), r.replayed());
    }

    record Location(@Nullable BigDecimal lat, @Nullable BigDecimal lon, @Nullable String addressId, String address) {
    }

    /** lat/long, address_string or address_id (at least one); the concern's address line names them all. */
    static Location location(Form form) {
        String latText = form.get("lat");
        String lonText = form.get("long");
        BigDecimal lat = null;
        BigDecimal lon = null;
        if (latText != null || lonText != null) {
            lat = coordinate("lat", latText, 90);
            lon = coordinate("long", lonText, 180);
        }
        String addressString = text(form, "address_string", 150);
        String addressId = text(form, "address_id", 64);
        if (lat == null && addressString == null && addressId == null) {
            throw Open311Exception.badRequest("a location is required: lat and long, address_string or address_id");
        }
        StringBuilder line = new StringBuilder(addressString == null ? "" : addressString);
        if (lat != null) {
            line.append(line.isEmpty() ? "" : " ").append("（坐标 ").append(lat.stripTrailingZeros().toPlainString())
                    .append(", ").append(lon.stripTrailingZeros().toPlainString()).append("）");
        }
        if (addressId != null) {
            line.append(line.isEmpty() ? "" : " ").append("（地址编号 ").append(addressId).append("）");
        }
        return new Location(lat, lon, addressId, line.toString());
    }

    private static BigDecimal coordinate(String field, @Nullable String text, int bound) {
        if (text == null) {
            throw Open311Exception.badRequest("lat and long must be given together");
        }
        try {
            BigDecimal v = new BigDecimal(text);
            if (v.abs().compareTo(BigDecimal.valueOf(bound)) > 0) {
                throw Open311Exception.badRequest(field + " must lie between -" + bound + " and " + bound);
            }
            return v.setScale(7, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            throw Open311Exception.badRequest(field + " must be a decimal number (WGS84)");
        }
    }

    /** A text field: stripped, without control characters (other than line breaks and tabs), at most max long. */
    @Nullable
    static String text(Form form, String field, int max) {
        String v = form.get(field);
        if (v == null) {
            return null;
        }
        if (v.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw Open311Exception.badRequest(field + " contains control characters");
        }
        if (v.length() > max) {
            throw Open311Exception.badRequest(field + " is longer than " + max + " characters");
        }
        return v;
    }

    @Nullable
    private static String mediaUrl(@Nullable String url) {
        if (url == null) {
            return null;
        }
        try {
            URI u = new URI(url);
            if (url.length() <= 500 && u.getHost() != null
                    && ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))) {
                return u.toString();
            }
        } catch (java.net.URISyntaxException e) {
            // answered below
        }
        throw Open311Exception.badRequest("media_url must be an http(s) URL of at most 500 characters");
    }

    @Nullable
    private static String contactName(Form form) {
        String first = text(form, "first_name", 32);
        String last = text(form, "last_name", 32);
        if (first == null || last == null) {
            return first != null ? first : last;
        }
        boolean han = (first + last).codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return han ? last + first : first + " " + last;
    }

    /** A mainland mobile number (+86 and separators allowed), else 400. */
    @Nullable
    static String mobile(@Nullable String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[\\s()-]", "").replaceFirst("^(\\+?86)(?=1\\d{10}$)", "");
        if (!digits.matches("1[3-9]\\d{9}")) {
            throw Open311Exception.badRequest("phone must be a mainland mobile number (11 digits)");
        }
        return digits;
    }

    /** Namespaced per client; the client's own id is hashed into the key (any characters, up to 200). */
    private String idempotencyKey(long clientId, @Nullable String clientRequestId) {
        if (clientRequestId == null || clientRequestId.isBlank()) {
            return "o311-" + clientId + "-" + secret();
        }
        if (clientRequestId.length() > 200) {
            throw Open311Exception.badRequest("Idempotency-Key is longer than 200 characters");
        }
        String h = ApiClients.sha256(clientRequestId.strip());
        return "o311-" + clientId + "-" + h.substring(0, 48);
    }

    private String secret() {
        byte[] b = new byte[18];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
