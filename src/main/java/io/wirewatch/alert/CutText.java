package io.wirewatch.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharacterUtils;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A text cut into words once, by the case-preserving analysis, and replayed both as it was cut and
 * case-folded. The folded fields' analysis ({@code StandardAnalyzer}: the same tokenizer, then
 * {@code LowerCaseFilter} and an empty stop filter) differs from the case-preserving one only by
 * the lower-casing, so the replay gives the same terms, positions and offsets as analysing the text
 * twice, for half the tokenizer's work ({@code ArticleDocumentTest} holds the two side by side).
 */
final class CutText {

  private char[] chars;
  private int[] ends;
  private int[] startOffsets;
  private int[] endOffsets;
  private int[] positionIncrements;
  private int size;
  private int finalOffset;
  private int finalPositionIncrement;

  /** Cuts {@code text} with the analysis of the case-preserving field {@code caseField}. */
  CutText(Analyzer analyzer, String caseField, String text) {
    // words are pieces of the text, so their letters fit in its length; English runs about six
    // characters a word with its space, so most texts need no second array
    chars = new char[text.length()];
    int words = text.length() / 5 + 1;
    ends = new int[words];
    startOffsets = new int[words];
    endOffsets = new int[words];
    positionIncrements = new int[words];
    try (TokenStream ts = analyzer.tokenStream(caseField, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        add(term, offset.startOffset(), offset.endOffset(), increment.getPositionIncrement());
      }
      ts.end();
      finalOffset = offset.endOffset();
      finalPositionIncrement = increment.getPositionIncrement();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void add(CharTermAttribute term, int start, int end, int increment) {
    if (size == ends.length) {
      int grown = size * 2;
      ends = Arrays.copyOf(ends, grown);
      startOffsets = Arrays.copyOf(startOffsets, grown);
      endOffsets = Arrays.copyOf(endOffsets, grown);
      positionIncrements = Arrays.copyOf(positionIncrements, grown);
    }
    int from = size == 0 ? 0 : ends[size - 1];
    if (from + term.length() > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, from + term.length()));
    }
    System.arraycopy(term.buffer(), 0, chars, from, term.length());
    ends[size] = from + term.length();
    startOffsets[size] = start;
    endOffsets[size] = end;
    positionIncrements[size] = increment;
    size++;
  }

  /** The words as cut, case preserved. */
  TokenStream asCut() {
    return new Replay(false);
  }

  /** The words lower-cased as {@code LowerCaseFilter} does it. */
  TokenStream folded() {
    return new Replay(true);
  }

  private final class Replay extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment =
        addAttribute(PositionIncrementAttribute.class);
    private final boolean fold;
    private int next;

    Replay(boolean fold) {
      this.fold = fold;
    }

    @Override
    public boolean incrementToken() {
      if (next == size) {
        return false;
      }
      clearAttributes();
      int from = next == 0 ? 0 : ends[next - 1];
      int length = ends[next] - from;
      char[] buffer = term.resizeBuffer(length);
      System.arraycopy(chars, from, buffer, 0, length);
      term.setLength(length);
      if (fold) {
        lowerCase(buffer, length);
      }
      offset.setOffset(startOffsets[next], endOffsets[next]);
      increment.setPositionIncrement(positionIncrements[next]);
      next++;
      return true;
    }

    /**
     * Lower-cases as {@code LowerCaseFilter} does; most news words are plain ASCII, whose letters
     * fold by one subtraction instead of a Unicode table look-up per code point.
     */
    private static void lowerCase(char[] buffer, int length) {
      for (int i = 0; i < length; i++) {
        if (buffer[i] >= 0x80) {
          CharacterUtils.toLowerCase(buffer, 0, length);
          return;
        }
      }
      for (int i = 0; i < length; i++) {
        char c = buffer[i];
        if (c >= 'A' && c <= 'Z') {
          buffer[i] = (char) (c + ('a' - 'A'));
        }
      }
    }

    @Override
    public void end() throws IOException {
      super.end();
      offset.setOffset(finalOffset, finalOffset);
      increment.setPositionIncrement(finalPositionIncrement);
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
    }
  }
}
