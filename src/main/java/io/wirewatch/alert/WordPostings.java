package io.wirewatch.alert;

import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.util.BytesRef;

/** The one document's occurrences of one term, with positions and offsets read from the cut. */
final class WordPostings extends PostingsEnum {
  private final CutText cut;
  private int[] words;
  private int doc;
  private int next;
  private int current;

  WordPostings(CutText cut) {
    this.cut = cut;
  }

  /** Starts over on a term whose words in the cut are {@code words}. */
  WordPostings reset(int[] words) {
    this.words = words;
    this.doc = -1;
    this.next = 0;
    this.current = -1;
    return this;
  }

  /** Whether this reads the words of {@code other}: only then can it be reused for it. */
  boolean reads(CutText other) {
    return cut == other;
  }

  @Override
  public int freq() {
    return words.length;
  }

  @Override
  public int nextPosition() {
    current = words[next++];
    return cut.position(current);
  }

  @Override
  public int startOffset() {
    return current < 0 ? -1 : cut.startOffset(current);
  }

  @Override
  public int endOffset() {
    return current < 0 ? -1 : cut.endOffset(current);
  }

  @Override
  public BytesRef getPayload() {
    return null;
  }

  @Override
  public int docID() {
    return doc;
  }

  @Override
  public int nextDoc() {
    doc = OneDoc.next(doc);
    return doc;
  }

  @Override
  public int advance(int target) {
    doc = OneDoc.advance(doc, target);
    return doc;
  }

  @Override
  public long cost() {
    return 1;
  }
}
