package io.wirewatch.kafka.dedup;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The boilerplate models of the sources a fingerprint task saw last, kept decoded beside the store
 * entries they were written as. Decoding a full model (2,000 lines) for every article cost more
 * than fingerprinting it. The store stays the truth: a model is used only while the store still
 * holds exactly the entry it was written with (since the eleventh session its source's small head
 * entry, which counts the articles learned: see {@link SourceModels}), so a sweep, a restore or a
 * revived task never sees a stale one.
 *
 * <p>Bounded: the {@code capacity} sources used last, each with at most one model (a few hundred KB
 * when full).
 */
final class DecodedModels {

  private record Decoded(byte[] entry, SourceBoilerplate.Model model) {}

  private final Map<String, Decoded> bySource;

  DecodedModels(int capacity) {
    this.bySource =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Decoded> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * The model the store's {@code entry} holds, taken out (the caller is about to change it, and
   * gives it back with {@link #put} once the changed entry is stored), or decoded afresh.
   */
  SourceBoilerplate.Model take(
      String source, byte[] entry, Function<byte[], SourceBoilerplate.Model> decode) {
    Decoded d = bySource.remove(source);
    return d != null && Arrays.equals(d.entry(), entry) ? d.model() : decode.apply(entry);
  }

  /** Remembers that the store now holds {@code entry}, written from {@code model}. */
  void put(String source, byte[] entry, SourceBoilerplate.Model model) {
    bySource.put(source, new Decoded(entry, model));
  }
}
