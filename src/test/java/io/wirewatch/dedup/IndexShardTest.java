package io.wirewatch.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IndexShardTest {

  private final IndexEntry early = new IndexEntry("a", null, 1000, 10);
  private final IndexEntry late = new IndexEntry("b", null, 2000, 10);

  @Test
  void shouldGiveAnUnownedKeyToItsClaimant() {
    IndexShard.Claim c = IndexShard.claim("k", null, late);
    assertSame(late, c.owner());
    assertTrue(c.hit().isEmpty());
  }

  @Test
  void shouldReportTheEarlierOwnerToALaterClaimant() {
    IndexShard.Claim c = IndexShard.claim("k", early, late);
    assertSame(early, c.owner());
    assertEquals("a", c.hit().orElseThrow().owner().articleId());
  }

  @Test
  void shouldLetAnEarlierArticleArrivingLateTakeTheKey() {
    IndexShard.Claim c = IndexShard.claim("k", late, early);
    assertSame(early, c.owner());
    assertTrue(c.hit().isEmpty());
  }

  @Test
  void shouldNotReportAnArticleToItselfOnReplay() {
    assertTrue(IndexShard.claim("k", early, early).hit().isEmpty());
  }
}
