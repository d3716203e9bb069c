package cn.mashang.dashboard;

import cn.mashang.sla.SlaInputsChanged;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;

/**
 * A rule or calendar change makes every built station-day stale (on-time counts and working-day durations depend on
 * both): the built marks are dropped, so dashboards compute those days from their concerns (exact, slower) until
 * {@link RollupJob#rebuild} builds them again.
 */
@Singleton
class StationDayInvalidation {
    private static final Logger LOG = LoggerFactory.getLogger(StationDayInvalidation.class);

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;

    StationDayInvalidation(JdbcOperations jdbc, TransactionOperations<Connection> tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @EventListener
    void onChanged(SlaInputsChanged e) {
        int n = tx.executeWrite(s -> jdbc.prepareStatement("DELETE FROM dash_day", java.sql.PreparedStatement::executeUpdate));
        LOG.info("SLA inputs changed ({}): {} built station-days are computed live until the next rebuild", e.what(), n);
    }
}
