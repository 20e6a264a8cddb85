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
 * The words of one field, cut once, with the positions and offsets Lucene's {@code MemoryIndex}
 * gives them: the first word of a field at its position increment minus one, a second value of the
 * field after the analyzer's position and offset gaps. Title and body are cut by the
 * case-preserving analysis and serve both their folded and case-preserving fields: the folded
 * analysis ({@code StandardAnalyzer}: the same tokenizer, then {@code LowerCaseFilter} and an empty
 * stop filter) differs only by the lower-casing ({@link #foldCase}), which {@code
 * ArticleDocumentTest} checks against analysing each field alone.
 */
final class CutText {

  private final Analyzer analyzer;
  private final String field;
  private char[] chars;
  private int[] ends;
  private int[] positions;
  private int[] startOffsets;
  private int[] endOffsets;
  private int size;
  private int overlaps;
  private int lastPosition = -1;
  private int lastOffset;

  /** An empty field {@code field}, cut by that field's analysis. */
  CutText(Analyzer analyzer, String field, int expectedChars) {
    this.analyzer = analyzer;
    this.field = field;
    // words are pieces of the text, so their letters fit in its length; English runs about six
    // characters a word with its space, so most texts need no second array
    chars = new char[Math.max(8, expectedChars)];
    int words = expectedChars / 5 + 1;
    ends = new int[words];
    positions = new int[words];
    startOffsets = new int[words];
    endOffsets = new int[words];
  }

  /** {@code text} cut by the analysis of {@code field}. */
  static CutText of(Analyzer analyzer, String field, String text) {
    CutText cut = new CutText(analyzer, field, text.length());
    cut.add(text);
    return cut;
  }

  /** Adds one more value of the field, after the gaps if words came before. */
  void add(String text) {
    int position = -1;
    int offsetBase = 0;
    if (size > 0) {
      position = lastPosition + analyzer.getPositionIncrementGap(field);
      offsetBase = lastOffset + analyzer.getOffsetGap(field);
    }
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        int step = increment.getPositionIncrement();
        if (step == 0) {
          overlaps++;
        }
        position += step;
        add(
            term.buffer(),
            term.length(),
            position,
            offsetBase + offset.startOffset(),
            offsetBase + offset.endOffset());
      }
      ts.end();
      if (size > 0) {
        lastPosition = position;
        lastOffset = offsetBase + offset.endOffset();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds one more value of a keyword field (source, language, entity key), cut as its analysis
   * ({@code KeywordTokenizer}, then {@code LowerCaseFilter}) cuts it: the whole value as one word,
   * lower-cased, at the next position, its offsets spanning the value. Running the analyzer costs
   * far more than that for such short values, and an article has one per entity.
   */
  void addKeyword(String text) {
    int position = 0;
    int offsetBase = 0;
    if (size > 0) {
      position = lastPosition + analyzer.getPositionIncrementGap(field) + 1;
      offsetBase = lastOffset + analyzer.getOffsetGap(field);
    }
    char[] letters = text.toCharArray();
    foldCase(letters, letters.length);
    add(letters, letters.length, position, offsetBase, offsetBase + text.length());
    lastPosition = position;
    lastOffset = offsetBase + text.length();
  }

  private void add(char[] letters, int length, int position, int start, int end) {
    if (size == ends.length) {
      int grown = size * 2;
      ends = Arrays.copyOf(ends, grown);
      positions = Arrays.copyOf(positions, grown);
      startOffsets = Arrays.copyOf(startOffsets, grown);
      endOffsets = Arrays.copyOf(endOffsets, grown);
    }
    int from = wordStart(size);
    if (from + length > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, from + length));
    }
    System.arraycopy(letters, 0, chars, from, length);
    ends[size] = from + length;
    positions[size] = position;
    startOffsets[size] = start;
    endOffsets[size] = end;
    size++;
  }

  /** How many words. */
  int size() {
    return size;
  }

  /** How many words share the position of the word before (none, for the tokenizers used). */
  int overlaps() {
    return overlaps;
  }

  /** Where word {@code i}'s letters start in {@link #chars()}. */
  int wordStart(int i) {
    return i == 0 ? 0 : ends[i - 1];
  }

  /** Where word {@code i}'s letters end in {@link #chars()}. */
  int wordEnd(int i) {
    return ends[i];
  }

  /** The letters of all words, one after the other. */
  char[] chars() {
    return chars;
  }

  int position(int i) {
    return positions[i];
  }

  int startOffset(int i) {
    return startOffsets[i];
  }

  int endOffset(int i) {
    return endOffsets[i];
  }

  /**
   * Lower-cases as {@code LowerCaseFilter} does; most news words are plain ASCII, whose letters
   * fold by one subtraction instead of a Unicode table look-up per code point.
   */
  static void foldCase(char[] buffer, int length) {
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
}
