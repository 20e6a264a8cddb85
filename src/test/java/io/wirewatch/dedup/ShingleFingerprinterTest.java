package io.wirewatch.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirewatch.article.Article;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShingleFingerprinterTest {

  private static final Instant T = Instant.parse("2020-06-10T22:00:00Z");
  private static final String BODY =
      "The harbour authority in Valparaiso said on Tuesday that grain loading resumed after a"
          + " three day strike by dock workers ended with a pay agreement. Exporters said about"
          + " forty ships had been waiting offshore, and that wheat and maize shipments to Asian"
          + " buyers would be delayed by at least a week. The union leader, Maria Quintero, said"
          + " members accepted a six percent rise. Port officials expect normal operations by the"
          + " weekend, although rain could slow the loading of open hatches.";

  private final ShingleFingerprinter fingerprinter =
      new ShingleFingerprinter(DedupSettings.defaults());

  private static Article article(String id, String title, String body) {
    return new Article(id, null, "s", T, "en", title, body, null, T, null);
  }

  @Test
  void shouldGiveSameExactKeyToRenderingsOfOneText() {
    Fingerprints plain = fingerprinter.fingerprint(article("a", "t", BODY));
    Fingerprints html =
        fingerprinter.fingerprint(
            article("b", "other title", "<p>" + BODY.replace("grain", "<b>grain</b>") + "</p>"));
    assertEquals(plain.exactKey(), html.exactKey());
    assertEquals(plain.passageKeys(), html.passageKeys());
  }

  @Test
  void shouldShareMostPassageKeysDespiteATypo() {
    Fingerprints original = fingerprinter.fingerprint(article("a", null, BODY));
    Fingerprints typo =
        fingerprinter.fingerprint(article("b", null, BODY.replace("agreement", "agreemnet")));
    assertNotEquals(original.exactKey(), typo.exactKey());
    Set<String> shared = new HashSet<>(original.passageKeys());
    shared.retainAll(typo.passageKeys());
    assertTrue(shared.size() >= 0.7 * original.passageCount(), shared.size() + " shared");
  }

  @Test
  void shouldPrefixEveryKeyByKind() {
    Fingerprints f = fingerprinter.fingerprint(article("a", "Dock strike ends", BODY));
    assertTrue(f.exactKey().startsWith(Fingerprints.EXACT_PREFIX));
    assertTrue(f.passageKeys().stream().allMatch(k -> k.startsWith(Fingerprints.PASSAGE_PREFIX)));
    assertTrue(f.storyKeys().stream().allMatch(k -> k.startsWith(Fingerprints.STORY_PREFIX)));
    assertTrue(f.passageCount() >= DedupSettings.defaults().minimumPassageKeys());
  }

  @Test
  void shouldGiveWriteUpsWithTheSameNamesCommonStoryKeysOnlyWithinTheWindow() {
    String writeUp =
        "Dock workers in Valparaiso ended their strike after Maria Quintero, who leads the union,"
            + " agreed a pay rise. Wheat and maize loading resumed at the harbour.";
    Article first = article("a", "Valparaiso dock strike ends", BODY);
    Article second = article("b", "Quintero's union accepts offer", writeUp);
    Article muchLater =
        new Article(
            "c", null, "s", T.plus(Duration.ofDays(30)), "en", null, writeUp, null, T, null);
    Set<String> firstKeys = new HashSet<>(fingerprinter.fingerprint(first).storyKeys());
    Set<String> shared = new HashSet<>(fingerprinter.fingerprint(second).storyKeys());
    shared.retainAll(firstKeys);
    assertTrue(shared.size() >= 3, shared.size() + " shared story keys");
    Set<String> late = new HashSet<>(fingerprinter.fingerprint(muchLater).storyKeys());
    late.retainAll(firstKeys);
    assertEquals(Set.of(), late);
  }
}
