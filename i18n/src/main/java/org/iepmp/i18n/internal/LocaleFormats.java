package org.iepmp.i18n.internal;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.iepmp.i18n.api.Formats;
import org.iepmp.i18n.api.Messages;

/** Formats backed by the JDK's locale data, with unit words from the {@code common} bundle. */
final class LocaleFormats implements Formats {

    private static final String[] SIZE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private final Messages messages;

    LocaleFormats(Messages messages) {
        this.messages = messages;
    }

    @Override
    public String dateTime(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(messages.language().locale())
                .withZone(zone)
                .format(instant);
    }

    @Override
    public String shortDateTime(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(messages.language().locale())
                .withZone(zone)
                .format(instant);
    }

    @Override
    public String date(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(messages.language().locale())
                .withZone(zone)
                .format(instant);
    }

    @Override
    public String duration(Duration duration) {
        Duration d = duration.isNegative() ? duration.negated() : duration;
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        long seconds = d.toSecondsPart();
        if (days > 0) {
            return messages.get("common.duration.daysHours", days, hours);
        }
        if (hours > 0) {
            return messages.get("common.duration.hoursMinutes", hours, minutes);
        }
        if (minutes > 0) {
            return messages.get("common.duration.minutesSeconds", minutes, seconds);
        }
        if (seconds > 0 || d.toMillis() >= 1000) {
            return messages.get("common.duration.seconds", seconds);
        }
        return messages.get("common.duration.millis", d.toMillis());
    }

    @Override
    public String age(Duration elapsed) {
        long seconds = Math.max(0, elapsed.getSeconds());
        if (seconds < 60) {
            return messages.get("common.age.justNow");
        }
        if (seconds < 3600) {
            return messages.get("common.age.minutes", seconds / 60);
        }
        if (seconds < 86_400) {
            return messages.get("common.age.hours", seconds / 3600);
        }
        return messages.get("common.age.days", seconds / 86_400);
    }

    @Override
    public String size(long bytes) {
        if (bytes < 1024) {
            return number(bytes) + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return decimal(value, 1) + " " + SIZE_UNITS[unit];
    }

    @Override
    public String number(long value) {
        return NumberFormat.getIntegerInstance(messages.language().locale()).format(value);
    }

    @Override
    public String decimal(double value, int fractionDigits) {
        NumberFormat format = NumberFormat.getNumberInstance(messages.language().locale());
        format.setMinimumFractionDigits(fractionDigits);
        format.setMaximumFractionDigits(fractionDigits);
        return format.format(value);
    }
}
