import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * Benchmark wrapper, not part of the product: {@code StartupProbe <main class> [args]} runs the
 * main class and prints to stderr how long after the process started the first window was
 * showing and when two frames had been drawn after that (i.e. the window was painted and
 * taking input), and the CPU time used until then. Used by measure-startup.sh for the app and the bare window alike, so the
 * app needs no timing hook of its own.
 *
 * <p>With {@code -Dprobe.exit=true} the process ends right after the figure: the installer build
 * runs the app that way under Xvfb with {@code -XX:DumpLoadedClassList} to record the classes a
 * start needs before its first frame (the list behind the start-up class data archive).
 */
public final class StartupProbe {

    private StartupProbe() {
    }

    public static void main(String[] args) throws Throwable {
        Instant start = ProcessHandle.current().info().startInstant().orElseThrow();
        Thread watcher = new Thread(() -> watch(start), "startup-probe");
        watcher.setDaemon(true);
        watcher.start();
        Class.forName(args[0]).getMethod("main", String[].class)
                .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    private static void watch(Instant start) {
        while (!anyWindowShowing()) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
        long shown = Duration.between(start, Instant.now()).toMillis();
        Platform.runLater(() -> new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames == 2) {
                    stop();
                    long painted = Duration.between(start, Instant.now()).toMillis();
                    // CPU time of all threads so far: on a loaded machine a steadier figure than wall time.
                    long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
                    System.err.println("startup-probe shown=" + shown + " painted=" + painted + " cpu=" + cpu);
                    if (Boolean.getBoolean("probe.exit")) {
                        // halt, not exit: the app's shutdown work would only add classes to the list.
                        Runtime.getRuntime().halt(0);
                    }
                }
            }
        }.start());
    }

    private static boolean anyWindowShowing() {
        try {
            return List.copyOf(Window.getWindows()).stream().anyMatch(Window::isShowing);
        } catch (RuntimeException | LinkageError e) {
            // The list belongs to the FX thread; a read that races with it is simply retried.
            return false;
        }
    }
}
