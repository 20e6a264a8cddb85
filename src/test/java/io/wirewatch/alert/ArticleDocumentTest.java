package io.wirewatch.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The article index cuts title and body once for both their folded and case-preserving fields; it
 * must hold what analysing each field on its own (as Lucene Monitor does) gives: the same fields in
 * the same order, terms, positions, offsets and norms.
 */
class ArticleDocumentTest {

  private final Analyzer analyzer = LuceneFields.analyzer();

  @Test
  void shouldIndexLikeAnalysingEachFieldAlone() throws IOException {
    assertSameIndex(
        new MatchableArticle(
            "a1",
            "Apple's CEO Meets EU Officials",
            "The U.S. firm Apple Inc. said on Tuesday it would appeal; apple growers, APPLE"
                + " fans and the E.U. disagree. Prices rose 3.5% to $1,200.50 at 10:30 GMT.",
            "Reuters",
            "EN",
            List.of("Q312", "Apple Inc.")));
  }

  @Test
  void shouldIndexUnusualLettersLikeAnalysingEachFieldAlone() throws IOException {
    // dotted capital I, sharp s, final sigma, a letter outside the BMP with a lower case (Deseret),
    // one without (mathematical bold), CJK, emoji, and a word longer than the tokenizer's limit
    String body =
        "İSTANBUL Straße ΟΔΥΣΣΕΥΣ \uD801\uDC00\uD801\uDC01x \uD835\uDC00BC 東京 株式会社 😀 wow "
            + "A".repeat(300)
            + " end";
    assertSameIndex(new MatchableArticle("a2", "", body, null, null, List.of()));
  }

  @Test
  void shouldCutKeywordsLikeTheirAnalysis() throws IOException {
    // keyword fields are cut without running their analyzer: whole values, lower-cased, with the
    // gaps between an entity's several values
    assertSameIndex(
        new MatchableArticle(
            "k1",
            "t",
            "b",
            "İSTANBUL Wire",
            "",
            List.of("Q1", "", "ΟΔΥΣΣΕΥΣ", "Straße \uD801\uDC00X", "  spaced  out ", "Q1")));
  }

  @Test
  void shouldIndexRandomTextLikeAnalysingEachFieldAlone() throws IOException {
    String pool = "aAbBzZ éÉ ßİıΣσς 0123 .,;'-_@#/ \u00A0\t\n東😀\uD801\uDC00";
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      assertSameIndex(
          new MatchableArticle(
              "r" + i,
              randomText(random, pool, 40),
              randomText(random, pool, 600),
              "src",
              "de",
              List.of("k" + i, "K " + i)));
    }
  }

  @Test
  void shouldSeekTermsLikeMemoryIndex() throws IOException {
    // words sharing their first five and eight bytes, which the term dictionary orders and finds
    // by those bytes first, and probes between, before and after them
    String body =
        "international internationally internat interna intern inter Interpol 東京 Ωmega é e"
            + " zzzzzzzzzz zzzzzzzzz zzzzzzzz zzzzz a ab abc abcdefgh abcdefghi abcdefgi";
    MatchableArticle article = new MatchableArticle("s", "", body, null, null, List.of());
    MemoryIndex alone = new MemoryIndex(true, true);
    for (IndexableField field : ArticleDocument.toDocument(article)) {
      alone.addField(field, analyzer);
    }
    TermsEnum expected = leaf(alone).terms(LuceneFields.BODY_CS).iterator();
    TermsEnum actual =
        ArticleDocument.searcher(article, analyzer)
            .getIndexReader()
            .leaves()
            .get(0)
            .reader()
            .terms(LuceneFields.BODY_CS)
            .iterator();
    List<String> probes = new java.util.ArrayList<>(List.of(body.split(" ")));
    probes.addAll(
        List.of(
            "",
            "0",
            "internationa",
            "internationalz",
            "zzzzzzzzzzz",
            "zzzzzz",
            "abcdefgha",
            "abcdefgj",
            "abcdefg",
            "Ω",
            "\uffff",
            "東",
            "东",
            "f",
            "Inter",
            "i"));
    for (String probe : probes) {
      BytesRef term = new BytesRef(probe);
      assertEquals(expected.seekExact(term), actual.seekExact(term), probe);
      TermsEnum.SeekStatus status = expected.seekCeil(term);
      assertEquals(status, actual.seekCeil(term), probe);
      if (status != TermsEnum.SeekStatus.END) {
        assertEquals(expected.term(), actual.term(), probe);
        assertEquals(expected.next(), actual.next(), probe);
      }
    }
  }

  private static String randomText(Random random, String pool, int maxLength) {
    int[] codePoints = pool.codePoints().toArray();
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(maxLength);
    for (int i = 0; i < length; i++) {
      out.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
    }
    return out.toString();
  }

  private void assertSameIndex(MatchableArticle article) throws IOException {
    MemoryIndex alone = new MemoryIndex(true, true);
    for (IndexableField field : ArticleDocument.toDocument(article)) {
      alone.addField(field, analyzer);
    }
    LeafReader expected = leaf(alone);
    LeafReader actual =
        ArticleDocument.searcher(article, analyzer).getIndexReader().leaves().get(0).reader();
    assertEquals(describe(expected), describe(actual), article.id());
  }

  private static LeafReader leaf(MemoryIndex index) {
    index.freeze();
    return index.createSearcher().getIndexReader().leaves().get(0).reader();
  }

  /** Everything a rule's query, its highlights and its scoring could read from the index. */
  private static String describe(LeafReader reader) throws IOException {
    StringBuilder out = new StringBuilder();
    for (FieldInfo info : reader.getFieldInfos()) {
      out.append(info.number).append(' ').append(info.name).append(' ');
      out.append(info.getIndexOptions()).append(" norms ").append(info.hasNorms());
      NumericDocValues norms = reader.getNormValues(info.name);
      if (norms != null && norms.advanceExact(0)) {
        out.append('=').append(norms.longValue());
      }
      out.append('\n');
      Terms terms = reader.terms(info.name);
      if (terms == null) {
        continue;
      }
      out.append(" sums ").append(terms.getSumTotalTermFreq());
      out.append(' ').append(terms.getSumDocFreq()).append('\n');
      TermsEnum te = terms.iterator();
      for (BytesRef term = te.next(); term != null; term = te.next()) {
        out.append(' ').append(term.utf8ToString()).append(':');
        PostingsEnum postings = te.postings(null, PostingsEnum.ALL);
        postings.nextDoc();
        for (int i = 0; i < postings.freq(); i++) {
          int position = postings.nextPosition();
          out.append(' ').append(position).append('[');
          out.append(postings.startOffset()).append(',').append(postings.endOffset()).append(']');
        }
        out.append('\n');
      }
    }
    return out.toString();
  }
}
