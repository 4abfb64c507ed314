package dev.cuepoint.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When refreshes run: every fixed interval ({@code 6h}, {@code 30m}, {@code 1d}) or on a cron schedule
 * ({@code 0 4 * * *}, five fields as in crontab, in the server's time zone).
 */
public sealed interface Schedule {
  /** The first time strictly after {@code after}, if any. */
  Optional<Instant> next(Instant after);

  /** The schedule as the user wrote it. */
  String spec();

  /** An interval, counted from the end of the previous refresh (or from the start). */
  record Every(Duration interval, String spec) implements Schedule {
    public Every {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("refresh interval must be positive, got " + spec);
      }
    }

    @Override
    public Optional<Instant> next(Instant after) {
      return Optional.of(after.plus(interval));
    }
  }

  /** A crontab line of five fields. */
  record Cron(ExecutionTime times, ZoneId zone, String spec) implements Schedule {
    @Override
    public Optional<Instant> next(Instant after) {
      return times.nextExecution(ZonedDateTime.ofInstant(after, zone)).map(ZonedDateTime::toInstant);
    }
  }

  /**
   * Reads {@code 30m}, {@code 6h}, {@code 1d} or a five-field cron line; the message of the exception
   * says what is accepted.
   */
  static Schedule parse(String spec, ZoneId zone) {
    String s = spec == null ? "" : spec.strip().toLowerCase(Locale.ROOT);
    Matcher m = Pattern.compile("(\\d{1,6})\\s*(m|min|h|d)").matcher(s);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      Duration d = switch (m.group(2)) {
        case "m", "min" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
      if (d.compareTo(Duration.ofMinutes(1)) < 0) {
        throw new IllegalArgumentException("refresh interval must be at least 1 minute, got '" + spec + "'");
      }
      return new Every(d, spec.strip());
    }
    if (s.split("\\s+").length == 5) {
      try {
        CronParser parser = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
        return new Cron(ExecutionTime.forCron(parser.parse(s).validate()), zone, spec.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + spec + "' is not a valid cron line: " + e.getMessage(), e);
      }
    }
    throw new IllegalArgumentException("'" + spec + "' is neither an interval (30m, 6h, 1d) nor a cron"
        + " line of five fields (\"0 4 * * *\" = every day at 04:00)");
  }
}
