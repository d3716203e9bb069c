package cn.mashang.referral;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The referral rows, written by the life-cycle handlers in the action's transaction (cn.mashang.concern
 * .ActionHandlers): refer opens one (ending an open one first), sign, the answers, return and withdrawal end it,
 * an approved extension or an urge with a new deadline moves its deadline.
 */
@Singleton
public class Referrals {
    private final ReferralRepository repo;

    Referrals(ReferralRepository repo) {
        this.repo = repo;
    }

    /** What a new referral records. */
    public record Opening(long concernId, long departmentId, long stationId, long regionId, long referredBy,
                          Instant now, Instant signDue, Instant deadline, boolean shareContact) {
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void opened(Opening o) {
        repo.end(o.concernId(), Referral.Status.WITHDRAWN.name(), o.now(), null, null, null);
        repo.save(new Referral(null, o.concernId(), o.departmentId(), o.stationId(), o.regionId(), o.referredBy(),
                o.now(), o.shareContact(), o.signDue(), null, o.deadline(), 0, Referral.Status.OPEN, null, null, null, null));
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void signed(long concernId, Instant now) {
        repo.sign(concernId, now);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void answered(long concernId, Instant now, @Nullable String proposedOutcome) {
        repo.end(concernId, Referral.Status.ANSWERED.name(), now, proposedOutcome, null, null);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void returned(long concernId, Instant now, String reason, String legalBasis) {
        repo.end(concernId, Referral.Status.RETURNED.name(), now, null, reason, legalBasis);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void withdrawn(long concernId, Instant now) {
        repo.end(concernId, Referral.Status.WITHDRAWN.name(), now, null, null, null);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void deadlineMoved(long concernId, Instant deadline) {
        repo.moveDeadline(concernId, deadline);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void extensionAsked(long concernId) {
        repo.extensionAsked(concernId);
    }

    /** The department's latest referral of the concern (the department may see it), if any. */
    public Optional<Referral> latest(long concernId, long departmentId) {
        return repo.findFirstByConcernIdAndDepartmentIdOrderByIdDesc(concernId, departmentId);
    }

    public Optional<Referral> open(long concernId) {
        return repo.findFirstByConcernIdAndStatus(concernId, Referral.Status.OPEN);
    }

    public List<Referral> history(long concernId) {
        return repo.findByConcernIdOrderById(concernId);
    }
}
