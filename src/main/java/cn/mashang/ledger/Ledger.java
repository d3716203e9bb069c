package cn.mashang.ledger;

import cn.mashang.auth.Scopes;
import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;

/**
 * The committee's concern ledger of a region (its tree) for a period of receipt: checks the caller and the period
 * at once (404 / 400 as problem+json), then writes the file on the blocking executor into a {@link Pipe} whose
 * reading end is the response body: rows go out while the walk goes on ({@link LedgerRows}), the heap holds a page
 * and POI's window. At most {@value #AT_ONCE} exports run at once per replica (503 beyond). Every export is logged
 * on the {@code audit} logger (who, region, period, format, rows, time); there is no audit table for exports.
 */
@Singleton
class Ledger {
    static final int AT_ONCE = 2;
    /** The longest period one export covers. */
    static final int MAX_DAYS = 366;
    private static final Logger AUDIT = LoggerFactory.getLogger("audit.ledger");

    enum Format {
        XLSX("xlsx"), CSV("csv");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }
    }

    /** An export under way: the body to stream, its file name, and the number of rows once written. */
    record Export(InputStream body, String filename, CompletableFuture<Long> rows) {
    }

    private final Scopes scopes;
    private final LedgerRows rows;
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final ExecutorService executor;
    private final Clock clock;
    private final Semaphore running = new Semaphore(AT_ONCE);

    Ledger(Scopes scopes, LedgerRows rows, JdbcOperations jdbc, TransactionOperations<Connection> tx,
           @Named(TaskExecutors.BLOCKING) ExecutorService executor, Clock clock) {
        this.scopes = scopes;
        this.rows = rows;
        this.jdbc = jdbc;
        this.tx = tx;
        this.executor = executor;
        this.clock = clock;
    }

    Export start(Authentication auth, long regionId, @Nullable LocalDate from, @Nullable LocalDate to, Format format) {
        scopes.requireAdministerRegion(auth, regionId, "地区");
        LocalDate last = to != null ? to : LocalDate.now(clock.withZone(Times.ZONE));
        LocalDate first = from != null ? from : last.withDayOfYear(1);
        if (first.isAfter(last)) {
            throw ApiException.badField("from", "开始日期不能晚于结束日期");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw ApiException.badField("to", "一次最多导出 " + MAX_DAYS + " 天");
        }
        String[] region = tx.executeRead(s -> jdbc.prepareStatement("SELECT name, path FROM region WHERE id = ?", ps -> {
            ps.setLong(1, regionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new String[]{rs.getString(1), rs.getString(2)} : null;
            }
        }));
        if (region == null) {
            throw ApiException.notFound("地区");
        }
        if (!running.tryAcquire()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "服务繁忙", "正在导出的台账较多，请稍后再试");
        }
        Instant start = first.atStartOfDay(Times.ZONE).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(Times.ZONE).toInstant();
        Map<Long, String> tree;
        try {
            tree = rows.regions(region[1]);
        } catch (RuntimeException e) {
            running.release();
            throw e;
        }
        Pipe pipe = new Pipe();
        String who = auth.getName();
        CompletableFuture<Long> written = new CompletableFuture<>();
        try {
            executor.execute(() -> write(pipe, format, tree, start, end, who, regionId, first, last, written));
        } catch (RuntimeException e) {
            running.release();
            throw e;
        }
        return new Export(pipe.in, region[0] + "-反映台账-" + first + "至" + last + "." + format.extension, written);
    }

    private void write(Pipe pipe, Format format, Map<Long, String> tree, Instant start, Instant end, String who,
                       long regionId, LocalDate first, LocalDate last, CompletableFuture<Long> written) {
        long t0 = System.nanoTime();
        LedgerFiles.Out file = null;
        try {
            file = format == Format.XLSX ? LedgerFiles.xlsx(pipe.out) : LedgerFiles.csv(pipe.out);
            long n = rows.walk(tree, start, end, clock.instant(), file);
            file.finish();
            pipe.out.close();   // the end of the body only when complete: a failure never looks like a short file
            written.complete(n);
            AUDIT.info("ledger export: account {} region {} {}..{} {} rows {} in {} ms", who, regionId, first, last,
                    format, n, (System.nanoTime() - t0) / 1_000_000);
        } catch (Exception | Error e) {   // whatever ends the export ends the body as failed, never silently
            written.completeExceptionally(e);
            if (pipe.readerClosed()) {
                AUDIT.info("ledger export: account {} region {} {}..{} {} abandoned by the client", who, regionId,
                        first, last, format);
            } else {
                AUDIT.warn("ledger export: account {} region {} {}..{} {} failed", who, regionId, first, last, format, e);
                pipe.fail(e);
            }
        } finally {
            if (file != null) {
                file.discard();
            }
            running.release();
        }
    }
}
