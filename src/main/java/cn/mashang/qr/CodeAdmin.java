package cn.mashang.qr;

import cn.mashang.cluster.Broadcast;
import cn.mashang.cluster.ClusterMessage;
import io.micronaut.core.annotation.Nullable;
import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.deputy.Deputy;
import cn.mashang.deputy.DeputyRepository;
import cn.mashang.deputy.Membership;
import cn.mashang.deputy.MembershipRepository;
import cn.mashang.station.StationQueries;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Station head / admin side of codes: list with scan counts, revoke and reissue. */
@Singleton
public class CodeAdmin {
    record Revocation(String reason, Long replacementId) {
    }

    private final ContactCodeRepository codes;
    private final CodeDirectory directory;
    private final ScanCounter scans;
    private final MembershipRepository memberships;
    private final DeputyRepository deputies;
    private final StationQueries stations;
    private final JdbcOperations jdbc;
    private final QrImageStore images;
    private final @Nullable Broadcast broadcast;

    CodeAdmin(ContactCodeRepository codes, CodeDirectory directory, ScanCounter scans,
              MembershipRepository memberships, DeputyRepository deputies, StationQueries stations, JdbcOperations jdbc,
              QrImageStore images, @Nullable Broadcast broadcast) {
        this.images = images;
        this.broadcast = broadcast;
        this.codes = codes;
        this.directory = directory;
        this.scans = scans;
        this.memberships = memberships;
        this.deputies = deputies;
        this.stations = stations;
        this.jdbc = jdbc;
    }

    /** Every code of the station, active first (station code, then deputies), then revoked ones, newest first. */
    @Transactional
    public List<CodeAdminView> list(long stationId) {
        stations.get(stationId);
        scans.flush();
        List<ContactCode> all = codes.findByStationIdOrderByIdDesc(stationId);
        Map<Long, ScanCounter.Counts> counts = scans.counts(all.stream().map(ContactCode::id).toList());
        Map<Long, Membership> seats = memberships.findByStationIdAndActiveTrue(stationId).stream()
                .collect(Collectors.toMap(Membership::id, Function.identity()));
        Map<Long, Deputy> people = deputies.findByIdIn(all.stream().map(ContactCode::deputyId)
                        .filter(java.util.Objects::nonNull).distinct().toList())
                .stream().collect(Collectors.toMap(Deputy::id, Function.identity()));
        Map<Long, Revocation> revocations = revocations(stationId);
        Map<Long, String> tokenById = all.stream().collect(Collectors.toMap(ContactCode::id, ContactCode::code));
        Map<Long, String> replaces = new HashMap<>();
        revocations.forEach((id, r) -> {
            if (r.replacementId() != null) {
                replaces.put(r.replacementId(), tokenById.get(id));
            }
        });
        return all.stream()
                .sorted(Comparator.comparing((ContactCode c) -> !c.active()).thenComparing(c -> c.kind().ordinal())
                        .thenComparing(c -> c.active() ? 0 : -c.id()))
                .map(c -> {
                    ScanCounter.Counts n = counts.getOrDefault(c.id(), ScanCounter.Counts.NONE);
                    Membership m = c.membershipId() == null ? null : seats.get(c.membershipId());
                    Deputy d = c.deputyId() == null ? null : people.get(c.deputyId());
                    Revocation r = revocations.get(c.id());
                    return new CodeAdminView(c.code(), c.kind(), c.active(), directory.scanUrl(c), c.membershipId(),
                            c.deputyId(), d == null ? null : d.name(), m == null ? null : m.role().label(),
                            c.presetCategory(), Times.show(c.createdAt()), Times.show(c.revokedAt()),
                            r == null ? null : r.reason(),
                            r == null || r.replacementId() == null ? null : tokenById.get(r.replacementId()),
                            replaces.get(c.id()), n.today(), n.last7Days(), n.total(), n.byDay());
                }).toList();
    }

    /**
     * Revokes an active code and, unless told not to (or the deputy has left the station), issues a new one for
     * the same owner. The owner row is locked so two heads revoking at once cannot leave two active codes.
     * Returns the new code, or the revoked one when none was issued. Callers drop the revoked code from the
     * lookup cache after the commit ({@link CodeLookup#invalidate}).
     */
    @Transactional
    public ContactCode revoke(String token, String reason, boolean reissue, String actor) {
        ContactCode old = directory.find(token).orElseThrow(() -> ApiException.notFound("二维码"));
        lockOwner(old);
        old = codes.findById(old.id()).orElseThrow();
        if (!old.active()) {
            throw ApiException.conflict("此二维码已停用，不能重复停用");
        }
        var now = Times.now();
        ContactCode revoked = codes.update(new ContactCode(old.id(), old.code(), old.kind(), old.stationId(),
                old.membershipId(), old.deputyId(), old.presetCategory(), false, old.createdAt(), now));
        images.forget(revoked.id());
        ContactCode issued = null;
        if (reissue) {
            if (old.kind() == ContactCode.Kind.STATION) {
                issued = directory.issueForStation(old.stationId(), old.presetCategory());
            } else {
                issued = memberships.findById(old.membershipId()).filter(Membership::active)
                        .map(directory::issueForMembership).orElse(null);
            }
        }
        Long replacement = issued == null ? null : issued.id();
        jdbc.prepareStatement("INSERT INTO code_revocation (code_id, reason, revoked_by, replacement_code_id, created_at) "
                + "VALUES (?, ?, ?, ?, ?)", ps -> {
            ps.setLong(1, revoked.id());
            ps.setString(2, reason);
            ps.setString(3, actor);
            if (replacement == null) {
                ps.setNull(4, java.sql.Types.BIGINT);
            } else {
                ps.setLong(4, replacement);
            }
            ps.setTimestamp(5, Timestamp.from(now));
            return ps.executeUpdate();
        });
        if (broadcast != null) {
            broadcast.publish(ClusterMessage.REVOCATION, revoked.code()); // other replicas poll at once (after commit)
        }
        return issued != null ? issued : revoked;
    }

    private void lockOwner(ContactCode code) {
        String sql = code.kind() == ContactCode.Kind.STATION
                ? "SELECT id FROM station WHERE id = ? FOR UPDATE"
                : "SELECT id FROM station_membership WHERE id = ? FOR UPDATE";
        long id = code.kind() == ContactCode.Kind.STATION ? code.stationId() : code.membershipId();
        jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, id);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    private Map<Long, Revocation> revocations(long stationId) {
        Map<Long, Revocation> out = new HashMap<>();
        jdbc.prepareStatement("SELECT r.code_id, r.reason, r.replacement_code_id FROM code_revocation r "
                + "JOIN contact_code c ON c.id = r.code_id WHERE c.station_id = ?", ps -> {
            ps.setLong(1, stationId);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    long rep = rs.getLong(3);
                    out.put(rs.getLong(1), new Revocation(rs.getString(2), rs.wasNull() ? null : rep));
                }
            }
            return null;
        });
        return out;
    }
}
