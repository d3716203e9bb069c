package cn.mashang.concern.tracking;

import cn.mashang.concern.Concern;
import cn.mashang.concern.ConcernEvent;
import cn.mashang.concern.ConcernEventRepository;
import cn.mashang.concern.ConcernEventType;
import cn.mashang.concern.ConcernRepository;
import cn.mashang.concern.ConcernState;
import cn.mashang.concern.ConcernTimeline;
import cn.mashang.concern.Rating;
import cn.mashang.concern.lifecycle.ConcernClosing;
import cn.mashang.concern.lifecycle.ConcernLifecycle;
import cn.mashang.concern.lifecycle.ConcernStateMachine;
import cn.mashang.concern.photo.ConcernPhoto;
import cn.mashang.concern.photo.ConcernPhotoRepository;
import cn.mashang.resident.DeviceLinks;
import cn.mashang.resident.ResidentTokens;
import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.deputy.DeputyRepository;
import cn.mashang.station.Station;
import cn.mashang.station.StationRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import cn.mashang.cluster.RetryOnConflict;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The resident's side after submission: opens a concern with its secret key (or from the device that submitted
 * it), shows it, takes additional information and the rating. Anything else answers 404.
 */
@Singleton
public class Tracking {
    private static final String WHAT = "反映";
    private final ConcernRepository concerns;
    private final ConcernEventRepository events;
    private final ConcernTimeline timeline;
    private final ConcernPhotoRepository photos;
    private final StationRepository stations;
    private final DeputyRepository deputies;
    private final ConcernClosing closing;
    private final TrackLinks links;
    private final List<DeviceLinks> deviceLinks;
    private final ResidentTokens tokens;

    Tracking(ConcernRepository concerns, ConcernEventRepository events, ConcernTimeline timeline,
             ConcernPhotoRepository photos,
             StationRepository stations, DeputyRepository deputies, ConcernClosing closing, TrackLinks links, List<DeviceLinks> deviceLinks,
             ResidentTokens tokens) {
        this.tokens = tokens;
        this.deviceLinks = deviceLinks;
        this.concerns = concerns;
        this.events = events;
        this.timeline = timeline;
        this.photos = photos;
        this.stations = stations;
        this.deputies = deputies;
        this.closing = closing;
        this.links = links;
    }

    /**
     * The concern when the key matches its hash (or is a message/recovery link key, {@link ResidentTokens#linkKey})
     * or the device submitted it; else 404.
     */
    public Concern open(String trackingNo, @Nullable String key, Optional<ResidentTokens.Device> device) {
        if (trackingNo == null || !trackingNo.matches("[A-Z]{1,8}-\\d{8}-\\d{6,9}")) {
            throw ApiException.notFound(WHAT);
        }
        Concern c = concerns.findByTrackingNo(trackingNo).orElseThrow(() -> ApiException.notFound(WHAT));
        boolean byKey = key != null && key.length() <= 64 && MessageDigest.isEqual(
                ResidentTokens.sha256(key).getBytes(StandardCharsets.US_ASCII),
                c.trackingKeyHash().getBytes(StandardCharsets.US_ASCII));
        boolean byLink = !byKey && tokens.opensLink(trackingNo, key, Times.now());
        boolean byDevice = device.isPresent() && c.residentDeviceId() != null
                && (device.get().id().equals(c.residentDeviceId()) || devices(device.get()).contains(c.residentDeviceId()));
        if (!byKey && !byLink && !byDevice) {
            throw ApiException.notFound(WHAT);
        }
        return c;
    }

