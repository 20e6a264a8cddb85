package io.wirewatch.corenlp;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.Triple;
import io.wirewatch.entity.EntityType;
import io.wirewatch.entity.FoundName;
import io.wirewatch.entity.NameFinder;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Stanford CoreNLP's CRF name tagger with its {@code english.all.3class.distsim} model (people,
 * organisations, places; trained on CoNLL, MUC and ACE newswire), which the core finds through
 * {@link java.util.ServiceLoader}. CoreNLP's own tokenizer reads the text, so offsets are character
 * offsets into the text given. One classifier serves every thread: classification only reads its
 * weights.
 */
public final class CoreNlpNameFinder implements NameFinder {

  /** Where GATE's CoreNLP plugin jar keeps the model. */
  static final String MODEL = "resources/english.all.3class.distsim.crf.ser.gz";

  private final CRFClassifier<CoreLabel> classifier;

  /** Loads the model from the class path: a few seconds and about 140 MB of heap. */
  public CoreNlpNameFinder() {
    this.classifier = load(MODEL);
  }

  @Override
  public List<FoundName> find(String text) {
    Objects.requireNonNull(text, "text can't be null");
    List<FoundName> names = new ArrayList<>();
    for (Triple<String, Integer, Integer> t : classifier.classifyToCharacterOffsets(text)) {
      EntityType type = typeOf(t.first());
      if (type != null && t.second() < t.third()) {
        names.add(new FoundName(t.second(), t.third(), type));
      }
    }
    return names;
  }

  @Override
  public String describe() {
    return "Stanford CoreNLP CRF (" + MODEL.substring(MODEL.lastIndexOf('/') + 1) + ")";
  }

  /** The model's labels; anything else (a model with more classes) is not a name we keep. */
  static EntityType typeOf(String label) {
    return switch (label) {
      case "PERSON" -> EntityType.PERSON;
      case "ORGANIZATION" -> EntityType.ORGANIZATION;
      case "LOCATION" -> EntityType.LOCATION;
      default -> null;
    };
  }

  private static CRFClassifier<CoreLabel> load(String resource) {
    InputStream raw = CoreNlpNameFinder.class.getClassLoader().getResourceAsStream(resource);
    if (raw == null) {
      throw new IllegalStateException(
          resource
              + " is not on the class path: the module needs"
              + " uk.ac.gate.plugins:stanford-corenlp:8.5.1 in its lib/");
    }
    try (InputStream in = new GZIPInputStream(new BufferedInputStream(raw, 1 << 16))) {
      return CRFClassifier.getClassifier(in);
    } catch (IOException e) {
      throw new UncheckedIOException("can't read " + resource, e);
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new IllegalStateException(resource + " is not a CRF classifier of this CoreNLP", e);
    }
  }
}
