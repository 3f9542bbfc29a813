package org.iepmp.kube.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.junit.jupiter.api.Test;

class TimeBoundRunnerTest {

    @Test
    void workThatOverrunsIsATimeoutAndIsInterrupted() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        try (TimeBoundRunner runner = new TimeBoundRunner("test", "https://ipc:16443")) {
            assertThatThrownBy(() -> runner.run("slow work", Duration.ofMillis(200), () -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                return "late";
            })).isInstanceOfSatisfying(KubeException.class, e -> {
                assertThat(e.code()).isEqualTo(KubeErrorCode.TIMEOUT);
                assertThat(e.params()).first().isEqualTo("https://ipc:16443");
            });
            assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void interruptedCallerGetsCancelled() {
        try (TimeBoundRunner runner = new TimeBoundRunner("test", "srv")) {
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> runner.run("work", Duration.ofSeconds(30), () -> {
                Thread.sleep(60_000);
                return "never";
            })).isInstanceOfSatisfying(KubeException.class, e -> assertThat(e.code()).isEqualTo(KubeErrorCode.CANCELLED));
            assertThat(Thread.interrupted()).isTrue();
        }
    }

    @Test
    void clusterErrorsKeepTheirMeaning() {
        try (TimeBoundRunner runner = new TimeBoundRunner("test", "srv")) {
            assertThatThrownBy(() -> runner.run("work", Duration.ofSeconds(30), () -> {
                throw new KubernetesClientException("Operation cannot be fulfilled: the object has been modified", 409, null);
            })).isInstanceOfSatisfying(KubeException.class, e -> assertThat(e.code()).isEqualTo(KubeErrorCode.CONFLICT));
            assertThat(runner.run("work", Duration.ofSeconds(30), () -> "done")).isEqualTo("done");
        }
    }
}
