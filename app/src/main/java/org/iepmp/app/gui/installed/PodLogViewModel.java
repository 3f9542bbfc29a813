package org.iepmp.app.gui.installed;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iepmp.app.task.BackgroundTask;
import org.iepmp.app.task.TaskExecutor;
import org.iepmp.app.task.TaskHandle;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.LogFollow;
import org.iepmp.kube.api.PodLogs;

/**
 * The log of one pod of the chosen release: the last lines, or — with Follow on — a live stream
 * ({@link PodLogs#follow}) read in a cancellable background task and handed to the screen in
 * batches. At most {@link #MAX_LINES} lines are kept; the oldest go first. Pause holds new lines
 * back (also bounded) until Resume.
 */
public final class PodLogViewModel {

    public static final int MAX_LINES = 2_000;
    static final int TAIL_LINES = 200;
    static final Duration TAIL_TIMEOUT = Duration.ofSeconds(10);
    private static final long BATCH_MILLIS = 250;
    private static final String BATCH_SEPARATOR = "\n";

    private final Supplier<PodLogs> logs;
    private final TaskExecutor executor;

    private final ObservableList<String> pods = FXCollections.observableArrayList();
    private final ObjectProperty<String> pod = new SimpleObjectProperty<>();
    private final BooleanProperty follow = new SimpleBooleanProperty();
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper streaming = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper held = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>();
    private final Deque<String> heldLines = new ArrayDeque<>();

    private String namespace;
    private String release;
    private TaskHandle running;
    private long generation;

    public PodLogViewModel(Supplier<PodLogs> logs, TaskExecutor executor) {
        this.logs = logs;
        this.executor = executor;
        pod.addListener((obs, old, value) -> restart());
        follow.addListener((obs, old, value) -> restart());
        paused.addListener((obs, old, value) -> {
            if (!value) {
                append(new ArrayList<>(heldLines));
                heldLines.clear();
                held.set(0);
            }
        });
    }

    public ObservableList<String> pods() {
        return pods;
    }

    public ObjectProperty<String> podProperty() {
        return pod;
    }

    public BooleanProperty followProperty() {
        return follow;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    /** What the log pane shows, oldest first. */
    public ObservableList<String> lines() {
        return lines;
    }

    /** A follow stream is open. */
    public ReadOnlyBooleanProperty streamingProperty() {
        return streaming.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Lines that arrived while paused. */
    public ReadOnlyIntegerProperty heldProperty() {
        return held.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The pods of the chosen release (none: nothing to show); keeps the chosen pod when it is still there. */
    public void show(String releaseNamespace, String releaseName, List<String> releasePods) {
        String key = releaseNamespace + "/" + releaseName;
        boolean sameRelease = Objects.equals(release, key);
        release = key;
        namespace = releaseNamespace;
        String keep = sameRelease ? pod.get() : null;
        pods.setAll(releasePods);
        String chosen = keep != null && releasePods.contains(keep) ? keep : releasePods.isEmpty() ? null : releasePods.get(0);
        if (Objects.equals(chosen, pod.get())) {
            if (!sameRelease) {
                restart();
            }
        } else {
            pod.set(chosen);
        }
    }

    /** Reads the last lines again, or reopens the stream. */
    public void refresh() {
        restart();
    }

    /** The shown lines, for the clipboard. */
    public String text() {
        return String.join("\n", lines);
    }

    /** Closes the stream (another release chosen, disconnected, exit). */
    public void stop() {
        generation++;
        if (running != null) {
            running.cancel();
            running = null;
        }
        streaming.set(false);
        loading.set(false);
    }

    private void restart() {
        stop();
        lines.clear();
        heldLines.clear();
        held.set(0);
        failure.set(null);
        String target = pod.get();
        PodLogs reader = logs.get();
        if (target == null || namespace == null || reader == null) {
            return;
        }
        long mine = generation;
        String ns = namespace;
        if (follow.get()) {
            streaming.set(true);
            running = executor.execute(BackgroundTask.<Void>of(context -> {
                stream(reader, ns, target, context);
                return null;
            }).onMessage(batch -> {
                if (mine == generation) {
                    receive(List.of(batch.split(BATCH_SEPARATOR, -1)));
                }
            }).onFailure(error -> {
                if (mine == generation) {
                    failure.set(error);
                }
            }).onFinished(() -> {
                if (mine == generation) {
                    streaming.set(false);
                    running = null;
                }
            }));
        } else {
            loading.set(true);
            running = executor.execute(BackgroundTask.of(context -> reader.tail(ns, target, "", TAIL_LINES, false, TAIL_TIMEOUT))
                    .onSuccess(read -> {
                        if (mine == generation) {
                            append(read);
                        }
                    }).onFailure(error -> {
                        if (mine == generation) {
                            failure.set(error);
                        }
                    }).onFinished(() -> {
                        if (mine == generation) {
                            loading.set(false);
                            running = null;
                        }
                    }));
        }
    }

    /** Runs in the background until the stream ends or the task is cancelled; hands lines over in batches. */
    private static void stream(PodLogs reader, String ns, String target, org.iepmp.app.task.TaskContext context)
            throws InterruptedException {
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
        AtomicReference<KubeException> ended = new AtomicReference<>();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        LogFollow handle = reader.follow(ns, target, "", TAIL_LINES, queue::add, error -> {
            ended.set(error);
            done.countDown();
        });
        try {
            boolean finished = false;
            while (!context.isCancelled() && !finished) {
                finished = done.await(BATCH_MILLIS, TimeUnit.MILLISECONDS);
                List<String> batch = new ArrayList<>();
                for (String line = queue.poll(); line != null; line = queue.poll()) {
                    batch.add(line.replace(BATCH_SEPARATOR, " "));
                }
                if (!batch.isEmpty()) {
                    context.message(String.join(BATCH_SEPARATOR, batch));
                }
            }
        } finally {
            handle.close();
        }
        if (ended.get() != null && !context.isCancelled()) {
            throw ended.get();
        }
    }

    private void receive(List<String> batch) {
        if (paused.get()) {
            heldLines.addAll(batch);
            while (heldLines.size() > MAX_LINES) {
                heldLines.removeFirst();
            }
            held.set(heldLines.size());
        } else {
            append(batch);
        }
    }

    private void append(List<String> more) {
        if (more.isEmpty()) {
            return;
        }
        if (more.size() >= MAX_LINES) {
            lines.setAll(more.subList(more.size() - MAX_LINES, more.size()));
            return;
        }
        int overflow = lines.size() + more.size() - MAX_LINES;
        if (overflow > 0) {
            lines.remove(0, overflow);
        }
        lines.addAll(more);
    }
}
