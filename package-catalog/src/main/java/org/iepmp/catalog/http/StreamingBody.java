package org.iepmp.catalog.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a response body into a sink as it arrives, stops at a byte limit, and records the time
 * of the last progress so the caller can enforce an idle timeout: a server that sends headers
 * and then nothing is given up on, instead of blocking a reader forever.
 */
final class StreamingBody implements HttpResponse.BodySubscriber<Void> {

    /** Thrown (wrapped) when the body exceeds the limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("body exceeds " + limit + " bytes");
        }
    }

    private final OutputStream sink;
    private final long limit;
    private final AtomicLong lastProgress;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private long count;
    private volatile boolean refused;
    private volatile boolean discard;

    StreamingBody(OutputStream sink, long limit, AtomicLong lastProgress) {
        this.sink = sink;
        this.limit = limit;
        this.lastProgress = lastProgress;
    }

    @Override
    public CompletionStage<Void> getBody() {
        return done;
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        this.subscription = newSubscription;
        if (refused) {
            newSubscription.cancel();
            done.completeExceptionally(new TooLarge(limit));
            return;
        }
        if (discard) {
            // Only the status matters (an error page): drop the connection instead of reading it.
            newSubscription.cancel();
            done.complete(null);
            return;
        }
        newSubscription.request(1);
    }

    /** The body is not wanted: cancel at once and report the response as complete. */
    void discard() {
        discard = true;
    }

    /** The announced length is already too large: cancel at once, read nothing. */
    void refuse() {
        refused = true;
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        lastProgress.set(System.nanoTime());
        try {
            for (ByteBuffer buffer : buffers) {
                int n = buffer.remaining();
                count += n;
                if (count > limit) {
                    throw new TooLarge(limit);
                }
                if (buffer.hasArray()) {
                    sink.write(buffer.array(), buffer.arrayOffset() + buffer.position(), n);
                } else {
                    byte[] copy = new byte[n];
                    buffer.get(copy);
                    sink.write(copy);
                }
            }
            subscription.request(1);
        } catch (IOException e) {
            subscription.cancel();
            done.completeExceptionally(e);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        done.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        done.complete(null);
    }

    /** Gives up on the body (timeout or caller abort). */
    void cancel() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        done.completeExceptionally(new IOException("cancelled"));
    }
}
