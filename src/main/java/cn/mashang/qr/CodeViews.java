package cn.mashang.qr;

import cn.mashang.common.Refreshes;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import cn.mashang.common.ApiException;
import cn.mashang.deputy.DeputyLevel;
import cn.mashang.station.StationDetail;
import cn.mashang.station.StationQueries;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a code to what its landing page shows. Unknown, malformed or orphaned codes are 404. The station data
 * is cached per station and reloaded in the background once older than {@link QrConfig#stationViewTtl()} (30 s): an
 * edit made on this replica drops it at once ({@link StationViewInvalidation}), other replicas show it from the first
 * scan after that bound (from the scan itself when the station was not scanned for twice the bound); a revocation
 * drops the station on every replica within a second ({@link RevocationWatch}).
 */
@Singleton
public class CodeViews {
    private final CodeLookup lookup;
    private final CodeDirectory directory;
    private final StationQueries stations;

    private final LoadingCache<Long, StationDetail> details;

    CodeViews(CodeLookup lookup, CodeDirectory directory, StationQueries stations, QrConfig config,
              MeterRegistry registry, Refreshes executor) {
        this.lookup = lookup;
        this.directory = directory;
        this.stations = stations;
        // the station part of a landing (station, its deputies and their codes: six queries), so a scan normally costs
        // no database round trip; sized for every station of a city. Older than the TTL, an entry is reloaded in the
        // background at its next scan (that scan is answered from it): 2,000 stations at a 30 s TTL are ~67 reloads a
        // second, which in the request path were the landing's p99. A reload equal to what is kept keeps the kept
        // instance, so the finished page built from it stays valid. Not scanned for twice the TTL: loaded in the scan.
        Duration ttl = config.stationViewTtl();
        this.details = executor.within(ttl.multipliedBy(2)).maximumSize(config.stationCacheSize()).recordStats()
                .build(new CacheLoader<>() {
                    @Override
                    public StationDetail load(Long id) {
                        return stations.detail(id);
                    }

                    @Override
                    public StationDetail reload(Long id, StationDetail kept) {
                        StationDetail fresh = stations.detail(id);
                        return fresh.equals(kept) ? kept : fresh;
                    }
                });
        CaffeineCacheMetrics.monitor(registry, details, "qr.station-views");
    }

    /** Drops every station's cached landing data (after a deputy changed on this replica). */
    public void forgetAll() {
        details.invalidateAll();
    }

    /** Drops the cached landing data of a station (after it, its memberships or one of its codes changed on this replica). */
    public void forgetStation(long stationId) {
        details.invalidate(stationId);
    }

    /** The code of the given kind (null: any kind), or 404. */
    public ContactCode require(String code, ContactCode.Kind kind) {
        return lookup.find(code).filter(c -> kind == null || c.kind() == kind)
                .orElseThrow(() -> ApiException.notFound("二维码"));
    }

    /** A code and its station's landing data as this replica holds them (the same instances until either is reloaded). */
    record Source(ContactCode code, StationDetail station) {
    }

    /** The code of the given kind (null: any kind) with its station, or 404 (also when the station was closed). */
    Source source(String token, ContactCode.Kind kind) {
        ContactCode code = require(token, kind);
        return new Source(code, details.get(code.stationId()));
    }

    public CodeView view(String token, ContactCode.Kind kind) {
        return view(source(token, kind));
    }

    CodeView view(Source source) {
        ContactCode code = source.code();
        StationDetail s = source.station();
        String current = s.scanUrl();
        Optional<StationDetail.Member> member = code.kind() == ContactCode.Kind.DEPUTY
                ? s.deputies().stream().filter(m -> m.deputyId().equals(code.deputyId())).findFirst()
                : Optional.empty();
        boolean routes = code.active() && (code.kind() == ContactCode.Kind.STATION || member.isPresent());
        if (!routes) {
            return new CodeView(code.code(), code.kind(), false, directory.scanUrl(code),
                    new CodeView.StationCard(s.id(), s.name(), null, null, null, null, null, null, null), null, null,
                    current);
        }
        List<CodeView.DeputyCard> deputies = s.deputies().stream().map(CodeViews::card).toList();
        return new CodeView(code.code(), code.kind(), true, directory.scanUrl(code),
                new CodeView.StationCard(s.id(), s.name(), s.address(), s.openingHours(), s.receptionNote(),
                        s.receptionDays(), s.publicPhone(), s.introduction(), deputies),
                member.map(CodeViews::card).orElse(null),
                code.presetCategory() != null ? code.presetCategory() : null, current);
    }

    static CodeView.DeputyCard card(StationDetail.Member m) {
        return new CodeView.DeputyCard(m.deputyId(), m.name(), m.levels(),
                m.levels().stream().map(DeputyLevel::label).toList(), m.unit(), m.publicPhone(), m.role(),
                m.role().label(), m.code(), m.scanUrl());
    }
}