    @Transactional(readOnly = true)
    public TrackView view(Concern c) {
        Station s = stations.findById(c.stationId()).orElseThrow();
        String deputyName = c.deputyId() == null ? null : deputies.findById(c.deputyId()).map(d -> d.name()).orElse(null);
        List<TrackView.Entry> entries = publicTimeline(c.id());
        TrackView.Merged merged = c.mergedIntoId() == null ? null : concerns.findById(c.mergedIntoId())
                .map(m -> new TrackView.Merged(m.trackingNo(), m.state().name(), m.stateLabel(),
                        m.outcome() == null ? null : m.outcome().label(), publicTimeline(m.id())))
                .orElse(null);
        List<TrackView.Photo> pics = photos.findByConcernIdOrderById(c.id()).stream()
                .map(p -> new TrackView.Photo(p.id(), "/api/v1/track/" + c.trackingNo() + "/photos/" + p.id(),
                        p.width(), p.height()))
                .toList();
        return new TrackView(c.trackingNo(), c.state().name(), c.stateLabel(), c.category(), c.content(),
                c.address(), c.contactName(), c.mobileMasked(), s.name(), deputyName, Times.show(c.createdAt()),
                Times.show(c.updatedAt()), c.meTooCount(), c.reopenCount(),
                c.rating() == null ? null : c.rating().name(), c.rating() == null ? null : c.rating().label(),
                c.ratingComment(), c.state() == ConcernState.RESOLVED && c.mergedIntoId() == null, canAddMessage(c),
                c.outcome() == null ? null : c.outcome().name(), c.outcome() == null ? null : c.outcome().label(),
                pics, entries, merged, expectedBy(c), expectedBy(c) == null ? null : awaitingFirstAnswer(c) ? "答复" : "办结",
                links.suggestions(c.id()));
    }

    /** When the resident may expect an answer: the first-response deadline until the first reply, then resolution. */
    private static OffsetDateTime expectedBy(Concern c) {
        if (!c.state().isOpen()) {
            return null;
        }
        Instant due = awaitingFirstAnswer(c) ? c.firstResponseDue() : c.resolutionDue();
        return due == null ? null : Times.show(due);
    }

    private static boolean awaitingFirstAnswer(Concern c) {
        return c.firstResponseAt() == null && c.firstResponseDue() != null;
    }

    /** The resident-visible rows of a timeline: public events only, no staff names, accounts or phone numbers. */
    private List<TrackView.Entry> publicTimeline(long concernId) {
        return events.findByConcernIdAndIsPublicTrueOrderById(concernId).stream()
                .map(e -> new TrackView.Entry(e.type().name(), e.type().label(), e.actorType().name(),
                        e.toState() == null ? null : e.toState().name(),
                        e.toState() == null ? null : e.toState().label(), e.body(), Times.show(e.createdAt())))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<MyConcern> mine(ResidentTokens.Device device) {
        return concerns.findByResidentDeviceIdInOrderByIdDesc(devices(device), Pageable.from(0, 50)).stream()
                .map(c -> new MyConcern(c.trackingNo(), c.category(), summary(c.content()), c.state().name(),
                        c.stateLabel(), stations.findById(c.stationId()).map(Station::name).orElse(""),
                        Times.show(c.createdAt()), Times.show(c.updatedAt())))
                .toList();
    }

    /** This device and the devices linked to it (the same WeChat, {@link DeviceLinks}). */
    private Set<String> devices(ResidentTokens.Device device) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(device.id());
        deviceLinks.forEach(l -> ids.addAll(l.linked(device.id())));
        return ids;
    }

    @RetryOnConflict
    @Transactional
    public void addMessage(Concern c, String body) {
        if (!canAddMessage(c)) {
            throw ApiException.conflict("此反映已结束，不能再补充信息");
        }
        Instant now = Times.now();
        timeline.record(c, ConcernEvent.resident(c.id(), ConcernEventType.RESIDENT_MESSAGE, c.state(), c.state(), body, now));
        concerns.touch(c.id(), now);
    }

    /**
     * The resident's rating, only while RESOLVED; the transitions (close, or reopen when dissatisfied) are decided
     * by {@link ConcernStateMachine} and carried out by {@link ConcernLifecycle}.
     */
    public void rate(Concern c, Rating rating, @Nullable String comment) {
        closing.rate(c, rating, comment);
    }

    public ConcernPhoto photo(Concern c, long photoId) {
        return photos.findByIdAndConcernId(photoId, c.id()).orElseThrow(() -> ApiException.notFound("图片"));
    }

    private static boolean canAddMessage(Concern c) {
        return c.state() != ConcernState.CLOSED && c.state() != ConcernState.REJECTED && c.mergedIntoId() == null;
    }

    private static String summary(String content) {
        return content.length() <= 40 ? content : content.substring(0, 40) + "…";
    }
}
