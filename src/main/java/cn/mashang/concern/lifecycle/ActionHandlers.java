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
import cn.mashang.concern.lifecycle.ActionBody.DeptAnswer;
import cn.mashang.concern.lifecycle.ActionBody.Escalate;
import cn.mashang.concern.lifecycle.ActionBody.Return;
import cn.mashang.concern.lifecycle.ActionBody.Sign;
import cn.mashang.concern.lifecycle.ActionBody.Urge;
import cn.mashang.referral.Referrals;
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
    private final Referrals referrals;

    ActionHandlers(ConcernLifecycle lifecycle, ConcernRepository concerns, LifecycleRepository store,
                   ConcernTimeline timeline, MembershipRepository memberships, DeputyRepository deputies,
                   DepartmentRepository departments, Deadlines deadlines, EventPayloads payloads, Referrals referrals) {
        this.referrals = referrals;
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
            case Sign b -> sign(a, b);
            case DeptAnswer b -> deptAnswer(a, b);
            case Return b -> giveBack(a, b);
            case Urge b -> urge(a, b);
            case Escalate b -> supervise(a, ConcernEventType.ESCALATED, "督办：" + clean(b.text(), true));
        }
        if (a.c().state().atDepartment() && !a.ch().state.atDepartment()
                && !(body instanceof DeptAnswer || body instanceof DepartmentAnswer || body instanceof Return)) {
            referrals.withdrawn(a.c().id(), a.now()); // resolved or merged by the station while at the department
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
        Instant signDue = deadlines.sign(a.now());
        boolean share = Boolean.TRUE.equals(b.shareContact());
        a.ch().departmentId = d.id();
        a.ch().deadline = deadline;
        a.ch().signDue = signDue.isAfter(deadline) ? deadline : signDue;
        a.ch().signedAt = null;
        String note = clean(b.text(), false);
        // the referral row first: the REFERRED event's listeners (notifications) read it
        referrals.opened(new Referrals.Opening(a.c().id(), d.id(), a.c().stationId(), a.c().regionId(), a.accountId(),
                a.now(), a.ch().signDue, deadline, share));
        change(a, ConcernEventType.REFERRED, "已交办" + d.name() + "，办理期限 " + day(deadline) + (note == null ? "" : "\n" + note),
                payloads.write("departmentId", d.id(), "department", d.name(), "deadline", deadline.toString(),
                        "signDue", a.ch().signDue.toString(), "shareContact", share), true);
    }

    private void sign(Act a, Sign b) {
        a.ch().signedAt = a.now();
        String note = clean(b.text(), false);
        change(a, ConcernEventType.SIGNED, departmentName(a.c()) + "已签收，办理期限 " + day(a.c().departmentDeadline())
                + (note == null ? "" : "\n" + note), payloads.write("departmentId", a.c().departmentId()), true);
        referrals.signed(a.c().id(), a.now());
    }

    private void deptAnswer(Act a, DeptAnswer b) {
        String text = clean(b.text(), true);
        change(a, ConcernEventType.DEPARTMENT_ANSWERED, departmentName(a.c()) + "答复：" + text,
                payloads.write("departmentId", a.c().departmentId(), "by", "DEPARTMENT",
                        "proposedOutcome", b.proposedOutcome().name()), true);
        referrals.answered(a.c().id(), a.now(), b.proposedOutcome().name());
    }

    /** 退回: back to the station's queue; the department, its deadline and sign-for are cleared. */
    private void giveBack(Act a, Return b) {
        String reason = ActionInput.clean(b.reason(), true, "reason");
        String basis = ActionInput.clean(b.legalBasis(), true, "legalBasis");
        String dept = departmentName(a.c());
        a.ch().departmentId = null;
        a.ch().deadline = null;
        a.ch().signDue = null;
        a.ch().signedAt = null;
        change(a, ConcernEventType.RETURNED, dept + "退回：" + reason + "\n依据：" + basis,
                payloads.write("departmentId", a.c().departmentId(), "reason", reason, "legalBasis", basis), false);
        referrals.returned(a.c().id(), a.now(), reason, basis);
    }

    /** 催办: a note to the department; a new deadline (optional) moves the department deadline. */
    private void urge(Act a, Urge b) {
        String text = clean(b.text(), true);
        if (b.deadline() == null) {
            supervise(a, ConcernEventType.URGED, "催办：" + text);
            return;
        }
        Instant until = endOf(b.deadline(), "deadline", a.now());
        a.ch().deadline = until;
        change(a, ConcernEventType.URGED, "催办：" + text + "\n新的办理期限 " + day(until),
                payloads.write("deadline", until.toString()), false);
        referrals.deadlineMoved(a.c().id(), until);
    }

    /** A supervision note: the timeline row only (the version stays, like a note). */
    private void supervise(Act a, ConcernEventType type, String text) {
        store.noted(a.c().id(), a.now());
        record(a, type, text, null, false);
    }

    private String departmentName(Concern c) {
        Long id = c.departmentId();
        return id == null ? "部门" : departments.findById(id).map(Department::name).orElse("部门");
    }

    private void departmentAnswer(Act a, DepartmentAnswer b) {
        String text = clean(b.text(), true);
        Long id = a.c().departmentId();
        change(a, ConcernEventType.DEPARTMENT_ANSWERED, departmentName(a.c()) + "答复：" + text,
                payloads.write("departmentId", id), true);
        referrals.answered(a.c().id(), a.now(), null);
    }

    private void requestExtension(Act a, RequestExtension b) {
        Instant until = endOf(b.until(), "until", a.now());
        Instant current = a.c().departmentDeadline();
        if (current != null && a.now().isAfter(current)) {
            throw ConcernStateMachine.refused(a.c().state(), "办理期限 " + day(current)
                    + " 已过，不能再申请延期：延期须在期限届满前申请，请尽快答复或说明情况");
        }
        if (current != null && !until.isAfter(current)) {
            throw ApiException.badField("until", "应晚于当前期限 " + day(current));
        }
        String reason = clean(b.text(), true);
        store.noted(a.c().id(), a.now());
        record(a, ConcernEventType.EXTENSION_REQUESTED, reason, payloads.write("until", until.toString()), false);
        referrals.extensionAsked(a.c().id());
    }

    private void approveExtension(Act a, ApproveExtension b) {
        ConcernLifecycle.PendingExtension p = lifecycle.pendingExtension(a.c());
        a.ch().deadline = p.until();
        change(a, ConcernEventType.EXTENDED, "办理期限延长至 " + day(p.until()),
                payloads.write("until", p.until().toString(), "note", clean(b.text(), false)), true);
        referrals.deadlineMoved(a.c().id(), p.until());
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
