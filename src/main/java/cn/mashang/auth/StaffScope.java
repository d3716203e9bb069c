package cn.mashang.auth;

import java.util.Set;

/**
 * Who the caller is and what data they may reach.
 *
 * @param accountId  staff account id
 * @param role       the account's role
 * @param deputyId   the deputy record of a DEPUTY (else null)
 * @param stationIds stations the caller belongs to: a deputy's active memberships, a liaison's or head's station(s)
 * @param regionId   an ADMIN's region (they reach it and everything below); null for others
 * @param departmentId a DEPARTMENT account's department; null for others
 */
public record StaffScope(long accountId, Role role, Long deputyId, Set<Long> stationIds, Long regionId,
                         Long departmentId) {
}
