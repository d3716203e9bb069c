package cn.mashang.concern.lifecycle;

import cn.mashang.concern.Concern;
import cn.mashang.concern.ConcernRepository;
import cn.mashang.concern.ConcernState;
import cn.mashang.auth.Scopes;
import cn.mashang.auth.StaffScope;
import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import io.micronaut.security.authentication.Authentication;
import cn.mashang.cluster.RetryOnConflict;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Carries out a staff action in one transaction: scope (404), the client's version (400 missing, 409 stale), the
 * {@link ConcernStateMachine} (403/409), the body's fields (400, {@link ActionBody#check}), then the action's handler
 * ({@link ActionHandlers}) writes the guarded update and the immutable timeline rows.
 */
@Singleton
public class ConcernActions {
    /** Actions that count as the first response to the resident. */
    private static final Set<ConcernAction> FIRST_RESPONSE = EnumSet.of(ConcernAction.ACCEPT, ConcernAction.ASSIGN,
            ConcernAction.REPLY, ConcernAction.REJECT, ConcernAction.MERGE);
    private final ConcernLifecycle lifecycle;
    private final ActionHandlers handlers;
    private final ConcernRepository concerns;
    private final Scopes scopes;

    ConcernActions(ConcernLifecycle lifecycle, ActionHandlers handlers, ConcernRepository concerns, Scopes scopes) {
        this.lifecycle = lifecycle;
        this.handlers = handlers;
        this.concerns = concerns;
        this.scopes = scopes;
    }

    /** Performs a staff action; answers the concern as it is afterwards. */
    @RetryOnConflict
    @Transactional
    public Concern perform(long id, ConcernAction action, ActionBody body, Authentication auth) {
        Concern c = lifecycle.visible(id, auth);
        body.checkVersion();
        StaffScope me = scopes.of(auth);
        if (body.version() != null && body.version() != (c.version() == null ? 0 : c.version())) {
            throw ConcernLifecycle.stale(c);
        }
        ConcernState to = ConcernStateMachine.target(lifecycle.facts(c, me), action, ConcernLifecycle.actor(me));
        body.check();
        Instant now = Times.now();
        ConcernChange ch = new ConcernChange(c, to);
        if (ch.firstResponseAt == null && FIRST_RESPONSE.contains(action)) {
            ch.firstResponseAt = now;
        }
        handlers.handle(new ActionHandlers.Act(c, ch, me.accountId(), me.role(), me.deputyId(), now), body);
        return concerns.findById(c.id()).orElseThrow(() -> ApiException.notFound(ConcernLifecycle.WHAT));
    }
}
