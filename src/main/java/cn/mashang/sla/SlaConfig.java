package cn.mashang.sla;

import cn.mashang.notify.Channel;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.Map;

/** The {@code sla:} configuration block: the overdue job and where its messages go. */
public final class SlaConfig {
    private SlaConfig() {
    }

    /**
     * The overdue job.
     *
     * @param enabled        run on schedule (tests call {@link OverdueJob#runOnce} instead)
     * @param interval       fixed delay between runs (read by the @Scheduled annotation)
     * @param lease          how long one run may hold the DB lock
     * @param adminAfterDays working days after a deadline at which a still-red concern is escalated to the admin
     * @param pageSize       open concerns read per page (a short read transaction each; the city is walked by id)
     */
    @ConfigurationProperties("sla.overdue")
    public record Overdue(@Bindable(defaultValue = "true") boolean enabled,
                          @Bindable(defaultValue = "5m") Duration interval,
                          @Bindable(defaultValue = "10m") Duration lease,
                          @Bindable(defaultValue = "3") int adminAfterDays,
                          @Bindable(defaultValue = "1000") int pageSize) {
    }

    /**
     * Routing. Deputies and heads have no personal webhook in the schema: their messages go to the station's
     * group robot ({@code station-targets.<stationId>: <webhook name>}) and name the deputy in the text; admin
     * escalations go to the robot of the nearest region configured in {@code region-targets.<regionId>}.
     * Without an entry, the default target; with channel LOG (the default) messages are only logged.
     */
    @ConfigurationProperties("sla.notify")
    public record Notify(@Bindable(defaultValue = "LOG") Channel channel,
                         @Bindable(defaultValue = "default") String defaultTarget,
                         @Nullable Map<String, String> stationTargets,
                         @Nullable Map<String, String> regionTargets) {
        public Notify {
            stationTargets = stationTargets == null ? Map.of() : Map.copyOf(stationTargets);
            regionTargets = regionTargets == null ? Map.of() : Map.copyOf(regionTargets);
        }

        public String stationTarget(long stationId) {
            return stationTargets.getOrDefault(Long.toString(stationId), defaultTarget);
        }

        /** The target of the deepest configured region on the path /1/4/9/, else the default. */
        public String regionTarget(String regionPath) {
            String found = defaultTarget;
            if (regionPath != null) {
                for (String id : regionPath.split("/")) {
                    if (!id.isEmpty() && regionTargets.containsKey(id)) {
                        found = regionTargets.get(id);
                    }
                }
            }
            return found;
        }
    }
}
