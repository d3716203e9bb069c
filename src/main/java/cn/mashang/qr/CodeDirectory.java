package cn.mashang.qr;

import cn.mashang.AppConfig;
import cn.mashang.common.Times;
import cn.mashang.deputy.Membership;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks up codes and issues new ones; the one place that knows the printed URL shape. */
@Singleton
public class CodeDirectory {
    private final ContactCodeRepository codes;
    private final CodeGenerator generator;
    private final AppConfig config;

    CodeDirectory(ContactCodeRepository codes, CodeGenerator generator, AppConfig config) {
        this.codes = codes;
        this.generator = generator;
        this.config = config;
    }

    /** Any code, active or revoked; empty for malformed or unknown tokens. */
    public Optional<ContactCode> find(String code) {
        return CodeGenerator.wellFormed(code) ? codes.findByCode(code) : Optional.empty();
    }

    public String scanUrl(ContactCode code) {
        return config.publicBaseUrl() + "/" + code.kind().pathSegment() + "/" + code.code();
    }

    public Optional<ContactCode> activeStationCode(long stationId) {
        return codes.findByStationIdAndActiveTrue(stationId).stream()
                .filter(c -> c.kind() == ContactCode.Kind.STATION).findFirst();
    }

    public Optional<ContactCode> activeMembershipCode(long membershipId) {
        return codes.findByMembershipIdAndActiveTrue(membershipId);
    }

    /** Active deputy codes of a station, keyed by membership id. */
    public Map<Long, ContactCode> activeMembershipCodes(long stationId) {
        return codes.findByStationIdAndActiveTrue(stationId).stream()
                .filter(c -> c.kind() == ContactCode.Kind.DEPUTY)
                .collect(Collectors.toMap(ContactCode::membershipId, Function.identity(), (a, b) -> a));
    }

    @Transactional
    public ContactCode issueForStation(long stationId, String presetCategory) {
        return codes.save(new ContactCode(null, generator.next(), ContactCode.Kind.STATION, stationId, null, null,
                presetCategory, true, Times.now(), null));
    }

    @Transactional
    public ContactCode issueForMembership(Membership m) {
        return codes.save(new ContactCode(null, generator.next(), ContactCode.Kind.DEPUTY, m.stationId(), m.id(),
                m.deputyId(), null, true, Times.now(), null));
    }
}
