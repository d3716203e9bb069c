package cn.mashang.station;

import cn.mashang.deputy.DeputyLevel;
import cn.mashang.deputy.MembershipRole;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * One station as the public sees it, with its active code and its deputies' codes. {@code receptionDays} are the
 * texts of its reception rules ({@code reception.ReceptionDays}); {@code receptionNote} is the free-text note beside them.
 */
@Serdeable
public record StationDetail(Long id, String name, Station.StationKind kind, Station.StationType type,
                            String industry, Long regionId, String regionName, String address,
                            String introduction, String openingHours, String receptionNote,
                            @Schema(description = "接待规则（与接待台同一文字）/ the station's reception rules, as the desk prints them")
                            List<String> receptionDays, String publicPhone, String code, String scanUrl, List<Member> deputies) {

    @Serdeable
    public record Member(Long deputyId, String name, List<DeputyLevel> levels, String unit,
                         String publicPhone, MembershipRole role, String code, String scanUrl) {
    }
}
