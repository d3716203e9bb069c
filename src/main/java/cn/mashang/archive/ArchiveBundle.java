package cn.mashang.archive;

import cn.mashang.common.ApiException;
import cn.mashang.common.PipedDownload;
import cn.mashang.region.Region;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The archives of a region's deputies in one ZIP, one PDF per deputy ({@link ArchivePdf}), streamed
 * ({@link PipedDownload}): each archive is computed and rendered alone, written into the ZIP and dropped. The
 * deputies of a region are those an admin of it may open one by one: home region in it, or an active seat at an
 * active station in it. At most {@link #AT_ONCE} bundles are written at a time (others: 503, try again).
 */
@Singleton
class ArchiveBundle {
    static final int AT_ONCE = 2;
    private final JdbcOperations jdbc;
    private final ArchiveService archives;
    private final ArchivePdf pdf;
    private final ExecutorService executor;
    private final Semaphore writing = new Semaphore(AT_ONCE);

    ArchiveBundle(JdbcOperations jdbc, ArchiveService archives, ArchivePdf pdf,
                  @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.jdbc = jdbc;
        this.archives = archives;
        this.pdf = pdf;
        this.executor = executor;
    }

    record Member(long id, String name) {
        String entry(int year) {
            return "履职档案-" + year + "-" + name.replaceAll("[\\\\/:*?\"<>|\\s]", "_") + "-" + id + ".pdf";
        }
    }

    /** The region's deputies, by id. */
    @Transactional(readOnly = true)
    public List<Member> deputies(Region region) {
        return jdbc.prepareStatement("""
                SELECT d.id, d.name FROM deputy d WHERE d.active = TRUE AND (
                  d.region_id IN (SELECT r.id FROM region r WHERE r.path LIKE ?)
                  OR EXISTS (SELECT 1 FROM station_membership m JOIN station s ON s.id = m.station_id
                             JOIN region r ON r.id = s.region_id
                             WHERE m.deputy_id = d.id AND m.active = TRUE AND s.active = TRUE AND r.path LIKE ?))
                ORDER BY d.id""", ps -> {
                    ps.setString(1, region.path() + "%");
                    ps.setString(2, region.path() + "%");
                    List<Member> out = new ArrayList<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Member(rs.getLong(1), rs.getString(2)));
                        }
                    }
                    return out;
                });
    }

    /** Starts writing the ZIP of the deputies' archives of the year; the caller sends the stream. */
    InputStream zip(List<Member> deputies, int year) {
        ArchivePdf.Renderer renderer = pdf.open(); // 503 at once when no CJK font is installed
        if (!writing.tryAcquire()) {
            renderer.close();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "档案包生成繁忙",
                    "正在生成其他档案包，请稍后再试。");
        }
        try {
            return start(renderer, deputies, year);
        } catch (RuntimeException e) {
            renderer.close();
            throw e;
        }
    }

    private InputStream start(ArchivePdf.Renderer renderer, List<Member> deputies, int year) {
        return PipedDownload.start(executor, out -> {
            try (renderer; ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Member m : deputies) {
                    byte[] file = renderer.render(archives.compute(m.id(), year));
                    zip.putNextEntry(new ZipEntry(m.entry(year)));
                    zip.write(file);
                    zip.closeEntry();
                }
                zip.finish();
            }
        }, writing::release);
    }
}
