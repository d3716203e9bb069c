package cn.mashang.concern.work;

import cn.mashang.common.KeysetCursor;
import cn.mashang.concern.search.SearchIndex;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * The SQL of a search ({@link ConcernSearch}). The caller's scope is a list of units: stations, regions or county
 * keys (V108). With a term, the search is a bounded walk: {@link #candidates} reads the next ids of the rarest
 * term's index range per unit, (term, unit, created_at, id) newest first below the keyset position — index only,
 * the union cut to the chunk — {@link #termWindow} reads the other terms' ids over the chunk's created_at window
 * from the same indexes (the copies of created_at are equal for all terms of a concern), and {@link #confirm}
 * reads the rows of the ids left to check the filters and every word with LIKE. Without a term, {@link #page} walks the concern table per unit
 * on (unit, created_at) as the queues do ({@link QueueSql#page}).
 */
final class SearchSql {
    /** Escape character of the LIKE patterns ('!': no engine treats it specially in a string). */
    static final String ESCAPE = " ESCAPE '!'";

    /**
     * How the scope is matched: in concern_term ({@code termColumn} = station_id, region_id or county_id) and in the
     * concern table ({@code concernColumn} = station_id or region_id), with the ids of each.
     */
    record Units(String termColumn, List<Long> termIds, String concernColumn, List<Long> concernIds) {
        static Units stations(List<Long> ids) {
            return new Units("station_id", ids, "station_id", ids);
        }

        boolean empty() {
            return termIds.isEmpty() || concernIds.isEmpty();
        }
    }

    private SearchSql() {
    }

    static String like(String word) {
        return "%" + word.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** Every word somewhere in the concern's content, address, category or reply texts (alias c). */
    static void verify(QueueSql.Sql where, List<String> words) {
        for (String w : words) {
            String p = like(w);
            where.and("(LOWER(c.content) LIKE ?" + ESCAPE + " OR LOWER(c.address) LIKE ?" + ESCAPE
                    + " OR LOWER(c.category) LIKE ?" + ESCAPE + " OR EXISTS (SELECT 1 FROM concern_event e WHERE"
                    + " e.concern_id = c.id AND e.type IN " + SearchIndex.REPLY_TYPES_SQL + " AND LOWER(e.body) LIKE ?"
                    + ESCAPE + "))", p, p, p, p);
        }
    }

    /** The next {@code limit} (id, created_at) of {@code term} in the scope, newest first, strictly below {@code after}. */
    static String candidates(Units units, String term, Instant from, Instant to, KeysetCursor after, int limit, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        boolean one = units.termIds().size() == 1;
        for (int i = 0; i < units.termIds().size(); i++) {
            QueueSql.Sql w = new QueueSql.Sql();
            w.and("t.term = ?", term);
            w.and("t." + units.termColumn() + " = ?", units.termIds().get(i));
            window(w, "t.created_at", "t.concern_id", from, to, after);
            sql.append(i == 0 ? "" : " UNION ALL ").append(one ? "" : "(")
                    .append("SELECT t.concern_id AS id, t.created_at AS created_at FROM concern_term t WHERE ")
                    .append(String.join(" AND ", w.where)).append(" ORDER BY t.created_at DESC, t.concern_id DESC LIMIT ")
                    .append(limit).append(one ? "" : ")");
            args.addAll(w.args);
        }
        return one ? sql.toString() : "SELECT id, created_at FROM (" + sql + ") u ORDER BY created_at DESC, id DESC LIMIT " + limit;
    }

    /**
     * The ids with {@code term} in the scope created in [oldest, newest] — one range of the term's index per unit
     * list, index only — at most {@code limit} + 1 of them (more: the caller checks the term per candidate instead).
     */
    static String termWindow(Units units, String term, Instant oldest, Instant newest, int limit, List<Object> args) {
        args.add(term);
        args.addAll(units.termIds());
        args.add(Timestamp.from(oldest));
        args.add(Timestamp.from(newest));
        return "SELECT t.concern_id FROM concern_term t WHERE t.term = ? AND t." + units.termColumn() + " IN ("
                + String.join(",", Collections.nCopies(units.termIds().size(), "?")) + ") AND t.created_at >= ?"
                + " AND t.created_at <= ? LIMIT " + (limit + 1);
    }

    /** The candidates (ids) that have every other term and pass the filters and words (alias c). */
    static String confirm(List<Long> ids, List<String> also, QueueSql.Sql filters, List<Object> args) {
        QueueSql.Sql w = new QueueSql.Sql();
        w.and("c.id IN (" + String.join(",", Collections.nCopies(ids.size(), "?")) + ")", ids.toArray());
        for (String term : also) {
            w.and("EXISTS (SELECT 1 FROM concern_term x WHERE x.concern_id = c.id AND x.term = ?)", term);
        }
        w.where.addAll(filters.where);
        w.args.addAll(filters.args);
        args.addAll(w.args);
        return "SELECT c.* FROM concern c WHERE " + String.join(" AND ", w.where);
    }

    /** The concerns of the scope passing the filters, in one statement: for a tracking number (its unique index). */
    static String exact(Units units, QueueSql.Sql filters, Instant from, Instant to, KeysetCursor after, List<Object> args) {
        QueueSql.Sql w = new QueueSql.Sql();
        w.and("c." + units.concernColumn() + " IN (" + String.join(",", Collections.nCopies(units.concernIds().size(), "?"))
                + ")", units.concernIds().toArray());
        window(w, "c.created_at", "c.id", from, to, after);
        w.where.addAll(filters.where);
        w.args.addAll(filters.args);
        args.addAll(w.args);
        return "SELECT c.* FROM concern c WHERE " + String.join(" AND ", w.where) + " ORDER BY c.created_at DESC, c.id DESC";
    }

    /**
     * One page without a term: the union of one {@code ORDER BY created_at DESC, id DESC LIMIT n} sub-query per unit
     * of the concern table, cut to n ({@code filters} over alias c; created_at in [from, to); after the keyset position).
     */
    static String page(Units units, QueueSql.Sql filters, Instant from, Instant to, KeysetCursor after, int limit,
                       List<Object> args) {
        StringBuilder sql = new StringBuilder("SELECT o.* FROM concern o JOIN (SELECT id, created_at FROM (");
        for (int i = 0; i < units.concernIds().size(); i++) {
            QueueSql.Sql w = new QueueSql.Sql();
            sql.append(i == 0 ? "" : " UNION ALL ").append("(SELECT c.id AS id, c.created_at AS created_at FROM concern c WHERE ");
            w.and("c." + units.concernColumn() + " = ?", units.concernIds().get(i));
            window(w, "c.created_at", "c.id", from, to, after);
            w.where.addAll(filters.where);
            w.args.addAll(filters.args);
            sql.append(String.join(" AND ", w.where)).append(" ORDER BY c.created_at DESC, c.id DESC LIMIT ").append(limit).append(')');
            args.addAll(w.args);
        }
        return sql.append(") u ORDER BY created_at DESC, id DESC LIMIT ").append(limit)
                .append(") k ON k.id = o.id ORDER BY o.created_at DESC, o.id DESC").toString();
    }

    /** created_at in [from, to) and strictly below the keyset position (either may be null). */
    private static void window(QueueSql.Sql w, String at, String id, Instant from, Instant to, KeysetCursor after) {
        if (from != null) {
            w.and(at + " >= ?", Timestamp.from(from));
        }
        if (to != null) {
            w.and(at + " < ?", Timestamp.from(to));
        }
        if (after != null) {
            var ts = Timestamp.from(after.at());
            w.and("(" + at + " < ? OR (" + at + " = ? AND " + id + " < ?))", ts, ts, after.id());
        }
    }
}
