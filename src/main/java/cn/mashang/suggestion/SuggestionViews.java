package cn.mashang.suggestion;

import cn.mashang.auth.Role;
import cn.mashang.auth.Scopes;
import cn.mashang.auth.StaffScope;
import cn.mashang.common.ApiException;
import cn.mashang.common.KeysetCursor;
import cn.mashang.common.Times;
import cn.mashang.concern.ConcernRepository;
import cn.mashang.region.RegionRepository;
import cn.mashang.suggestion.Suggestion.State;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Builds {@link SuggestionView} and the lists: the caller's own (deputy), the region's (committee), the unit's. */
@Singleton
class SuggestionViews {
    static final Map<String, String> EVENT_LABELS = Map.of("SUBMITTED", "提出建议", "REGISTERED", "登记",
            "ASSIGNED", "交办承办单位", "REPLIED", "承办单位答复", "RATED", "代表评价", "REOPENED", "二次办理");
    private final Suggestions suggestions;
    private final SuggestionRepository repo;
    private final SuggestionStore store;
    private final ConcernRepository concerns;
    private final RegionRepository regions;
    private final Scopes scopes;

    SuggestionViews(Suggestions suggestions, SuggestionRepository repo, SuggestionStore store,
                    ConcernRepository concerns, RegionRepository regions, Scopes scopes) {
        this.suggestions = suggestions;
        this.repo = repo;
        this.store = store;
        this.concerns = concerns;
        this.regions = regions;
        this.scopes = scopes;
    }

    @Transactional(readOnly = true)
    SuggestionView of(long id, Authentication auth) {
        Suggestions.Held h = suggestions.visible(id, auth);
        Suggestion s = h.s();
        var people = store.deputies(id);
        var units = store.units(id);
        Map<Long, String> unitNames = units.stream().collect(Collectors.toMap(SuggestionStore.Linked::id,
                SuggestionStore.Linked::name));
        var refs = store.concerns(id).stream().map(concerns::findById).flatMap(Optional::stream)
                .map(c -> new SuggestionView.ConcernRef(c.id(), c.trackingNo(), c.category(), c.stateLabel())).toList();
        var timeline = store.events(id).stream().map(e -> new SuggestionView.Event(e.id(), e.type(),
                EVENT_LABELS.getOrDefault(e.type(), e.type()), e.round(), e.actorRole(),
                e.departmentId() == null ? null : unitNames.get(e.departmentId()),
                e.rating() == null ? null : e.rating().name(), e.rating() == null ? null : e.rating().label(), e.body(),
                Times.show(e.at()))).toList();
        var lead = units.stream().filter(SuggestionStore.Linked::first).findFirst().map(SuggestionViews::person).orElse(null);
        return new SuggestionView(s.id(), s.number(), s.title(), s.body(), s.sessionName(), s.category(),
                s.state().name(), s.state().label(), s.round(),
                people.stream().filter(SuggestionStore.Linked::first).findFirst().map(SuggestionViews::person).orElseThrow(),
                people.stream().filter(p -> !p.first()).map(SuggestionViews::person).toList(), refs, lead,
                units.stream().filter(u -> !u.first()).map(SuggestionViews::person).toList(), Times.show(s.replyDue()),
                overdue(s, Times.now()), s.rating() == null ? null : s.rating().name(),
                s.rating() == null ? null : s.rating().label(), timeline, SuggestionStateMachine.allowed(h.facts()),
                s.version(), Times.show(s.createdAt()));
    }

    static final int MAX_SIZE = 50;

    /**
     * A page of the caller's list, newest first: a deputy's own and joint ones, the committee's region (and below), a
     * unit's assigned ones; optionally of one state; keyset-paged by {@link KeysetCursor}.
     */
    @Transactional(readOnly = true)
    SuggestionView.Page list(Authentication auth, @Nullable String state, @Nullable String cursor, @Nullable Integer size) {
        StaffScope me = scopes.of(auth);
        String onlyState = state == null || state.isBlank() ? null : Arrays.stream(State.values())
                .filter(x -> x.name().equals(state)).findFirst().map(Enum::name)
                .orElseThrow(() -> ApiException.badField("state", "应为 " + Arrays.toString(State.values())));
        int n = size == null ? 20 : size;
        if (n < 1 || n > MAX_SIZE) {
            throw ApiException.badField("size", "应在 1 到 " + MAX_SIZE + " 之间");
        }
        KeysetCursor after = KeysetCursor.of(cursor);
        List<Suggestion> rows;
        if (me.role() == Role.ADMIN) {
            String path = me.regionId() == null ? null : regions.findById(me.regionId()).map(r -> r.path()).orElse(null);
            rows = path == null ? List.of() : store.page("JOIN region r ON r.id = s.region_id WHERE r.path LIKE ?",
                    path + "%", onlyState, after, n + 1);
        } else if (me.role() == Role.DEPARTMENT) {
            rows = me.departmentId() == null ? List.of() : store.page(
                    "JOIN suggestion_unit u ON u.suggestion_id = s.id WHERE u.department_id = ?", me.departmentId(),
                    onlyState, after, n + 1);
        } else {
            rows = me.deputyId() == null ? List.of() : store.page(
                    "JOIN suggestion_deputy d ON d.suggestion_id = s.id WHERE d.deputy_id = ?", me.deputyId(),
                    onlyState, after, n + 1);
        }
        boolean more = rows.size() > n;
        List<Suggestion> shown = more ? rows.subList(0, n) : rows;
        Instant now = Times.now();
        var items = shown.stream().map(s -> new SuggestionView.Item(s.id(),
                s.number(), s.title(), s.sessionName(), s.state().name(), s.state().label(), s.round(),
                store.deputies(s.id()).get(0).name(),
                store.units(s.id()).stream().filter(SuggestionStore.Linked::first).map(SuggestionStore.Linked::name)
                        .findFirst().orElse(null), Times.show(s.replyDue()), overdue(s, now), Times.show(s.createdAt())))
                .toList();
        Suggestion last = more ? shown.get(shown.size() - 1) : null;
        return new SuggestionView.Page(items, last == null ? null : new KeysetCursor(last.createdAt(), last.id()).encode());
    }

    /** The unit's reply is late: assigned (either round) and the working-day reply deadline passed. */
    static boolean overdue(Suggestion s, Instant now) {
        return s.state() == State.ASSIGNED && s.replyDue() != null && s.replyDue().isBefore(now);
    }

    private static SuggestionView.Person person(SuggestionStore.Linked l) {
        return new SuggestionView.Person(l.id(), l.name());
    }
}
