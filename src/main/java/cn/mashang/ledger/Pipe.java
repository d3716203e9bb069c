package cn.mashang.ledger;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded hand-over of bytes from the thread writing a ledger to the response: at most {@value #CHUNKS} chunks of
 * {@value #CHUNK} bytes in flight, so a slow client slows the export down instead of filling the heap. The server
 * reads {@link #in} on its blocking executor, whichever thread each read runs on (java.io's piped streams insist on
 * one living reader thread). The reader closing (the client went away) makes the next write fail, which ends the
 * export; the writer failing makes the next read fail, which aborts the response.
 */
final class Pipe {
    static final int CHUNK = 64 * 1024;
    static final int CHUNKS = 16;
    private static final byte[] EOF = new byte[0];
    /**
     * How long a read waits for the writer: an .xlsx sends nothing until all its rows are written (POI copies its
     * temporary sheet at the end), which took over 10 minutes for a county year at load average 40.
     */
    private static final long READ_TIMEOUT_S = 3600;
    /** How long a write waits for a reader that takes nothing (the response was never sent). */
    private static final long WRITE_TIMEOUT_S = 600;

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CHUNKS + 1);
    private volatile boolean readerClosed;

    final OutputStream out = new BufferedOutputStream(new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > 0) {
                put(Arrays.copyOfRange(b, off, off + len));
            }
        }

        private boolean ended;

        @Override
        public void close() throws IOException {
            if (!ended) {   // once, even when a library closes the stream it was given and the export closes it too
                ended = true;
                put(EOF);
            }
        }
    }, CHUNK);

    final InputStream in = new InputStream() {
        private byte[] chunk = new byte[0];
        private int pos;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (pos == chunk.length) {
                if (chunk == EOF) {
                    return -1;
                }
                Object next;
                try {
                    next = queue.poll(READ_TIMEOUT_S, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("ledger export interrupted");
                }
                if (next == null) {
                    throw new IOException("ledger export stalled");
                }
                if (next instanceof IOException failed) {
                    chunk = EOF;
                    throw failed;
                }
                chunk = (byte[]) next;
                pos = 0;
                if (chunk == EOF) {
                    return -1;
                }
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public void close() {
            readerClosed = true;
            queue.clear();
        }
    };

    /** The writer failed: the reader's next read throws (the response is aborted, never silently cut short). */
    void fail(Throwable t) {
        queue.clear();
        queue.offer(t instanceof IOException io ? io : new IOException("ledger export failed", t));
    }

    boolean readerClosed() {
        return readerClosed;
    }

    private void put(Object chunk) throws IOException {
        try {
            long waited = 0;
            while (!readerClosed && !queue.offer(chunk, 1, TimeUnit.SECONDS)) {
                if (++waited > WRITE_TIMEOUT_S) {   // nobody reads (the response was never sent): end the export
                    readerClosed = true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("ledger export interrupted");
        }
        if (readerClosed) {
            queue.clear();
            throw new IOException("the client went away");
        }
    }
}
