package org.iepmp.app.gui.installed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.iepmp.app.task.DirectTaskExecutor;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.LogFollow;
import org.iepmp.kube.api.PodLogs;
import org.junit.jupiter.api.Test;

class PodLogViewModelTest {

    /** A pod log that answers tails from a list and streams a scripted set of lines, then ends. */
    private static final class ScriptedLogs implements PodLogs {
        final List<String> tail = new ArrayList<>();
        final List<String> streamed = new ArrayList<>();
        KubeException streamEnd;
        final List<String> calls = new ArrayList<>();
        int closed;

        @Override
        public List<String> tail(String namespace, String pod, String container, int lines, boolean previous, Duration timeout) {
            calls.add("tail " + namespace + "/" + pod + " " + lines);
            return tail.subList(Math.max(0, tail.size() - lines), tail.size());
        }

        @Override
        public LogFollow follow(String namespace, String pod, String container, int tailLines, Consumer<String> onLine,
                Consumer<KubeException> onEnd) {
            calls.add("follow " + namespace + "/" + pod + " " + tailLines);
            streamed.forEach(onLine);
            onEnd.accept(streamEnd);
            return new LogFollow() {
                @Override
                public boolean active() {
                    return false;
                }

                @Override
                public void close() {
                    closed++;
                }
            };
        }
    }

    private final ScriptedLogs logs = new ScriptedLogs();
    private final List<Throwable> unexpected = new ArrayList<>();
    private final PodLogViewModel model = new PodLogViewModel(() -> logs, new DirectTaskExecutor(unexpected::add));

    @Test
    void choosingAReleaseShowsTheLastLinesOfItsFirstPod() {
        logs.tail.addAll(List.of("starting", "ready"));
        model.show("line", "line-monitor", List.of("line-monitor-abc", "line-monitor-def"));
        assertThat(model.podProperty().get()).isEqualTo("line-monitor-abc");
        assertThat(model.lines()).containsExactly("starting", "ready");
        assertThat(logs.calls).containsExactly("tail line/line-monitor-abc 200");
        assertThat(model.text()).isEqualTo("starting\nready");

        // The same release again (a list refresh) keeps the chosen pod and does not re-read.
        model.podProperty().set("line-monitor-def");
        logs.calls.clear();
        model.show("line", "line-monitor", List.of("line-monitor-abc", "line-monitor-def"));
        assertThat(model.podProperty().get()).isEqualTo("line-monitor-def");
        assertThat(logs.calls).isEmpty();

        model.show(null, null, List.of());
        assertThat(model.podProperty().get()).isNull();
        assertThat(model.lines()).isEmpty();
    }

    @Test
    void followStreamsNewLinesAndClosesTheStream() {
        logs.streamed.addAll(List.of("a", "b", "c"));
        model.show("line", "line-monitor", List.of("pod-1"));
        model.followProperty().set(true);
        assertThat(logs.calls).contains("follow line/pod-1 200");
        assertThat(model.lines()).containsExactly("a", "b", "c");
        assertThat(logs.closed).isEqualTo(1);
        assertThat(model.streamingProperty().get()).as("the stream ended").isFalse();
        assertThat(model.failureProperty().get()).isNull();
        assertThat(unexpected).isEmpty();
    }

    @Test
    void pauseHoldsLinesBackUntilResume() {
        model.show("line", "line-monitor", List.of("pod-1"));
        model.pausedProperty().set(true);
        logs.streamed.addAll(List.of("x", "y"));
        model.followProperty().set(true);
        assertThat(model.lines()).isEmpty();
        assertThat(model.heldProperty().get()).isEqualTo(2);
        model.pausedProperty().set(false);
        assertThat(model.lines()).containsExactly("x", "y");
        assertThat(model.heldProperty().get()).isZero();
    }

    @Test
    void theBufferKeepsOnlyTheNewestLines() {
        IntStream.range(0, PodLogViewModel.MAX_LINES + 500).forEach(i -> logs.streamed.add("line " + i));
        model.show("line", "line-monitor", List.of("pod-1"));
        model.followProperty().set(true);
        assertThat(model.lines()).hasSize(PodLogViewModel.MAX_LINES);
        assertThat(model.lines().get(0)).isEqualTo("line 500");
        assertThat(model.lines().get(PodLogViewModel.MAX_LINES - 1)).isEqualTo("line " + (PodLogViewModel.MAX_LINES + 499));
    }

    @Test
    void aBrokenStreamIsShownAsItsTypedError() {
        logs.streamed.add("last words");
        logs.streamEnd = new KubeException(KubeErrorCode.UNREACHABLE, "connection reset", "https://ipc:16443");
        model.show("line", "line-monitor", List.of("pod-1"));
        model.followProperty().set(true);
        assertThat(model.lines()).containsExactly("last words");
        assertThat(model.failureProperty().get()).isInstanceOf(KubeException.class);
    }

    @Test
    void noClusterMeansNothingIsRead() {
        PodLogViewModel disconnected = new PodLogViewModel(() -> null, new DirectTaskExecutor(unexpected::add));
        disconnected.show("line", "line-monitor", List.of("pod-1"));
        disconnected.followProperty().set(true);
        assertThat(disconnected.lines()).isEmpty();
        assertThat(disconnected.streamingProperty().get()).isFalse();
    }
}
