package io.wirewatch.kafka.dedup;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DecodedModelsTest {

  private record Named(String name) implements SourceBoilerplate.Model {
    @Override
    public String stripAndLearn(String body, Instant publishedAt) {
      return body;
    }

    @Override
    public byte[] toBytes() {
      return name.getBytes();
    }

    @Override
    public byte[] appendix() {
      return null;
    }
  }

  private static SourceBoilerplate.Model decoded(byte[] entry) {
    return new Named("decoded " + new String(entry));
  }

  @Test
  void shouldHandBackTheKeptModelWhileTheStoreHoldsWhatItWasWrittenAs() {
    DecodedModels models = new DecodedModels(4);
    Named kept = new Named("kept");
    models.put("wire", new byte[] {1, 2, 3}, kept);
    // an equal entry read back from the store is another array
    assertSame(kept, models.take("wire", new byte[] {1, 2, 3}, DecodedModelsTest::decoded));
  }

  @Test
  void shouldDecodeWhenTheStoreHoldsAnotherEntry() {
    DecodedModels models = new DecodedModels(4);
    Named kept = new Named("kept");
    models.put("wire", new byte[] {1, 2, 3}, kept);
    assertNotSame(kept, models.take("wire", new byte[] {1, 2, 4}, DecodedModelsTest::decoded));
  }

  @Test
  void shouldNotHandTheSameModelOutTwiceBeforeItIsPutBack() {
    DecodedModels models = new DecodedModels(4);
    Named kept = new Named("kept");
    models.put("wire", new byte[] {1}, kept);
    models.take("wire", new byte[] {1}, DecodedModelsTest::decoded);
    // taken and not put back (say its store write failed): decoded from the store again
    assertNotSame(kept, models.take("wire", new byte[] {1}, DecodedModelsTest::decoded));
  }

  @Test
  void shouldKeepOnlyTheSourcesUsedLast() {
    DecodedModels models = new DecodedModels(2);
    Named a = new Named("a");
    models.put("a", new byte[] {1}, a);
    models.put("b", new byte[] {2}, new Named("b"));
    models.put("c", new byte[] {3}, new Named("c"));
    assertNotSame(a, models.take("a", new byte[] {1}, DecodedModelsTest::decoded));
  }
}
