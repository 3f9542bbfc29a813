package org.iepmp.lifecycle.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretKeyTest {

    @TempDir
    Path dir;

    @Test
    void concurrentStartsAgreeOnOneKey() throws Exception {
        Path file = dir.resolve("data").resolve("secret.key");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> starts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                starts.add(() -> new SecretSealer(LocalSecretKey.loadOrCreate(file).sealingKey()).seal("probe"));
            }
            List<String> sealed = new ArrayList<>();
            for (Future<String> result : pool.invokeAll(starts)) {
                sealed.add(result.get());
            }
            SecretSealer survivor = new SecretSealer(LocalSecretKey.loadOrCreate(file).sealingKey());
            for (String text : sealed) {
                assertThat(survivor.unseal(text)).isEqualTo("probe");
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("secret.key");
        }
    }

    @Test
    void aTruncatedKeyFileIsATypedError() throws Exception {
        Path file = dir.resolve("secret.key");
        Files.write(file, new byte[5]);
        assertThatThrownBy(() -> LocalSecretKey.loadOrCreate(file))
                .isInstanceOfSatisfying(LifecycleException.class, e -> assertThat(e.code()).isEqualTo(LifecycleErrorCode.SECRET_KEY_UNAVAILABLE));
    }

    @Test
    void sealedTextIsBoundToItsKeyAndTamperEvident() throws Exception {
        SecretSealer sealer = new SecretSealer(LocalSecretKey.loadOrCreate(dir.resolve("a.key")).sealingKey());
        String sealed = sealer.seal("{\"db.password\":\"x\"}");
        assertThat(sealed).doesNotContain("password");
        assertThat(sealer.unseal(sealed)).isEqualTo("{\"db.password\":\"x\"}");
        byte[] bytes = java.util.Base64.getDecoder().decode(sealed);
        bytes[bytes.length - 1] ^= 1;
        String tampered = java.util.Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> sealer.unseal(tampered)).isInstanceOf(java.security.GeneralSecurityException.class);
        SecretSealer other = new SecretSealer(LocalSecretKey.loadOrCreate(dir.resolve("b.key")).sealingKey());
        assertThatThrownBy(() -> other.unseal(sealed)).isInstanceOf(java.security.GeneralSecurityException.class);
    }
}
