package cn.mashang.concern.work;

import cn.mashang.concern.search.SearchIndex;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The SQL of one search page ({@link ConcernSearch}). The caller's scope is a list of units (stations, or regions),
 * and the page is the union of one {@code ORDER BY created_at DESC, id DESC LIMIT n} sub-query per unit, cut to n —
 * as the queues do ({@link QueueSql#page}). With terms, each sub-query walks {@code concern_term} on
 * (term, unit, created_at) for the rarest term of q, checks the next rarest by primary key (concern_id, term),
 * and verifies every word of q with LIKE on the concern's fields and reply texts; without terms it walks the
 * concern table on (unit, created_at).
 */
final class SearchSql {
    /** Escape character of the LIKE patterns ('!': no engine treats it specially in a string). */
    static final String ESCAPE = " ESCAPE '!'";

    /** How each unit is matched: the column of concern_term / concern, and the ids. */
    record Units(String column, List<Long> ids) {
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

    /**
     * The statement of one page: {@code driver} the rarest term (null: walk the concern table), {@code also} further
     * terms each row must have, {@code filters} over the concern (alias c), created_at in [from, to), the keyset position (null: first page).
     */
    static String page(Units units, String driver, List<String> also, QueueSql.Sql filters, Instant from, Instant to,
                       cn.mashang.common.KeysetCursor after, int limit, List<Object> args) {
        String at = driver == null ? "c.created_at" : "t.created_at";
        String id = driver == null ? "c.id" : "t.concern_id";
        StringBuilder sql = new StringBuilder("SELECT o.* FROM concern o JOIN (SELECT id, created_at FROM (");
        for (int i = 0; i < units.ids().size(); i++) {
            QueueSql.Sql w = new QueueSql.Sql();
            if (driver == null) {
                sql.append(i == 0 ? "" : " UNION ALL ").append("(SELECT c.id AS id, c.created_at AS created_at FROM concern c WHERE ");
                w.and("c." + units.column() + " = ?", units.ids().get(i));
            } else {
                sql.append(i == 0 ? "" : " UNION ALL ").append("(SELECT t.concern_id AS id, t.created_at AS created_at"
                        + " FROM concern_term t JOIN concern c ON c.id = t.concern_id WHERE ");
                w.and("t.term = ?", driver);
                w.and("t." + units.column() + " = ?", units.ids().get(i));
                for (String term : also) {
                    w.and("EXISTS (SELECT 1 FROM concern_term x WHERE x.concern_id = t.concern_id AND x.term = ?)", term);
                }
            }
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
            w.where.addAll(filters.where);
            w.args.addAll(filters.args);
            sql.append(String.join(" AND ", w.where)).append(" ORDER BY ").append(at).append(" DESC, ").append(id)
                    .append(" DESC LIMIT ").append(limit).append(')');
            args.addAll(w.args);
        }
        return sql.append(") u ORDER BY created_at DESC, id DESC LIMIT ").append(limit)
                .append(") k ON k.id = o.id ORDER BY o.created_at DESC, o.id DESC").toString();
    }
}
