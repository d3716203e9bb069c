package cn.mashang.open311;

import cn.mashang.common.Times;
import cn.mashang.concern.ConcernState;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * GET requests (filters {@code service_request_id} list — which overrides the others, as the spec says —,
 * {@code service_code} list, {@code start_date}/{@code end_date} at most 90 days apart (default: the last 90
 * days), {@code status} open/closed, and the {@code page}/{@code page_size} extension, newest first),
 * GET requests/{id} and GET tokens/{token}.
 */
@Singleton
class RequestSearch {
    static final Duration MAX_SPAN = Duration.ofDays(90);
    static final int MAX_IDS = 100;

    /** The query parameters as received. */
    record Query(@Nullable String serviceRequestId, @Nullable String serviceCode, @Nullable String startDate,
                 @Nullable String endDate, @Nullable String status, @Nullable String page, @Nullable String pageSize) {
    }

    private final RequestViews views;
    private final Services services;
    private final Open311RequestRepository requests;
    private final Open311Config config;

    RequestSearch(RequestViews views, Services services, Open311RequestRepository requests, Open311Config config) {
        this.views = views;
        this.services = services;
        this.requests = requests;
        this.config = config;
    }

    Doc list(Jurisdiction j, Query q, @Nullable ApiClient caller) {
        RequestViews.Filter f = RequestViews.Filter.of(j);
        List<String> ids = list(q.serviceRequestId());
        if (!ids.isEmpty()) {
            if (ids.size() > MAX_IDS) {
                throw Open311Exception.badRequest("at most " + MAX_IDS + " service_request_id values");
            }
            return views.doc(views.rows(f.and("c.tracking_no IN (" + marks(ids.size()) + ")", ids), MAX_IDS, 0),
                    caller);
        }
        Instant end = q.endDate() == null ? null : datetime("end_date", q.endDate());
        Instant start = q.startDate() == null ? null : datetime("start_date", q.startDate());
        if (end == null) {
            end = start == null ? Times.now() : start.plus(MAX_SPAN);
        }
        if (start == null) {
            start = end.minus(MAX_SPAN);
        }
        if (end.isBefore(start)) {
            throw Open311Exception.badRequest("end_date lies before start_date");
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw Open311Exception.badRequest("start_date and end_date may be at most 90 days apart");
        }
        f = f.and("o.created_at >= ? AND o.created_at <= ?", List.of(start, end));
        List<String> codes = list(q.serviceCode());
        if (!codes.isEmpty()) {
            Map<String, String> nameByCode = new LinkedHashMap<>();
            services.codesByName().forEach((name, code) -> nameByCode.put(code, name));
            List<String> names = codes.stream().map(nameByCode::get).filter(n -> n != null).toList();
            if (names.isEmpty()) {
                return views.doc(List.of(), caller);
            }
            f = f.and("c.category IN (" + marks(names.size()) + ")", names);
        }
        List<String> statuses = list(q.status());
        if (!statuses.isEmpty()) {
            if (!Set.of("open", "closed").containsAll(statuses)) {
                throw Open311Exception.badRequest("status must be open or closed (or both, comma separated)");
            }
            if (statuses.size() == 1) {
                List<String> states = Arrays.stream(ConcernState.values())
                        .filter(s -> RequestViews.closed(s) == statuses.contains("closed"))
                        .map(Enum::name).toList();
                f = f.and("c.state IN (" + marks(states.size()) + ")", states);
            }
        }
        int page = number("page", q.page(), 1, 1, 100_000);
        int size = number("page_size", q.pageSize(), config.pageSize(), 1, config.maxPageSize());
        return views.doc(views.rows(f, size, (page - 1) * size), caller);
    }

    Doc byId(String id, @Nullable Jurisdiction j, @Nullable ApiClient caller) {
        RequestViews.Filter f = new RequestViews.Filter("c.tracking_no = ?", List.of(id));
        if (j != null) {
            RequestViews.Filter scope = RequestViews.Filter.of(j);
            f = new RequestViews.Filter(f.sql() + " AND " + scope.sql(), Stream.concat(f.params().stream(),
                    scope.params().stream()).toList());
        }
        List<RequestViews.Row> rows = views.rows(f, 1, 0);
        if (rows.isEmpty()) {
            throw Open311Exception.notFound("service_request_id '" + id + "' not found");
        }
        return views.doc(rows, caller);
    }

    Doc token(String token, @Nullable Jurisdiction j) {
        Open311Request r = token.length() > 32 ? null : requests.findByToken(token).orElse(null);
        List<RequestViews.Row> rows = r == null ? List.of() : views.rows(j == null
                ? new RequestViews.Filter("c.id = ?", List.of(r.concernId()))
                : RequestViews.Filter.of(j).and("c.id = ?", List.of(r.concernId())), 1, 0);
        if (rows.isEmpty()) {
            throw Open311Exception.notFound("token '" + token + "' not found");
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("service_request_id", rows.get(0).trackingNo());
        item.put("token", token);
        return Doc.list("service_requests", "request", List.of(item));
    }

    /** W3C datetime with offset; without an offset it is China time; a bare date is its start. */
    static Instant datetime(String field, String value) {
        String v = value.strip().replace(' ', '+'); // an unencoded '+' of the offset arrives as a space
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(v).atZone(Times.ZONE).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(v).atStartOfDay(Times.ZONE).toInstant();
                } catch (DateTimeParseException e3) {
                    throw Open311Exception.badRequest(field + " must be a W3C datetime, e.g. 2026-11-01T00:00:00+08:00");
                }
            }
        }
    }

    private static int number(String field, @Nullable String value, int dflt, int min, int max) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Open311Exception.badRequest(field + " must be a whole number from " + min + " to " + max);
    }

    private static List<String> list(@Nullable String csv) {
        if (csv == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            if (!s.isBlank() && !out.contains(s.strip())) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }
}
