package cn.mashang.concern;

import cn.mashang.common.JobLock;
import cn.mashang.common.Times;
import cn.mashang.sla.SlaInputsChanged;
import cn.mashang.calendar.WorkingCalendar;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * Keeps the stored deadlines ({@link Deadlines}) true: after an SLA rule or the calendar changed, recomputes them for
 * every unfinished concern (open or awaiting a rating); at start-up, fills them on rows written before V11. Walks by
 * id in pages of 1,000, one short transaction a page, writing only rows whose deadlines moved (the version is not
 * bumped: deadlines are not something a client decided on). One replica at a time ({@link JobLock}).
 * With {@code lifecycle.deadline-refresh-async: false} (tests) a change is refreshed before the admin's request ends.
 */
@Singleton
public class DeadlineRefresh {
    static final String JOB = "deadline-refresh";
    private static final Logger LOG = LoggerFactory.getLogger(DeadlineRefresh.class);
    private static final int PAGE = 1000;
    private static final String UNFINISHED = "c.state IN " + ConcernState.sql(ConcernState.OPEN) + " OR c.state = 'RESOLVED'";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final Deadlines deadlines;
    private final WorkingCalendar calendar;
    private final JobLock lock;
    private final ExecutorService executor;
    private final boolean async;

    DeadlineRefresh(JdbcOperations jdbc, TransactionOperations<Connection> tx, Deadlines deadlines, WorkingCalendar calendar,
                    JobLock lock, @Named(TaskExecutors.BLOCKING) ExecutorService executor,
                    @Value("${lifecycle.deadline-refresh-async:true}") boolean async) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.lock = lock;
        this.executor = executor;
        this.async = async;
    }

    @EventListener
    void onChanged(SlaInputsChanged e) {
        if (async) {
            executor.submit(() -> run(false, e.what()));
        } else {
            run(false, e.what());
        }
    }

    @Scheduled(initialDelay = "${lifecycle.deadline-backfill-delay:30s}", fixedDelay = "12h")
    void backfill() {
        run(true, "backfill");
    }

    /** Refreshes (all unfinished, or only rows with none stored); answers the number of rows written, −1 when busy. */
    public int run(boolean onlyMissing, String why) {
        var claimed = lock.claim(JOB, Times.now(), Duration.ofMinutes(30));
        if (claimed.isEmpty()) {
            return -1;
        }
        try (var lease = claimed.get()) {
            int written = 0;
            long after = 0;
            for (List<Row> page = page(after, onlyMissing); !page.isEmpty(); page = page(after, onlyMissing)) {
                after = page.get(page.size() - 1).id;
                written += write(page);
            }
            if (written > 0) {
                LOG.info("deadlines refreshed ({}): {} concerns", why, written);
            }
            return written;
        } catch (RuntimeException e) {
            LOG.warn("deadline refresh ({}) failed: {}", why, e.toString());
            return -1;
        }
    }

    private static final class Row {
        long id;
        Long regionId;
        String category;
        ConcernState state;
        Instant created;
        Instant resolved;
        Instant[] stored = new Instant[3];
        Instant[] due = new Instant[3];
    }

    private List<Row> page(long after, boolean onlyMissing) {
        String sql = "SELECT c.id, c.region_id, c.category, c.state, c.created_at, c.resolved_at, c.first_response_due,"
                + " c.resolution_due, c.feedback_due FROM concern c WHERE c.id > ? AND ("
                + (onlyMissing ? "c.resolution_due IS NULL" : UNFINISHED) + ") ORDER BY c.id LIMIT " + PAGE;
        return tx.executeRead(status -> jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, after);
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row r = new Row();
                    r.id = rs.getLong(1);
                    r.regionId = rs.getLong(2);
                    r.category = rs.getString(3);
                    r.state = ConcernState.valueOf(rs.getString(4));
                    r.created = rs.getTimestamp(5).toInstant();
                    r.resolved = instant(rs.getTimestamp(6));
                    for (int i = 0; i < 3; i++) {
                        r.stored[i] = instant(rs.getTimestamp(7 + i));
                    }
                    out.add(r);
                }
            }
            return out;
        }));
    }

    private int write(List<Row> page) {
        List<Row> moved = new ArrayList<>();
        for (Row r : page) {
            Deadlines.AtIntake at = deadlines.atIntake(r.regionId, r.category, r.created);
            r.due[0] = at.firstResponse();
            r.due[1] = at.resolution();
            r.due[2] = r.state.isDone() && r.resolved != null
                    ? calendar.addWorkingDays(r.resolved, deadlines.rule(r.regionId, r.category).feedbackDays()) : null;
            for (int i = 0; i < 3; i++) {
                if (!Objects.equals(r.due[i], r.stored[i])) {
                    moved.add(r);
                    break;
                }
            }
        }
        if (moved.isEmpty()) {
            return 0;
        }
        return tx.executeWrite(status -> jdbc.prepareStatement(
                "UPDATE concern SET first_response_due = ?, resolution_due = ?, feedback_due = ?, sla_check_at = NULL WHERE id = ?", ps -> {
                    for (Row r : moved) {
                        for (int i = 0; i < 3; i++) {
                            set(ps, i + 1, r.due[i]);
                        }
                        ps.setLong(4, r.id);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    return moved.size();
                }));
    }

    private static void set(PreparedStatement ps, int i, Instant t) throws java.sql.SQLException {
        if (t == null) {
            ps.setNull(i, Types.TIMESTAMP);
        } else {
            ps.setTimestamp(i, Timestamp.from(t));
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
