package cn.mashang.station;

import cn.mashang.deputy.DeputyLevel;
import cn.mashang.deputy.MembershipRole;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One station as the public sees it, with its active code and its deputies' codes. */
@Serdeable
public record StationDetail(Long id, String name, Station.StationKind kind, Station.StationType type,
                            String industry, Long regionId, String regionName, String address,
                            String introduction, String openingHours, String receptionNote,
                            String publicPhone, String code, String scanUrl, List<Member> deputies) {

    @Serdeable
    public record Member(Long deputyId, String name, List<DeputyLevel> levels, String unit,
                         String publicPhone, MembershipRole role, String code, String scanUrl) {
    }
}
