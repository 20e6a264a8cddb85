package io.wirewatch.kafka.dedup;

import io.wirewatch.dedup.BoilerplateModel;
import io.wirewatch.dedup.DedupSettings;
import java.time.Instant;

/**
 * Per-source boilerplate learning with {@link BoilerplateModel}, its state kept as bytes per
 * source.
 */
public final class LearnedBoilerplate implements SourceBoilerplate {

  private final DedupSettings settings;

  public LearnedBoilerplate(DedupSettings settings) {
    this.settings = settings;
  }

  @Override
  public Model fresh() {
    return new Learned(new BoilerplateModel(settings));
  }

  @Override
  public Model read(byte[] state) {
    return new Learned(BoilerplateModel.fromBytes(state, settings));
  }

  private record Learned(BoilerplateModel model) implements Model {

    @Override
    public String stripAndLearn(String body, Instant publishedAt) {
      return model.stripAndLearn(body, publishedAt);
    }

    @Override
    public byte[] toBytes() {
      return model.toBytes();
    }

    @Override
    public byte[] appendix() {
      return model.appendix();
    }
  }
}
