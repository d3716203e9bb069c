package cn.mashang.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A download written while it is sent: a writer runs on an executor and fills a bounded queue of chunks, the server
 * reads the returned stream as the response body (e.g. {@code StreamedFile}). Memory holds at most
 * {@link #CHUNKS} chunks of {@link #CHUNK} bytes plus what the writer holds itself, never the whole file. A failure of
 * the writer ends the body with an IOException (a broken transfer, never a complete-looking file); when the body is
 * closed early (the client left) or not read for {@link #STALL}, the writer's next write fails and it stops.
 * Chunks rather than {@code PipedInputStream}: that one fails when the thread that last read has ended, and the
 * server reads from pooled or virtual threads.
 */
public final class PipedDownload extends InputStream {
    static final int CHUNK = 16 * 1024;
    static final int CHUNKS = 16;
    static final Duration STALL = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(PipedDownload.class);
    private static final byte[] END = new byte[0];

    /** Writes the whole download into {@code out}; need not close it. */
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(CHUNKS);
    private volatile boolean closed;
    private volatile Throwable failure;
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;

    private PipedDownload() {
    }

    /** Starts {@code writer} on the executor; {@code done} runs when it has finished, however it ended. */
    public static InputStream start(Executor executor, Writer writer, Runnable done) {
        PipedDownload body = new PipedDownload();
        Runnable task = () -> {
            try (Sink sink = body.new Sink()) {
                writer.write(sink);
                sink.flush();
                sink.put(END);
            } catch (Throwable t) {
                body.failure = t;
                body.queue.offer(END); // wake the reader; when the queue is full it sees the failure on its next take
                if (!body.closed) {
                    LOG.warn("Download failed while it was sent: {}", t.toString());
                }
            } finally {
                done.run();
            }
        };
        try {
            executor.execute(task);
        } catch (RuntimeException e) { // rejected: the writer never runs
            done.run();
            throw e;
        }
        return body;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pos == current.length) {
            if (ended) {
                return -1;
            }
            next();
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    private void next() throws IOException {
        try {
            byte[] chunk = queue.poll(STALL.toMillis(), TimeUnit.MILLISECONDS);
            if (failure != null) {
                throw new IOException("the download failed while it was written", failure);
            }
            if (chunk == null) {
                throw new IOException("the download's writer stalled");
            }
            ended = chunk == END;
            current = chunk;
            pos = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
    }

    /** The writer's end: fills chunks and queues them, waiting while the queue is full. */
    private final class Sink extends OutputStream {
        private final byte[] buf = new byte[CHUNK];
        private int n;

        @Override
        public void write(int b) throws IOException {
            if (n == buf.length) {
                flush();
            }
            buf[n++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (n == buf.length) {
                    flush();
                }
                int k = Math.min(len, buf.length - n);
                System.arraycopy(b, off, buf, n, k);
                n += k;
                off += k;
                len -= k;
            }
        }

        @Override
        public void flush() throws IOException {
            if (n > 0) {
                byte[] chunk = java.util.Arrays.copyOf(buf, n);
                n = 0;
                put(chunk);
            }
        }

        void put(byte[] chunk) throws IOException {
            try {
                long deadline = System.nanoTime() + STALL.toNanos();
                while (!queue.offer(chunk, 1, TimeUnit.SECONDS)) {
                    if (closed) {
                        throw new IOException("the download was closed by its reader");
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IOException("the download's reader stalled");
                    }
                }
                if (closed) {
                    queue.clear();
                    throw new IOException("the download was closed by its reader");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        @Override
        public void close() {
            // the queue's END marks the end; nothing to release
        }
    }
}
