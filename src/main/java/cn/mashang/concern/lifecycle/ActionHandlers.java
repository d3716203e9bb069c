package cn.mashang.concern.lifecycle;

import cn.mashang.concern.ActorType;
import cn.mashang.concern.Concern;
import cn.mashang.concern.ConcernEvent;
import cn.mashang.concern.ConcernEventType;
import cn.mashang.concern.ConcernRepository;
import cn.mashang.concern.ConcernTimeline;
import cn.mashang.concern.Deadlines;
import cn.mashang.concern.Outcome;
import static cn.mashang.concern.lifecycle.ActionInput.clean;
import static cn.mashang.concern.lifecycle.ActionInput.day;
import static cn.mashang.concern.lifecycle.ActionInput.endOf;

import cn.mashang.auth.Role;
import cn.mashang.common.ApiException;
import cn.mashang.concern.lifecycle.ActionBody.Accept;
import cn.mashang.concern.lifecycle.ActionBody.ApproveExtension;
import cn.mashang.concern.lifecycle.ActionBody.Assign;
import cn.mashang.concern.lifecycle.ActionBody.DepartmentAnswer;
import cn.mashang.concern.lifecycle.ActionBody.Merge;
import cn.mashang.concern.lifecycle.ActionBody.Note;
import cn.mashang.concern.lifecycle.ActionBody.Refer;
import cn.mashang.concern.lifecycle.ActionBody.Reject;
import cn.mashang.concern.lifecycle.ActionBody.RejectExtension;
import cn.mashang.concern.lifecycle.ActionBody.Reply;
import cn.mashang.concern.lifecycle.ActionBody.RequestExtension;
import cn.mashang.concern.lifecycle.ActionBody.Resolve;
import cn.mashang.department.Department;
import cn.mashang.department.DepartmentRepository;
import cn.mashang.deputy.DeputyRepository;
import cn.mashang.deputy.MembershipRepository;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * One small handler per staff action, each given the concern, the change the state machine decided
 * ({@link ConcernChange}, already carrying the target state) and the typed body. A handler sets the columns its
 * action changes, writes them with {@link ConcernLifecycle#apply} and records the timeline row.
 */
@Singleton
class ActionHandlers {
    /** One action being carried out: the concern as read, its change, who acts and when. */
    record Act(Concern c, ConcernChange ch, long accountId, Role role, @Nullable Long deputyId, Instant now) {
    }

    private final ConcernLifecycle lifecycle;
    private final ConcernRepository concerns;
    private final LifecycleRepository store;
    private final ConcernTimeline timeline;
    private final MembershipRepository memberships;
    private final DeputyRepository deputies;
    private final DepartmentRepository departments;
    private final Deadlines deadlines;
    private final EventPayloads payloads;

    ActionHandlers(ConcernLifecycle lifecycle, ConcernRepository concerns, LifecycleRepository store,
                   ConcernTimeline timeline, MembershipRepository memberships, DeputyRepository deputies,
                   DepartmentRepository departments, Deadlines deadlines, EventPayloads payloads) {
        this.lifecycle = lifecycle;
        this.concerns = concerns;
        this.store = store;
        this.timeline = timeline;
        this.memberships = memberships;
        this.deputies = deputies;
        this.departments = departments;
        this.deadlines = deadlines;
        this.payloads = payloads;
    }

    void handle(Act a, ActionBody body) {
        switch (body) {
            case Accept b -> accept(a);
            case Assign b -> assign(a, b);
            case Reply b -> change(a, ConcernEventType.REPLIED, clean(b.text(), true), null, true);
            case Note b -> note(a, b);
            case Refer b -> refer(a, b);
            case DepartmentAnswer b -> departmentAnswer(a, b);
            case RequestExtension b -> requestExtension(a, b);
            case ApproveExtension b -> approveExtension(a, b);
            case RejectExtension b -> change(a, ConcernEventType.EXTENSION_REJECTED, clean(b.text(), false), null, false);
            case Resolve b -> resolve(a, b);
            case Reject b -> change(a, ConcernEventType.REJECTED, clean(b.text(), true), null, true);
            case Merge b -> merge(a, b);
        }
    }

    private void accept(Act a) {
        Concern c = a.c();
        a.ch().assignee = a.role() == Role.DEPUTY ? a.deputyId()
                : c.assigneeDeputyId() != null ? c.assigneeDeputyId() : c.deputyId();
        change(a, ConcernEventType.ACCEPTED, null, null, true);
    }

    private void assign(Act a, Assign b) {
        if (memberships.findByStationIdAndDeputyId(a.c().stationId(), b.deputyId()).filter(m -> m.active()).isEmpty()) {
            throw ApiException.badField("deputyId", "请选择本站的一位代表");
        }
        a.ch().assignee = b.deputyId();
        String name = deputies.findById(b.deputyId()).map(d -> d.name()).orElse("");
        change(a, ConcernEventType.ASSIGNED, "已分派给 " + name + " 代表办理", payloads.write("deputyId", b.deputyId()), true);
    }

    private void note(Act a, Note b) {
        String text = clean(b.text(), true);
        store.noted(a.c().id(), a.now());
        record(a, ConcernEventType.NOTE, text, null, false);
    }

    private void refer(Act a, Refer b) {
        Department d = lifecycle.referable(a.c(), b.departmentId());
        Instant deadline = b.deadline() != null ? endOf(b.deadline(), "deadline", a.now()) : deadlines.department(a.c(), a.now());
        a.ch().departmentId = d.id();
        a.ch().deadline = deadline;
        String note = clean(b.text(), false);
        change(a, ConcernEventType.REFERRED, "已交办" + d.name() + "，办理期限 " + day(deadline) + (note == null ? "" : "\n" + note),
                payloads.write("departmentId", d.id(), "department", d.name(), "deadline", deadline.toString()), true);
    }

    private void departmentAnswer(Act a, DepartmentAnswer b) {
        String text = clean(b.text(), true);
        Long id = a.c().departmentId();
        String dept = id == null ? "部门" : departments.findById(id).map(Department::name).orElse("部门");
        change(a, ConcernEventType.DEPARTMENT_ANSWERED, dept + "答复：" + text, payloads.write("departmentId", id), true);
    }

    private void requestExtension(Act a, RequestExtension b) {
        Instant until = endOf(b.until(), "until", a.now());
        Instant current = a.c().departmentDeadline();
        if (current != null && !until.isAfter(current)) {
            throw ApiException.badField("until", "应晚于当前期限 " + day(current));
        }
        String reason = clean(b.text(), true);
        store.noted(a.c().id(), a.now());
        record(a, ConcernEventType.EXTENSION_REQUESTED, reason, payloads.write("until", until.toString()), false);
    }

    private void approveExtension(Act a, ApproveExtension b) {
        ConcernLifecycle.PendingExtension p = lifecycle.pendingExtension(a.c());
        a.ch().deadline = p.until();
        change(a, ConcernEventType.EXTENDED, "办理期限延长至 " + day(p.until()),
                payloads.write("until", p.until().toString(), "note", clean(b.text(), false)), true);
    }

    private void resolve(Act a, Resolve b) {
        String text = clean(b.text(), true);
        a.ch().outcome = b.outcome();
        a.ch().resolvedAt = a.now();
        change(a, ConcernEventType.RESOLVED, b.outcome().label() + "：" + text, payloads.write("outcome", b.outcome().name()), true);
    }

    private void merge(Act a, Merge b) {
        Concern c = a.c();
        if (b.intoId().equals(c.id())) {
            throw ApiException.badField("intoId", "请选择要合并到的另一条反映");
        }
        Concern into = concerns.findById(b.intoId())
                .filter(t -> t.stationId().equals(c.stationId()) && t.mergedIntoId() == null && t.state().isOpen())
                .orElseThrow(() -> ApiException.badField("intoId", "只能合并到本站一条正在办理的反映"));
        a.ch().outcome = Outcome.DUPLICATE_MERGED;
        a.ch().mergedInto = into.id();
        a.ch().resolvedAt = a.now();
        String note = clean(b.text(), false);
        change(a, ConcernEventType.MERGED, "与反映 " + into.trackingNo() + " 合并办理，办理进度见下方" + (note == null ? "" : "\n" + note),
                payloads.write("intoId", into.id(), "into", into.trackingNo()), true);
        concerns.addMeToo(into.id(), a.now());
        timeline.record(into, new ConcernEvent(null, into.id(), ConcernEventType.MERGED, ActorType.STAFF, a.accountId(),
                a.role().name(), into.state(), into.state(), "另有群众反映了相同问题，已合并办理",
                payloads.write("fromId", c.id(), "from", c.trackingNo()), true, a.now()));
    }

    /** Writes the change (guarded) and records its timeline row. */
    private void change(Act a, ConcernEventType type, @Nullable String body, @Nullable String payload, boolean isPublic) {
        lifecycle.apply(a.c(), a.ch(), a.now());
        record(a, type, body, payload, isPublic);
    }

    private void record(Act a, ConcernEventType type, @Nullable String body, @Nullable String payload, boolean isPublic) {
        timeline.record(a.c(), new ConcernEvent(null, a.c().id(), type, ActorType.STAFF, a.accountId(), a.role().name(),
                a.c().state(), a.ch().state, body, payload, isPublic, a.now()), a.ch().assignee);
    }
}
