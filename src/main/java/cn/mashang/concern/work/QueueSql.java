package cn.mashang.concern.work;

import cn.mashang.concern.ConcernState;
import cn.mashang.common.ApiException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** The SQL of a queue page ({@link ConcernQueues}): WHERE clauses, disjoint branches, states, and the keyset cursor. */
final class QueueSql {
    private QueueSql() {
    }

    /**
     * One page in (created_at, id) order. With several branches or states, each branch × state is its own
     * {@code ORDER BY … LIMIT n} sub-query and the union is cut to n: every sub-query is a walk of one range of
     * an index ending in created_at (station, state / assignee, state / station, assignee, deputy, state), where
     * {@code IN} lists over stations or states would read every open row and sort them.
     */
    static String page(Sql page, Query q, boolean oldest, int limit, List<Object> args) {
        String order = oldest ? " ORDER BY created_at ASC, id ASC" : " ORDER BY created_at DESC, id DESC";
        List<Sql> parts = new ArrayList<>();
        for (Sql branch : q.branches.isEmpty() ? List.of(new Sql()) : q.branches) {
            for (ConcernState state : q.states == null ? Collections.<ConcernState>singleton(null) : q.states) {
                Sql part = page.copy();
                part.where.addAll(branch.where);
                part.args.addAll(branch.args);
                if (state != null) {
                    part.and("state = '" + state.name() + "'");
                }
                parts.add(part);
            }
        }
        String sql;
        if (parts.size() == 1) {
            sql = "SELECT * FROM concern WHERE " + String.join(" AND ", parts.get(0).where) + order + " LIMIT " + limit;
            args.addAll(parts.get(0).args);
        } else {
            // the branches carry (id, created_at) only — index-only walks, and a narrow temporary table instead of
            // one holding the text columns of every branch's rows — and the page's rows are read by id at the end
            StringBuilder union = new StringBuilder("SELECT c.* FROM concern c JOIN (SELECT id, created_at FROM (");
            for (int i = 0; i < parts.size(); i++) {
                union.append(i == 0 ? "" : " UNION ALL ").append("(SELECT id, created_at FROM concern WHERE ")
                        .append(String.join(" AND ", parts.get(i).where)).append(order).append(" LIMIT ").append(limit).append(')');
                args.addAll(parts.get(i).args);
            }
            sql = union.append(") u").append(order).append(" LIMIT ").append(limit).append(") t ON t.id = c.id")
                    .append(oldest ? " ORDER BY c.created_at ASC, c.id ASC" : " ORDER BY c.created_at DESC, c.id DESC").toString();
        }
        return sql;
    }

    /** Conditions every row meets, disjoint branches (none: one), and the states (null: any). */
    static final class Query {
        final Sql common = new Sql();
        final List<Sql> branches = new ArrayList<>();
        final Set<ConcernState> states;

        Query(Set<ConcernState> states) {
            this.states = states;
        }

        Sql branch() {
            Sql b = new Sql();
            branches.add(b);
            return b;
        }
    }

    /** A WHERE clause under construction. */
    static final class Sql {
        final List<String> where = new ArrayList<>();
        final List<Object> args = new ArrayList<>();

        void and(String clause, Object... values) {
            where.add(clause);
            args.addAll(List.of(values));
        }

        Sql copy() {
            Sql s = new Sql();
            s.where.addAll(where);
            s.args.addAll(args);
            return s;
        }
    }

    /** Position after the last item: (created_at, id). */
    record Cursor(Instant at, long id) {
        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((at.toEpochMilli() + ":" + id).getBytes(StandardCharsets.US_ASCII));
        }

        static Cursor parseOrNull(@io.micronaut.core.annotation.Nullable String s) {
            return s == null || s.isBlank() ? null : parse(s);
        }

        static Cursor parse(String s) {
            try {
                String[] p = new String(Base64.getUrlDecoder().decode(s), StandardCharsets.US_ASCII).split(":");
                return new Cursor(Instant.ofEpochMilli(Long.parseLong(p[0])), Long.parseLong(p[1]));
            } catch (RuntimeException e) {
                throw ApiException.badField("cursor", "无效的翻页位置，请从第一页重新加载");
            }
        }
    }
}
