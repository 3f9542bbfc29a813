package org.iepmp.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainWindowStartTest {

    @Test
    void theToolkitStartsEarlyOnlyWhenAWindowWillOpen() {
        assertThat(Main.opensWindow(new String[0])).isTrue();
        assertThat(Main.opensWindow(new String[] {"--lang", "zh-TW", "--practice", "--section", "catalog"})).isTrue();
        assertThat(Main.opensWindow(new String[] {"--help"})).isFalse();
        assertThat(Main.opensWindow(new String[] {"-V"})).isFalse();
        assertThat(Main.opensWindow(new String[] {"--home", "/tmp/x", "--self-check"})).isFalse();
    }
}
