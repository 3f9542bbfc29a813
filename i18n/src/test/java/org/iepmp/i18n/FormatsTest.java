package org.iepmp.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.iepmp.i18n.api.I18n;
import org.iepmp.i18n.api.Language;
import org.iepmp.i18n.api.Messages;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private final I18n i18n = I18n.load();

    @Test
    void durationsUseTheLanguagesUnits() {
        Duration d = Duration.ofHours(2).plusMinutes(5);
        assertThat(i18n.messages(Language.ENGLISH).formats().duration(d)).isEqualTo("2 h 5 min");
        assertThat(i18n.messages(Language.TRADITIONAL_CHINESE).formats().duration(d)).isEqualTo("2 小時 5 分鐘");
        assertThat(i18n.messages(Language.SIMPLIFIED_CHINESE).formats().duration(d)).isEqualTo("2 小时 5 分钟");
        assertThat(i18n.messages(Language.ENGLISH).formats().duration(Duration.ofMillis(250))).isEqualTo("250 ms");
        assertThat(i18n.messages(Language.ENGLISH).formats().duration(Duration.ofDays(3).plusHours(1))).isEqualTo("3 d 1 h");
    }

    @Test
    void agesAndSizes() {
        Messages en = i18n.messages(Language.ENGLISH);
        assertThat(en.formats().age(Duration.ofSeconds(10))).isEqualTo("just now");
        assertThat(en.formats().age(Duration.ofMinutes(5))).isEqualTo("5 minutes ago");
        assertThat(i18n.messages(Language.TRADITIONAL_CHINESE).formats().age(Duration.ofMinutes(5))).isEqualTo("5 分鐘前");
        assertThat(en.formats().size(512)).isEqualTo("512 B");
        assertThat(en.formats().size(1536)).isEqualTo("1.5 KiB");
        assertThat(en.formats().size(95L * 1024 * 1024)).isEqualTo("95.0 MiB");
        assertThat(en.formats().number(1234567)).isEqualTo("1,234,567");
    }

    @Test
    void datesFollowTheLocale() {
        Instant instant = Instant.parse("2026-11-21T14:42:00Z");
        ZoneId utc = ZoneId.of("UTC");
        assertThat(i18n.messages(Language.ENGLISH).formats().date(instant, utc)).isEqualTo("Nov 21, 2026");
        assertThat(i18n.messages(Language.TRADITIONAL_CHINESE).formats().date(instant, utc)).contains("2026年11月21日");
    }

    @Test
    void languagesFromTagsAndLocales() {
        assertThat(Language.fromTag("zh_TW")).contains(Language.TRADITIONAL_CHINESE);
        assertThat(Language.fromTag("zh-Hans")).contains(Language.SIMPLIFIED_CHINESE);
        assertThat(Language.fromTag("EN")).contains(Language.ENGLISH);
        assertThat(Language.fromTag("fr")).isEmpty();
        assertThat(Language.fromLocale(Locale.forLanguageTag("zh-HK"))).isEqualTo(Language.TRADITIONAL_CHINESE);
        assertThat(Language.fromLocale(Locale.CHINA)).isEqualTo(Language.SIMPLIFIED_CHINESE);
        assertThat(Language.fromLocale(Locale.GERMANY)).isEqualTo(Language.ENGLISH);
    }

    @Test
    void missingKeysAreVisibleNotFatal() {
        assertThat(i18n.messages(Language.ENGLISH).get("common.does.not.exist")).isEqualTo("!common.does.not.exist!");
    }

    @Test
    void parametersAreFormattedPerLocale() {
        assertThat(i18n.messages(Language.ENGLISH).get("common.age.minutes", 5)).isEqualTo("5 minutes ago");
    }
}
