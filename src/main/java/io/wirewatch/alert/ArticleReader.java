package io.wirewatch.alert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.ByteVectorValues;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafMetaData;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.VectorEncoding;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SmallFloat;
import org.apache.lucene.util.Version;

/**
 * A read-only index of one article: the term dictionaries and postings (with positions and offsets)
 * of its text fields, and their norms, which is all that rules' queries and their highlights read.
 * It holds what Lucene's {@code MemoryIndex} would for the same fields, without that index's
 * general-purpose hashing into block pools and sorting of every field's terms at freeze time: each
 * text is cut once and its distinct words found once per field ({@link DistinctWords}), and sorted
 * only for the fields some query reads in order ({@link FieldTerms}).
 */
final class ArticleReader extends LeafReader {

  private static final LeafMetaData META =
      new LeafMetaData(Version.LATEST.major, Version.LATEST, null, false);

  private final Map<String, Field> fields = new HashMap<>();
  private final List<FieldInfo> infos = new ArrayList<>();
  private FieldInfos fieldInfos;

  private record Field(DistinctWords words, FieldTerms terms) {}

  /** Adds a field; fields are numbered in the order they are added, as {@code MemoryIndex} does. */
  void add(String name, DistinctWords words) {
    if (fields.putIfAbsent(name, new Field(words, new FieldTerms(words))) != null) {
      throw new IllegalArgumentException("field " + name + " added twice");
    }
    infos.add(
        new FieldInfo(
            name,
            infos.size(),
            false,
            false,
            false,
            IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
            DocValuesType.NONE,
            -1,
            Map.of(),
            0,
            0,
            0,
            0,
            VectorEncoding.FLOAT32,
            VectorSimilarityFunction.EUCLIDEAN,
            false,
            false));
  }

  /** Ends adding fields. */
  ArticleReader freeze() {
    fieldInfos = new FieldInfos(infos.toArray(FieldInfo[]::new));
    return this;
  }

  @Override
  public Terms terms(String field) {
    Field f = fields.get(field);
    return f == null || f.words.cut.size() == 0 ? null : f.terms;
  }

  /** The field's distinct words; null as {@link #terms}. */
  DistinctWords words(String field) {
    Field f = fields.get(field);
    return f == null || f.words.cut.size() == 0 ? null : f.words;
  }

  /** The field's terms in no particular order; null as {@link #terms}. */
  BytesRef[] distinctTerms(String field) {
    Field f = fields.get(field);
    return f == null || f.words.cut.size() == 0 ? null : f.words.terms;
  }

  /** The norm BM25, Lucene's default similarity, stores: the word count less overlaps. */
  @Override
  public NumericDocValues getNormValues(String field) {
    Field f = fields.get(field);
    if (f == null) {
      return null;
    }
    CutText cut = f.words.cut;
    return new OneValue(SmallFloat.intToByte4(cut.size() - cut.overlaps()));
  }

  @Override
  public FieldInfos getFieldInfos() {
    return fieldInfos;
  }

  @Override
  public int numDocs() {
    return 1;
  }

  @Override
  public int maxDoc() {
    return 1;
  }

  @Override
  public LeafMetaData getMetaData() {
    return META;
  }

  @Override
  public CacheHelper getCoreCacheHelper() {
    return null;
  }

  @Override
  public CacheHelper getReaderCacheHelper() {
    return null;
  }

  @Override
  public NumericDocValues getNumericDocValues(String field) {
    return null;
  }

  @Override
  public BinaryDocValues getBinaryDocValues(String field) {
    return null;
  }

  @Override
  public SortedDocValues getSortedDocValues(String field) {
    return null;
  }

  @Override
  public SortedNumericDocValues getSortedNumericDocValues(String field) {
    return null;
  }

  @Override
  public SortedSetDocValues getSortedSetDocValues(String field) {
    return null;
  }

  @Override
  public FloatVectorValues getFloatVectorValues(String field) {
    return null;
  }

  @Override
  public ByteVectorValues getByteVectorValues(String field) {
    return null;
  }

  @Override
  public void searchNearestVectors(
      String field, float[] target, KnnCollector knnCollector, Bits acceptDocs) {}

  @Override
  public void searchNearestVectors(
      String field, byte[] target, KnnCollector knnCollector, Bits acceptDocs) {}

  @Override
  public Bits getLiveDocs() {
    return null;
  }

  @Override
  public PointValues getPointValues(String field) {
    return null;
  }

  @Override
  public void checkIntegrity() {}

  @Override
  public Fields getTermVectors(int docID) {
    return null;
  }

  @Override
  public TermVectors termVectors() {
    return TermVectors.EMPTY;
  }

  @Override
  public void document(int docID, StoredFieldVisitor visitor) {}

  @Override
  public StoredFields storedFields() {
    return new StoredFields() {
      @Override
      public void document(int docID, StoredFieldVisitor visitor) {}
    };
  }

  @Override
  protected void doClose() {}

  /** A norm: one value, for document 0. */
  private static final class OneValue extends NumericDocValues {
    private final long value;
    private int doc = -1;

    OneValue(long value) {
      this.value = value;
    }

    @Override
    public long longValue() {
      return value;
    }

    @Override
    public boolean advanceExact(int target) {
      doc = target;
      return target == 0;
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
}
