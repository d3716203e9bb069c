package cn.mashang.concern.intake;

import cn.mashang.concern.ActorType;
import cn.mashang.concern.Concern;
import cn.mashang.concern.ConcernEvent;
import cn.mashang.concern.ConcernEventType;
import cn.mashang.concern.ConcernRepository;
import cn.mashang.concern.ConcernTimeline;
import cn.mashang.concern.photo.ConcernPhotoRepository;
import cn.mashang.common.ApiException;
import io.micronaut.core.annotation.Nullable;
import cn.mashang.cluster.RetryOnConflict;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * The transactions of intake, resident and staff alike. The idempotency row is inserted first, so a concurrent
 * duplicate waits on the unique key and then loses on it (the caller reads the winner's answer); the answer is
 * stored encrypted in the same transaction as the concern.
 */
@Singleton
class ConcernWriter {
    private final ConcernRepository concerns;
    private final ConcernTimeline timeline;
    private final ConcernPhotoRepository photos;
    private final IdempotencyRepository idempotency;

    ConcernWriter(ConcernRepository concerns, ConcernTimeline timeline, ConcernPhotoRepository photos,
                  IdempotencyRepository idempotency) {
        this.concerns = concerns;
        this.timeline = timeline;
        this.photos = photos;
        this.idempotency = idempotency;
    }

    /**
     * Creates the concern with its SUBMITTED event ({@code firstEvent}), attaches the uploaded photos, runs
     * {@code alsoInTransaction} with the new id (e.g. linking a reception session), and stores the sealed answer.
     */
    @RetryOnConflict
    @Transactional
    public <A> A create(IdempotencyRecord record, Concern concern, Function<Concern, ConcernEvent> firstEvent,
                        List<String> photoTokens, @Nullable LongConsumer alsoInTransaction,
                        Function<Concern, A> answer, Function<A, String> seal) {
        IdempotencyRecord saved = idempotency.save(record);
        Concern c = concerns.save(concern);
        timeline.record(c, firstEvent.apply(c));
        for (String token : photoTokens) {
            if (photos.attach(token, c.id()) != 1) {
                throw ApiException.badField("photoIds", "图片不存在或已被使用，请重新上传");
            }
        }
        if (alsoInTransaction != null) {
            alsoInTransaction.accept(c.id());
        }
        A a = answer.apply(c);
        idempotency.complete(saved.id(), seal.apply(a), c.id());
        return a;
    }

    /** "我也反映": counts the repeat on the first concern instead of creating a new one. */
    @RetryOnConflict
    @Transactional
    public SubmitAnswer fold(IdempotencyRecord record, Concern first, SubmitAnswer answer,
                             Function<SubmitAnswer, String> seal, Instant now) {
        IdempotencyRecord saved = idempotency.save(record);
        concerns.addMeToo(first.id(), now);
        timeline.record(first, new ConcernEvent(null, first.id(), ConcernEventType.ME_TOO, ActorType.RESIDENT, null, null,
                first.state(), first.state(), "又收到一次相同的反映", null, true, now));
        idempotency.complete(saved.id(), seal.apply(answer), first.id());
        return answer;
    }
}
