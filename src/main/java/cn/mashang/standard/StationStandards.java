package cn.mashang.standard;

import cn.mashang.auth.Role;
import cn.mashang.auth.Scopes;
import cn.mashang.auth.StaffScope;
import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.concern.photo.ConcernPhoto;
import cn.mashang.concern.photo.ConcernPhotoRepository;
import cn.mashang.concern.photo.PhotoStore;
import cn.mashang.region.Region;
import cn.mashang.region.RegionRepository;
import cn.mashang.standard.StandardRoad.State;
import cn.mashang.standard.StandardRoad.Step;
import cn.mashang.station.Station;
import cn.mashang.station.StationRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A station's standards of a year: the view (items in force with their evidence and reviews), the head's
 * submissions and the committee's reviews, each in one transaction: scope (404: the station's own head, an admin
 * above it), the item in force (404), the body (400), the version the caller saw (409), {@link StandardRoad}
 * (403/409), one guarded write and an event row. Photos come from the concerns' upload (POST /api/v1/uploads): the
 * upload row is taken over (so the stray-photo cleanup leaves the file) and its PhotoStore name kept here.
 */
@Singleton
class StationStandards {
    static final String ITEM = "检查项";
    private final Scopes scopes;
    private final StationRepository stations;
    private final RegionRepository regions;
    private final Checklists checklists;
    private final StandardStore store;
    private final ConcernPhotoRepository photos;
    private final PhotoStore photoStore;

    StationStandards(Scopes scopes, StationRepository stations, RegionRepository regions, Checklists checklists,
                     StandardStore store, ConcernPhotoRepository photos, PhotoStore photoStore) {
        this.scopes = scopes;
        this.stations = stations;
        this.regions = regions;
        this.checklists = checklists;
        this.store = store;
        this.photos = photos;
        this.photoStore = photoStore;
    }

    private record Held(Station station, Checklists.InForce inForce, StaffScope me) {
        boolean committee() {
            return me.role() == Role.ADMIN;
        }

        Checklists.Item item(long itemId) {
            return inForce.items().stream().filter(i -> i.id() == itemId).findFirst()
                    .orElseThrow(() -> ApiException.notFound(ITEM));
        }
    }

    private Held held(long stationId, Authentication auth) {
        scopes.requireManageStation(auth, stationId, "联络站");
        Station s = stations.findById(stationId).orElseThrow(() -> ApiException.notFound("联络站"));
        Region r = regions.findById(s.regionId()).orElseThrow(() -> ApiException.notFound("联络站"));
        return new Held(s, checklists.inForce(r), scopes.of(auth));
    }

    @Transactional(readOnly = true)
    StandardViews.Station view(long stationId, @Nullable Integer year, Authentication auth) {
        int y = StandardBodies.year(year);
        Held h = held(stationId, auth);
        Map<Long, StandardStore.Entry> entries = store.entries(stationId, y);
        Map<Long, List<StandardStore.Event>> events = store.events(stationId, y);
        List<StandardViews.Item> items = new ArrayList<>();
        int passed = 0;
        int pending = 0;
        int returned = 0;
        for (Checklists.Item i : h.inForce().items()) {
            StandardStore.Entry e = entries.remove(i.id());
            State state = e == null ? State.EMPTY : e.state();
            passed += state == State.PASSED ? 1 : 0;
            pending += state == State.PENDING ? 1 : 0;
            returned += state == State.RETURNED ? 1 : 0;
            items.add(item(i.id(), i.name(), i.hint(), true, e, events, h.committee()));
        }
        for (StandardStore.Entry e : entries.values()) {
            items.add(item(e.itemId(), e.itemName(), e.itemHint(), false, e, events, h.committee()));
        }
        Long from = h.inForce().regionId();
        return new StandardViews.Station(stationId, h.station().name(), y, from, checklists.listName(from),
                StandardViews.Counts.of(h.inForce().items().size(), passed, pending, returned), items);
    }

    private static StandardViews.Item item(long itemId, String name, @Nullable String hint, boolean current,
                                           @Nullable StandardStore.Entry e, Map<Long, List<StandardStore.Event>> events,
                                           boolean committee) {
        State state = e == null ? State.EMPTY : e.state();
        List<StandardViews.Event> history = e == null ? List.of() : events.getOrDefault(e.id(), List.of()).stream()
                .map(v -> new StandardViews.Event(v.from().name(), v.to().name(),
                        v.to() == State.PENDING ? "填报" : v.to().label(), v.actor(), v.note(), Times.show(v.at())))
                .toList();
        return new StandardViews.Item(itemId, name, hint, current, state.name(), state.label(),
                e == null ? null : e.evidence(), e != null && e.photoName() != null, e == null ? 0 : e.version(),
                e == null ? null : Times.show(e.submittedAt()), e == null || e.reviewedAt() == null ? null
                : Times.show(e.reviewedAt()), e == null ? null : e.reviewNote(),
                current ? StandardRoad.allowed(state, committee) : List.of(), history);
    }

