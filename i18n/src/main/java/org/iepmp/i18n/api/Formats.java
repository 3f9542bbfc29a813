package org.iepmp.i18n.api;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** Dates, durations, sizes and numbers written the way the active language writes them. */
public interface Formats {

    /** Date and time in the given zone, e.g. {@code Nov 21, 2026, 10:42 PM} or {@code 2026年11月21日 下午10:42}. */
    String dateTime(Instant instant, ZoneId zone);

    String date(Instant instant, ZoneId zone);

    /** Compact date and time for table cells, e.g. {@code 11/21/26, 10:42 PM} or {@code 2026/11/21 下午10:42}. */
    String shortDateTime(Instant instant, ZoneId zone);

    /** A duration in words, coarsest two units: {@code 2 h 5 min}, {@code 2 小時 5 分鐘}. */
    String duration(Duration duration);

    /** How long ago, e.g. {@code 5 minutes ago}, {@code 5 分鐘前}. */
    String age(Duration elapsed);

    /** Bytes in binary units with one decimal: {@code 1.5 MiB}. */
    String size(long bytes);

    String number(long value);

    String decimal(double value, int fractionDigits);
}
