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
  public Result stripAndLearn(byte[] state, String body, Instant publishedAt) {
    BoilerplateModel model =
        state == null
            ? new BoilerplateModel(settings)
            : BoilerplateModel.fromBytes(state, settings);
    String stripped = model.strip(body, publishedAt);
    model.learn(body, publishedAt);
    return new Result(stripped, model.toBytes());
  }
}