    /** The head fills (or refills) an item with text and/or a photo. */
    @Transactional
    StandardViews.Station submit(long stationId, long itemId, StandardBodies.Evidence body, Authentication auth) {
        Held h = held(stationId, auth);
        h.item(itemId);
        body.check();
        int year = StandardBodies.year(body.year());
        Move m = move(stationId, itemId, year, Step.SUBMIT, h.committee(), body.version());
        var entry = m.entry();
        State from = m.from();
        State to = m.to();
        long version = m.version();
        String text = body.evidence() == null || body.evidence().isBlank() ? null : body.evidence().strip();
        String oldPhoto = entry.map(StandardStore.Entry::photoName).orElse(null);
        String photo = Boolean.TRUE.equals(body.removePhoto()) ? null : oldPhoto;
        if (body.photoId() != null) {
            photo = takeOver(body.photoId()).storageName();
        }
        if (text == null && photo == null) {
            throw ApiException.badField("evidence", "请填写说明或上传照片");
        }
        Instant now = Times.now();
        long account = h.me().accountId();
        boolean written = entry.isEmpty()
                ? store.insert(stationId, itemId, year, text, photo, account, now)
                : store.resubmit(entry.get().id(), version, text, photo, account, now);
        if (!written) {
            var current = store.entry(stationId, itemId, year);
            throw stale(current.map(StandardStore.Entry::state).orElse(State.EMPTY),
                    current.map(StandardStore.Entry::version).orElse(0L));
        }
        long id = store.entry(stationId, itemId, year).orElseThrow().id();
        store.event(id, from, to, account, null, now);
        if (oldPhoto != null && !oldPhoto.equals(photo)) {
            photoStore.delete(oldPhoto);
        }
        return view(stationId, year, auth);
    }

    /** The committee passes or returns an item (with a note). */
    @Transactional
    StandardViews.Station review(long stationId, long itemId, StandardBodies.Review body, Authentication auth) {
        Held h = held(stationId, auth);
        h.item(itemId);
        body.check();
        int year = StandardBodies.year(body.year());
        Step step = body.decision() == StandardBodies.Decision.PASS ? Step.PASS : Step.RETURN;
        Move m = move(stationId, itemId, year, step, h.committee(), body.version());
        var entry = m.entry();
        State from = m.from();
        State to = m.to();
        long version = m.version();
        String note = body.note() == null || body.note().isBlank() ? null : body.note().strip();
        Instant now = Times.now();
        if (!store.review(entry.orElseThrow().id(), version, to, note, h.me().accountId(), now)) {
            var current = store.entry(stationId, itemId, year).orElseThrow();
            throw stale(current.state(), current.version());
        }
        store.event(entry.get().id(), from, to, h.me().accountId(), note, now);
        return view(stationId, year, auth);
    }

    private record Move(Optional<StandardStore.Entry> entry, State from, State to, long version) {
    }

    /** The entry now, the state the step leads to ({@link StandardRoad}: 403/409), then the version seen (409). */
    private Move move(long stationId, long itemId, int year, Step step, boolean committee, long seen) {
        var entry = store.entry(stationId, itemId, year);
        State from = entry.map(StandardStore.Entry::state).orElse(State.EMPTY);
        long version = entry.map(StandardStore.Entry::version).orElse(0L);
        State to = StandardRoad.next(from, step, committee);
        if (seen != version) {
            throw stale(from, version);
        }
        return new Move(entry, from, to, version);
    }

    /** The photo of an item's evidence (JPEG bytes). */
    @Transactional(readOnly = true)
    byte[] photo(long stationId, long itemId, @Nullable Integer year, Authentication auth) {
        int y = StandardBodies.year(year);
        held(stationId, auth);
        String name = store.entry(stationId, itemId, y).map(StandardStore.Entry::photoName)
                .orElseThrow(() -> ApiException.notFound("图片"));
        return photoStore.get(name);
    }

    /** An unused upload becomes this evidence's photo: its row leaves concern_photo, the stored file stays. */
    private ConcernPhoto takeOver(String uploadId) {
        ConcernPhoto p = photos.findByUploadTokenIn(List.of(uploadId)).stream().findFirst()
                .filter(x -> x.concernId() == null)
                .orElseThrow(() -> ApiException.badField("photoId", "图片不存在或已被使用，请重新上传"));
        if (photos.takeOver(p.id()) != 1) {
            throw ApiException.badField("photoId", "图片不存在或已被使用，请重新上传");
        }
        return p;
    }

    private static ApiException stale(State state, long version) {
        return new ApiException(HttpStatus.CONFLICT, "此项已被他人更新", "此项刚被其他人填报或审核过，请刷新后再操作",
                Map.of("currentState", state.name(), "currentVersion", version));
    }
}
