package cn.mashang.concern;

import cn.mashang.common.ApiException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The transactions of intake. The idempotency row is inserted first, so a concurrent duplicate waits on the
 * unique key and then loses on it (the caller reads the winner's answer); the answer is stored encrypted in
 * the same transaction as the concern.
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

    @Transactional
    public SubmitAnswer create(IdempotencyRecord record, Concern concern, List<String> photoTokens,
                               Function<SubmitAnswer, String> seal, Function<Concern, SubmitAnswer> answer) {
        IdempotencyRecord saved = idempotency.save(record);
        Concern c = concerns.save(concern);
        timeline.record(c, ConcernEvent.resident(c.id(), ConcernEventType.SUBMITTED, null, ConcernState.SUBMITTED,
                null, c.createdAt()));
        for (String token : photoTokens) {
            if (photos.attach(token, c.id()) != 1) {
                throw ApiException.badField("photoIds", "图片不存在或已被使用，请重新上传");
            }
        }
        SubmitAnswer a = answer.apply(c);
        idempotency.complete(saved.id(), seal.apply(a), c.id());
        return a;
    }

    /** "我也反映": counts the repeat on the first concern instead of creating a new one. */
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
