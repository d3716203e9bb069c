package cn.mashang.open311;

import cn.mashang.concern.intake.Categories;
import cn.mashang.deputy.Deputy;
import cn.mashang.deputy.DeputyRepository;
import cn.mashang.deputy.Membership;
import cn.mashang.deputy.MembershipRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Our categories as Open311 services, and their attributes. A category's {@code service_code} is the smallest id
 * of the category rows of that name (stable across jurisdictions); a jurisdiction offers what its region offers
 * (city-wide categories plus those of its region and the regions above, as {@code concern.Categories} does).
 * Attributes: a region jurisdiction requires {@code station} (a list of its stations, keyed by station code);
 * a station jurisdiction offers the optional {@code deputy} (its deputies, keyed by deputy id).
 */
@Singleton
class Services {
    static final String STATION = "station";
    static final String DEPUTY = "deputy";
    static final int MAX_STATIONS = 5000;

    record Service(String code, String name) {
    }

    record Value(String key, String name) {
    }

    record Attribute(String code, String datatype, boolean required, String description, int order,
                     List<Value> values) {
        Optional<Value> value(String key) {
            return values.stream().filter(v -> v.key().equals(key)).findFirst();
        }
    }

    private final JdbcOperations jdbc;
    private final Categories categories;
    private final MembershipRepository memberships;
    private final DeputyRepository deputies;

    Services(JdbcOperations jdbc, Categories categories, MembershipRepository memberships, DeputyRepository deputies) {
        this.jdbc = jdbc;
        this.categories = categories;
        this.memberships = memberships;
        this.deputies = deputies;
    }

    @Transactional(readOnly = true)
    List<Service> of(Jurisdiction j) {
        List<String> names = categories.forRegionPath(j.region().path());
        Map<String, String> codes = codesByName();
        return names.stream().map(n -> new Service(codes.get(n), n)).toList();
    }

    Optional<Service> find(Jurisdiction j, String code) {
        return of(j).stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** Category name → service_code, for every category ever configured (old concerns keep their code). */
    @Transactional(readOnly = true)
    Map<String, String> codesByName() {
        return jdbc.prepareStatement("SELECT name, MIN(id) FROM concern_category GROUP BY name", ps -> {
            Map<String, String> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), String.valueOf(rs.getLong(2)));
                }
            }
            return out;
        });
    }

    @Transactional(readOnly = true)
    List<Attribute> attributes(Jurisdiction j) {
        if (!j.isStation()) {
            return List.of(new Attribute(STATION, "singlevaluelist", true,
                    "受理的联络站 (the station of " + j.name() + " that receives the request)", 1, stations(j)));
        }
        List<Membership> seats = memberships.findByStationIdAndActiveTrue(j.station().id());
        if (seats.isEmpty()) {
            return List.of();
        }
        Map<Long, Deputy> byId = new HashMap<>();
        deputies.findByIdIn(seats.stream().map(Membership::deputyId).toList()).forEach(d -> byId.put(d.id(), d));
        List<Value> values = seats.stream().map(m -> byId.get(m.deputyId())).filter(d -> d != null && d.active())
                .map(d -> new Value(String.valueOf(d.id()), d.name())).toList();
        return values.isEmpty() ? List.of() : List.of(new Attribute(DEPUTY, "singlevaluelist", false,
                "反映给哪位驻站代表（可不选）(optional: the deputy of the station to address)", 1, values));
    }

    private List<Value> stations(Jurisdiction j) {
        return jdbc.prepareStatement("""
                SELECT s.name, c.code FROM station s JOIN region r ON r.id = s.region_id
                JOIN contact_code c ON c.station_id = s.id AND c.kind = 'STATION' AND c.active = TRUE
                WHERE s.active = TRUE AND r.path LIKE ? ORDER BY s.id LIMIT""" + " " + MAX_STATIONS, ps -> {
            ps.setString(1, j.pathPrefix());
            List<Value> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Value(rs.getString(2), rs.getString(1)));
                }
            }
            return out;
        });
    }

    Doc servicesDoc(Jurisdiction j) {
        boolean metadata = !attributes(j).isEmpty();
        List<Map<String, Object>> items = of(j).stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service_code", s.code());
            m.put("service_name", s.name());
            m.put("description", "向" + j.name() + "反映" + s.name() + "方面的问题");
            m.put("metadata", metadata);
            m.put("type", "realtime");
            m.put("keywords", null);
            m.put("group", null);
            return m;
        }).toList();
        return Doc.list("services", "service", items);
    }

    Doc definitionDoc(Jurisdiction j, Service s) {
        List<Map<String, Object>> attrs = attributes(j).stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variable", true);
            m.put("code", a.code());
            m.put("datatype", a.datatype());
            m.put("required", a.required());
            m.put("datatype_description", null);
            m.put("order", a.order());
            m.put("description", a.description());
            m.put("values", a.values().stream().map(v -> {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("key", v.key());
                value.put("name", v.name());
                return (Object) value;
            }).toList());
            return m;
        }).toList();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("service_code", s.code());
        fields.put("attributes", attrs);
        return Doc.object("service_definition", fields);
    }
}
