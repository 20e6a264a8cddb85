package io.wirewatch.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirewatch.article.Article;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The fast fingerprinter must give exactly the keys of the former one: keys already in the index
 * when it is deployed must keep matching, and the quality figures were measured with them.
 */
class FingerprintEquivalenceTest {

  private static final Instant TIME = Instant.parse("1987-03-01T12:00:00Z");

  private static final List<String> EDGE_CASES =
      List.of(
          "",
          "a",
          "He said it would",
          "He said it would. It was said that he would.",
          "Caf\u00e9 Z\u00fcrich: \u201cQuoted\u201d \u2014 na\u00efve co\u00f6perate \uFB01ne",
          "\u0130stanbul and ISTANBUL and \u0130STANBUL meet \u0130zmir \u0130zmir",
          "<p>Markup &amp; references &#8220;here&#8221; <b>Bold</b> `tick`</p>",
          "Greek \u039f\u0394\u03a5\u03a3\u03a3\u0395\u03a5\u03a3 \u03bf\u03b4\u03c5\u03c3\u03c3\u03b5\u03c5\u03c2",
          "Mixed 3M and Form 10-K digits 1987 Xerox X2 Xerox xerox XEROX",
          "\uD835\uDC00\uD835\uDC01 surrogate letters \uD83D\uDE00 emoji Abc Abc",
          // Latin-1 only (after NFKC), lower-cased char by char in the one-pass scan
          "\u00c9COLE \u00c9cole \u00dcn\u00efon \u00c6r\u00f8 Stra\u00dfe \u00c0\u00d6\u00d8 fa\u00e7ade"
              + " \u00ff \u00d7 \u00f7 Fa\u00e7ade Ma\u00f1ana in Se\u00f1or Mu\u00f1oz's town",
          // one char beyond Latin-1, in a word or between words, or only after NFKC (the micro
          // sign)
          "Se\u00f1or Mu\u00f1oz left \u0130zmir for \u00c6r\u00f8 and Mu\u00f1oz returned",
          "Se\u00f1or Mu\u00f1oz paid \u20ac 40 and \u2116 7 for Mu\u00f1oz \u00c6r\u00f8",
          "\u0178VES Se\u00f1or Mu\u00f1oz weighed 5 \u00b5g at \u00b2 Mu\u00f1oz",
          // ASCII folded straight into chars and scanned without branches per char
          "Acme &lt;ACM&gt; said. Acme Corp's 10-K &amp;lt; &#x41;cme Acme\nReuter\n&#3;",
          "&#96;Quoted&#96; and &#128; and &nbsp; &unknown; Acme Acme",
          "Long " + "Abcdefgh".repeat(40_000) + " words " + "Abcdefgh".repeat(40_000) + "x");

  @Test
  void shouldGiveTheFormerKeysOnReutersTextsAndEdgeCases() throws Exception {
    DedupSettings settings = DedupSettings.defaults();
    ShingleFingerprinter fast = new ShingleFingerprinter(settings);
    LegacyFingerprinter.Fingerprinter former = new LegacyFingerprinter.Fingerprinter(settings);
    List<String> texts = new ArrayList<>(EDGE_CASES);
    if (Files.isRegularFile(ReutersArff.CORN_TRAIN)) {
      texts.addAll(ReutersArff.texts(ReutersArff.CORN_TRAIN));
    }
    Random random = new Random(7);
    int n = 0;
    for (String body : texts) {
      String title =
          n % 3 == 0
              ? null
              : texts.get(random.nextInt(texts.size())).lines().findFirst().orElse("");
      Article a = new Article("a" + n++, null, "s", TIME, "en", title, body, null, TIME, null);
      assertEquals(former.fingerprint(a), fast.fingerprint(a), body);
    }
  }

  @Test
  void shouldGiveTheFormerVerdictsOnReutersTextsAndCopies() throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(ReutersArff.CORN_TRAIN), "weka examples absent");
    DedupSettings settings = DedupSettings.defaults();
    ShingleFingerprinter fingerprinter = new ShingleFingerprinter(settings);
    VerdictDecider fast = new PassageVerdictDecider(settings);
    VerdictDecider former = new LegacyVerdictDecider(settings);
    List<String> texts = ReutersArff.texts(ReutersArff.CORN_TRAIN);
    CopyMaker copies = new CopyMaker(new Random(11));
    Map<String, IndexEntry> index = new HashMap<>();
    int nonUnique = 0;
    for (int i = 0; i < texts.size() * 2; i++) {
      // every other article a copy of a recent one, so copies, syndications and stories all occur
      String body =
          i % 2 == 0
              ? texts.get(i / 2)
              : copies.copy(
                  texts.get(Math.max(0, i / 2 - i % 7)),
                  CopyMaker.Edit.values()[i % 4],
                  i % CopyMaker.boilerplateSites());
      Instant time = TIME.plusSeconds(600L * i);
      Article a = new Article("r" + i, null, "s", time, "en", null, body, null, time, null);
      Fingerprints own = fingerprinter.fingerprint(a);
      IndexEntry claimant = new IndexEntry(a.id(), null, time.toEpochMilli(), own.passageCount());
      List<IndexHit> hits = new ArrayList<>();
      for (String key : own.allKeys()) {
        IndexShard.Claim claim = IndexShard.claim(key, index.get(key), claimant);
        index.put(key, claim.owner());
        claim.hit().ifPresent(hits::add);
      }
      Verdict expected = former.decide(a.id(), time.toEpochMilli(), own, hits);
      assertEquals(expected, fast.decide(a.id(), time.toEpochMilli(), own, hits), a.id());
      nonUnique += expected.status() == DedupStatus.UNIQUE ? 0 : 1;
      if (!expected.storyId().equals(a.id())) {
        for (String key : own.allKeys()) {
          IndexEntry owner = index.get(key);
          if (owner.articleId().equals(a.id())) {
            index.put(key, owner.withStoryId(expected.storyId()));
          }
        }
      }
    }
    assertTrue(nonUnique > texts.size() / 2, "copies found: " + nonUnique);
  }

  @Test
  void shouldGiveTheFormerKeysWithoutAFrequencyTable() {
    DedupSettings settings = DedupSettings.defaults(DocumentFrequencies.empty());
    ShingleFingerprinter fast = new ShingleFingerprinter(settings);
    LegacyFingerprinter.Fingerprinter former = new LegacyFingerprinter.Fingerprinter(settings);
    for (String body : EDGE_CASES) {
      Article a = new Article("e", null, "s", TIME, "en", "A Title Here", body, null, TIME, null);
      assertEquals(former.fingerprint(a), fast.fingerprint(a), body);
    }
  }
}
