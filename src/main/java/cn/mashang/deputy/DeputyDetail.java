package cn.mashang.deputy;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A deputy's public card (双码公开: name, unit, contact) and the stations they sit in. */
@Serdeable
public record DeputyDetail(Long id, String name, List<DeputyLevel> levels, List<String> levelLabels,
                           String unit, String occupation, String constituency, String publicPhone,
                           String publicEmail, String bio, List<StationSeat> stations) {

    @Serdeable
    public record StationSeat(Long stationId, String stationName, MembershipRole role, String roleLabel,
                              String code, String scanUrl) {
    }
}
