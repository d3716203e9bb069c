package cn.mashang.station;

import cn.mashang.deputy.Deputy;
import cn.mashang.deputy.DeputyRepository;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
    private final Cache<Long, Optional<Station>> stations = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(TTL).build();
    private final Cache<Long, String> deputies = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(TTL).build();

    DisplayNames(StationRepository stationRepository, DeputyRepository deputyRepository) {
        this.stationRepository = stationRepository;
        this.deputyRepository = deputyRepository;
    }

    public Optional<Station> station(long id) {
        return stations.get(id, stationRepository::findById);
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
        return ids.isEmpty() ? Map.of() : deputies.getAll(ids, this::load);
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
