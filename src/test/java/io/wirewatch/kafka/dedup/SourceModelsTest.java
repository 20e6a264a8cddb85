package io.wirewatch.kafka.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirewatch.dedup.BoilerplateModel;
import io.wirewatch.dedup.DedupSettings;
import io.wirewatch.dedup.DocumentFrequencies;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceModelsTest {

  private static final DedupSettings SETTINGS =
      small(DedupSettings.defaults(DocumentFrequencies.empty()));
  private static final long WINDOW = Duration.ofDays(7).toMillis();
  private static final String SOURCE = "wire.example";

  /** A map standing for the store; reads hand back copies, as RocksDB's do. */
  private static final class MapEntries implements SourceModels.Entries {
    final Map<String, byte[]> map = new HashMap<>();

    @Override
    public byte[] get(String key) {
      byte[] v = map.get(key);
      return v == null ? null : v.clone();
    }

    @Override
    public void put(String key, byte[] value) {
      map.put(key, value.clone());
    }

    @Override
    public void delete(String key) {
      map.remove(key);
    }

    MapEntries copy() {
      MapEntries c = new MapEntries();
      map.forEach((k, v) -> c.map.put(k, v.clone()));
      return c;
    }

    void restore(MapEntries from) {
      map.clear();
      from.map.forEach((k, v) -> map.put(k, v.clone()));
    }
  }

  private static SourceModels models(MapEntries entries) {
    return new SourceModels(new LearnedBoilerplate(SETTINGS), entries, WINDOW, 4);
  }

  private static Instant at(int n) {
    return Instant.parse("2026-04-01T00:00:00Z").plusSeconds(60L * n);
  }

  /** Site lines that recur, story lines that do not, and a line of a series every few articles. */
  private static String article(int n) {
    return "Subscribe now.\nStory "
        + n
        + " happened.\nIt went on "
        + (n * 7 % 11)
        + " times.\nPart "
        + (n % 5)
        + " of a series.\nLeave a reply";
  }

  @Test
  void shouldStripAsOneModelFedTheSameArticles() {
    MapEntries entries = new MapEntries();
    SourceModels models = models(entries);
    BoilerplateModel reference = new BoilerplateModel(SETTINGS);
    // several times MAX_APPENDED + 1, so the lines are written whole again and again
    for (int i = 0; i < 4 * (BoilerplateModel.MAX_APPENDED + 1); i++) {
      assertEquals(
          reference.stripAndLearn(article(i), at(i)),
          models.stripAndLearn(SOURCE, article(i), at(i)),
          "article " + i);
    }
    assertTrue(SourceEntry.isSplit(entries.map.get(SourceKeys.head(SOURCE))));
    assertNotNull(entries.map.get(SourceKeys.lines(SOURCE)));
  }

  @Test
  void shouldReadTheSameModelBackAfterARestart() {
    MapEntries entries = new MapEntries();
    SourceModels running = models(entries);
    for (int i = 0; i < 50; i++) {
      running.stripAndLearn(SOURCE, article(i), at(i));
    }
    MapEntries restored = entries.copy();
    SourceModels restarted = models(restored);
    for (int i = 50; i < 120; i++) {
      assertEquals(
          running.stripAndLearn(SOURCE, article(i), at(i)),
          restarted.stripAndLearn(SOURCE, article(i), at(i)),
          "article " + i);
    }
  }

  @Test
  void shouldNotUseAKeptModelTheStoreWasRolledBackBehind() {
    MapEntries entries = new MapEntries();
    SourceModels models = models(entries);
    for (int i = 0; i < 40; i++) {
      models.stripAndLearn(SOURCE, article(i), at(i));
    }
    MapEntries committed = entries.copy();
    // learned by the kept model, then rolled back as an aborted transaction is
    for (int i = 40; i < 45; i++) {
      models.stripAndLearn(SOURCE, "Only in aborted work.\n" + article(i), at(i));
    }
    entries.restore(committed);
    SourceModels fresh = models(committed.copy());
    String body = "Only in aborted work.\n" + article(45);
    String stripped = models.stripAndLearn(SOURCE, body, at(45));
    assertEquals(fresh.stripAndLearn(SOURCE, body, at(45)), stripped);
    assertTrue(stripped.startsWith("Only in aborted work."), stripped);
  }

  @Test
  void shouldReadBothOlderFormatsAndWriteTheSplitOne() {
    BoilerplateModel old = new BoilerplateModel(SETTINGS);
    for (int i = 0; i < 10; i++) {
      old.learn(article(i), at(i));
    }
    byte[] bytes = old.toBytes();
    MapEntries entries = new MapEntries();
    entries.map.put("timed", SourceEntry.of(at(9).toEpochMilli(), bytes));
    entries.map.put("untimed", bytes);
    SourceModels models = models(entries);
    for (String source : new String[] {"timed", "untimed"}) {
      BoilerplateModel expected = BoilerplateModel.fromBytes(bytes, SETTINGS);
      assertEquals(
          expected.stripAndLearn(article(10), at(10)),
          models.stripAndLearn(source, article(10), at(10)));
      assertEquals(
          expected.stripAndLearn(article(11), at(11)),
          models.stripAndLearn(source, article(11), at(11)));
      assertTrue(SourceEntry.isSplit(entries.map.get(source)), source);
    }
  }

  @Test
  void shouldLearnAgainAModelStoredWithTheOlderLineHash() {
    MapEntries entries = new MapEntries();
    SourceModels models = models(entries);
    for (int i = 0; i < 10; i++) {
      models.stripAndLearn(SOURCE, article(i), at(i));
    }
    // the lines key as the tenth session wrote it: format 3, FNV-1a line hashes
    entries.map.get(SourceKeys.lines(SOURCE))[3] = 3;
    SourceModels restarted = models(entries);
    BoilerplateModel fresh = new BoilerplateModel(SETTINGS);
    for (int i = 10; i < 20; i++) {
      assertEquals(
          fresh.stripAndLearn(article(i), at(i)),
          restarted.stripAndLearn(SOURCE, article(i), at(i)),
          "article " + i);
    }
    assertEquals(4, entries.map.get(SourceKeys.lines(SOURCE))[3]);
  }

  @Test
  void shouldStartAfreshWhenTheSourceWasNotSeenWithinTheWindow() {
    MapEntries entries = new MapEntries();
    SourceModels models = models(entries);
    for (int i = 0; i < 10; i++) {
      models.stripAndLearn(SOURCE, article(i), at(i));
    }
    Instant later = at(9).plus(Duration.ofDays(8));
    assertEquals(article(10), models.stripAndLearn(SOURCE, article(10), later));
    assertFalse(
        SourceEntry.expired(
            SourceEntry.lastSeen(entries.map.get(SOURCE)), later.toEpochMilli(), WINDOW));
  }

  private static DedupSettings small(DedupSettings d) {
    return d.withBoilerplate(40, 3);
  }

  @Test
  void shouldStartAfreshWhenTheStoredEntriesCannotBeRead() {
    MapEntries entries = new MapEntries();
    SourceModels models = models(entries);
    for (int n = 0; n < 5; n++) {
      models.stripAndLearn(SOURCE, article(n), at(n));
    }
    // lines gone under a split head (a partial rollback), then a head of an unknown format
    entries.delete(SourceKeys.lines(SOURCE));
    String afterLoss = models(entries).stripAndLearn(SOURCE, article(5), at(5));
    assertEquals(article(5), afterLoss, "a fresh model strips nothing yet");
    entries.put(SourceKeys.head(SOURCE), new byte[] {0, 0, 0, 9, 1, 2, 3});
    String afterGarbage = models(entries).stripAndLearn(SOURCE, article(6), at(6));
    assertEquals(article(6), afterGarbage);
    // both keys were written anew, so the source learns again from there
    assertNotNull(entries.get(SourceKeys.lines(SOURCE)));
    for (int n = 7; n < 12; n++) {
      models(entries).stripAndLearn(SOURCE, article(n), at(n));
    }
    assertFalse(
        models(entries).stripAndLearn(SOURCE, article(12), at(12)).contains("Subscribe now."),
        "the site line is learned again");
  }

  @Test
  void shouldKeepTheHeadSmallWhenAnArticleHasManyDistinctLines() {
    MapEntries entries = new MapEntries();
    SourceModels models = models(entries);
    models.stripAndLearn(SOURCE, article(0), at(0));
    StringBuilder body = new StringBuilder();
    for (int line = 0; line < 100_000; line++) {
      body.append("l").append(line).append('\n');
    }
    for (int n = 1; n <= BoilerplateModel.MAX_APPENDED + 2; n++) {
      models.stripAndLearn(SOURCE, body + "article " + n, at(n));
      assertTrue(
          entries.get(SourceKeys.head(SOURCE)).length < 64 * 1024,
          "a head grows by a bounded appendix, not by every line of a long body");
    }
  }
}
