package io.wirewatch.alert;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.CharacterUtils;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * One text cut into words once, then replayed for both of its fields: as cut for the
 * case-preserving field ({@code body_cs}: StandardTokenizer alone) and lower-cased for the folded
 * one ({@code body}: StandardAnalyzer, which is StandardTokenizer then LowerCaseFilter, with no
 * stop words). The two fields then hold exactly what their analyzers would have produced, for half
 * the tokenizing.
 */
final class SharedTokens {

  private char[][] terms = new char[64][];
  private int[] positionIncrements = new int[64];
  private int[] starts = new int[64];
  private int[] ends = new int[64];
  private int size;
  private int finalOffset;

  SharedTokens(String text) {
    try (StandardTokenizer tokenizer = new StandardTokenizer()) {
      CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute posInc = tokenizer.addAttribute(PositionIncrementAttribute.class);
      tokenizer.setReader(new StringReader(text));
      tokenizer.reset();
      while (tokenizer.incrementToken()) {
        if (size == terms.length) {
          grow();
        }
        terms[size] = Arrays.copyOf(term.buffer(), term.length());
        positionIncrements[size] = posInc.getPositionIncrement();
        starts[size] = offset.startOffset();
        ends[size] = offset.endOffset();
        size++;
      }
      tokenizer.end();
      finalOffset = offset.endOffset();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The words as cut, or lower-cased as LowerCaseFilter does. */
  TokenStream stream(boolean lowerCase) {
    return new Replay(lowerCase);
  }

  private void grow() {
    int n = terms.length * 2;
    terms = Arrays.copyOf(terms, n);
    positionIncrements = Arrays.copyOf(positionIncrements, n);
    starts = Arrays.copyOf(starts, n);
    ends = Arrays.copyOf(ends, n);
  }

  private final class Replay extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posInc =
        addAttribute(PositionIncrementAttribute.class);
    private final boolean lowerCase;
    private int next;

    Replay(boolean lowerCase) {
      this.lowerCase = lowerCase;
    }

    @Override
    public boolean incrementToken() {
      if (next == size) {
        return false;
      }
      clearAttributes();
      char[] t = terms[next];
      term.copyBuffer(t, 0, t.length);
      if (lowerCase) {
        CharacterUtils.toLowerCase(term.buffer(), 0, term.length());
      }
      posInc.setPositionIncrement(positionIncrements[next]);
      offset.setOffset(starts[next], ends[next]);
      next++;
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      offset.setOffset(finalOffset, finalOffset);
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
    }
  }
}
