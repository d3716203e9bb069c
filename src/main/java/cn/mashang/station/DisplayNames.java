package cn.mashang.station;

import cn.mashang.common.Refreshes;
import cn.mashang.deputy.Deputy;
import cn.mashang.deputy.DeputyRepository;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micronaut.context.annotation.Factory;
import io.micronaut.data.event.listeners.PostUpdateEventListener;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stations (their name and region) and deputy names as the hot paths show them — queue items, a submission's
 * station, the new-concern message — kept {@link #TTL} instead of read on every request (they were two of a queue
 * page's three round trips and two of a submission's reads). An edit drops the entry on the editing replica at once
 * (entity events); other replicas show it within the TTL.
 */
@Singleton
public class DisplayNames {
    public static final Duration TTL = Duration.ofSeconds(60);
    private final StationRepository stationRepository;
    private final DeputyRepository deputyRepository;
    private final LoadingCache<Long, Optional<Station>> stations;
    private final LoadingCache<Long, String> deputies;

    DisplayNames(StationRepository stationRepository, DeputyRepository deputyRepository,
                 Refreshes executor) {
        this.stationRepository = stationRepository;
        this.deputyRepository = deputyRepository;
        // never older than the TTL; past half of it an entry is reloaded in the background at its next read (which is
        // answered from it): with a city's 2,000 stations each submitted to about once a minute, expiring entries had a
        // quarter of the submissions read their station in the request
        this.stations = executor.within(TTL).maximumSize(10_000).build(stationRepository::findById);
        this.deputies = executor.within(TTL).maximumSize(50_000).<Long, String>build(new CacheLoader<>() {
                    @Override
                    public String load(Long id) {
                        return DisplayNames.this.load(List.of(id)).get(id);
                    }

                    @Override
                    public Map<Long, String> loadAll(Set<? extends Long> ids) {
                        return DisplayNames.this.load(ids);
                    }
                });
    }

    public Optional<Station> station(long id) {
        return stations.get(id);
    }

    /** The station's name, "" for an unknown id. */
    public String stationName(long id) {
        return station(id).map(Station::name).orElse("");
    }

    /** A deputy's name, null for an unknown id or null. */
    public String deputyName(Long id) {
        return id == null ? null : deputies(Set.of(id)).get(id);
    }

    /** Names by deputy id (unknown ids are left out). */
    public Map<Long, String> deputies(Set<Long> ids) {
        return ids.isEmpty() ? Map.of() : deputies.getAll(ids);
    }

    private Map<Long, String> load(Collection<? extends Long> ids) {
        Map<Long, String> out = new HashMap<>();
        deputyRepository.findByIdIn(List.copyOf(ids)).forEach(d -> out.put(d.id(), d.name()));
        return out;
    }

    @Factory
    static class Invalidation {
        @Singleton
        PostUpdateEventListener<Station> displayedStationChanged(DisplayNames names) {
            return s -> names.stations.invalidate(s.id());
        }

        @Singleton
        PostUpdateEventListener<Deputy> displayedDeputyRenamed(DisplayNames names) {
            return d -> names.deputies.invalidate(d.id());
        }
    }
}
