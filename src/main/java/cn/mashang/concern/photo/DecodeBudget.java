package cn.mashang.concern.photo;

import cn.mashang.common.ApiException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The heap that photo decoding may take at once, as a fair semaphore of KiB: every upload holds the bytes its
 * input, decoded raster, scaled copy and encoder need (computed from the image header before decoding) until it
 * is done, so concurrent uploads never add up past {@code photos.budget-bytes}.
 */
@Singleton
class DecodeBudget {
    private final PhotoDecodeConfig config;
    private final int totalKib;
    private final Semaphore kib;

    DecodeBudget(PhotoDecodeConfig config) {
        this.config = config;
        this.totalKib = (int) Math.min(Integer.MAX_VALUE, config.budgetBytes() / 1024);
        this.kib = new Semaphore(totalKib, true);
    }

    /** A share of the budget; {@link #grow} adds to it, {@link #close} gives all of it back. */
    final class Share implements AutoCloseable {
        private int held;

        void grow(long bytes) {
            int more = (int) Math.min(totalKib, (bytes + 1023) / 1024);
            try {
                if (!kib.tryAcquire(more, config.budgetWait().toMillis(), TimeUnit.MILLISECONDS)) {
                    throw busy();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw busy();
            }
            held += more;
        }

        @Override
        public void close() {
            kib.release(held);
            held = 0;
        }
    }

    Share open() {
        return new Share();
    }

    long budgetBytes() {
        return (long) totalKib * 1024;
    }

    /** KiB currently free (for tests and metrics). */
    int availableKib() {
        return kib.availablePermits();
    }

    private static ApiException busy() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "服务繁忙", "图片处理繁忙，请稍后再上传",
                Map.of("retryAfterSeconds", 5));
    }
}
