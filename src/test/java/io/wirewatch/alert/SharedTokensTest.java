package io.wirewatch.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class SharedTokensTest {

  private static final String TEXT =
      "The ÉCOLE's CEO said Σίσυφος İstanbul O'Neil's U.S.A. 3.5% e-mail wi-fi 東京 DŽ x"
          + "y".repeat(300)
          + " end.";

  @Test
  void shouldReplayExactlyWhatEachFieldsAnalyzerProduces() throws IOException {
    Analyzer analyzer = LuceneFields.analyzer();
    SharedTokens shared = new SharedTokens(TEXT);
    for (String field : List.of(LuceneFields.BODY, LuceneFields.BODY_CS)) {
      boolean folded = field.equals(LuceneFields.BODY);
      assertEquals(tokens(analyzer.tokenStream(field, TEXT)), tokens(shared.stream(folded)), field);
    }
  }

  private static List<String> tokens(TokenStream ts) throws IOException {
    List<String> out = new ArrayList<>();
    try (ts) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(
            term
                + "/"
                + posInc.getPositionIncrement()
                + "/"
                + offset.startOffset()
                + "-"
                + offset.endOffset());
      }
      ts.end();
      out.add("end " + offset.endOffset());
    }
    return out;
  }
}
