package io.wirewatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirewatch.article.Article;
import io.wirewatch.dedup.DedupSettings;
import io.wirewatch.dedup.DedupStatus;
import io.wirewatch.dedup.Fingerprints;
import io.wirewatch.dedup.PassageVerdictDecider;
import io.wirewatch.dedup.ShingleFingerprinter;
import io.wirewatch.dedup.Verdict;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryDedupIndexTest {

  private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");
  private static final String BODY =
      "The central bank raised its key interest rate by half a point on Tuesday, the third"
          + " increase this year, citing inflation that has stayed above its target for months.\n\n"
          + "Economists had expected a smaller move. The bank said further increases were likely"
          + " if prices kept rising, and that it would watch wages and energy costs closely.\n\n"
          + "Shares of lenders rose after the announcement while the currency gained against the"
          + " dollar, traders said, as markets priced in a longer period of tight policy.";

  private final DedupSettings settings = DedupSettings.defaults();
  private final ShingleFingerprinter fingerprinter = new ShingleFingerprinter(settings);
  private final InMemoryDedupIndex index =
      new InMemoryDedupIndex(new PassageVerdictDecider(settings));

  private Verdict decide(String id, long minutes, String body) {
    Instant t = T0.plusSeconds(60 * minutes);
    Article a = new Article(id, null, "wire", t, "en", "Rates", body, null, t, null);
    Fingerprints fp = fingerprinter.fingerprint(a);
    return index.decide(id, t.toEpochMilli(), fp);
  }

  @Test
  void shouldFindTheEarlierArticleACopyRepeats() {
    Verdict first = decide("first", 0, BODY);
    int keys = index.keys();
    Verdict copy = decide("copy", 5, BODY);
    assertEquals(DedupStatus.UNIQUE, first.status());
    assertTrue(keys > 0, "the first article owns its keys");
    assertEquals(keys, index.keys(), "a copy claims no key an earlier article owns");
    assertEquals(DedupStatus.DUPLICATE, copy.status());
    assertEquals("first", copy.canonicalId());
    assertEquals(first.storyId(), copy.storyId(), "the copy joins the first one's story");
  }

  @Test
  void shouldLeaveUnrelatedArticlesUnique() {
    decide("first", 0, BODY);
    Verdict other =
        decide(
            "other",
            5,
            "Heavy rain flooded low-lying districts of the capital overnight, closing schools and"
                + " several roads.\n\nEmergency crews pumped water from basements while the weather"
                + " service warned of more storms before the weekend.");
    assertEquals(DedupStatus.UNIQUE, other.status());
    assertEquals("other", other.canonicalId());
  }
}
