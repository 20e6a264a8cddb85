package io.wirewatch.config;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One self-describing configuration key.
 *
 * @param validator accepts the parsed value; a refused value fails startup with {@code doc}
 */
public record Setting<T>(
    String key, T defaultValue, Function<String, T> parser, Predicate<T> validator, String doc) {

  public Setting {
    Objects.requireNonNull(key, "key can't be null");
    Objects.requireNonNull(parser, "parser can't be null");
    Objects.requireNonNull(validator, "validator can't be null");
  }

  public static Setting<Integer> positiveInt(String key, int defaultValue, String doc) {
    return new Setting<>(key, defaultValue, Integer::parseInt, v -> v > 0, doc);
  }

  /** A TCP port; 0 asks the system for a free one. */
  public static Setting<Integer> port(String key, int defaultValue, String doc) {
    return new Setting<>(key, defaultValue, Integer::parseInt, v -> v >= 0 && v <= 65535, doc);
  }

  public static Setting<String> text(String key, String defaultValue, String doc) {
    return new Setting<>(key, defaultValue, s -> s, v -> true, doc);
  }

  /** The environment variable that overrides this key: {@code WIREWATCH_} + upper-cased key. */
  public String environmentVariable() {
    return "WIREWATCH_"
        + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
