package io.wirewatch.dedup;

import io.wirewatch.article.Article;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dedup protocol of the Kafka wiring, in one map: per-source boilerplate stripping, key claims
 * under {@link IndexShard#claim}, the decider's verdict, then the story written back to the keys
 * the article owns.
 */
final class InMemoryDedupIndex {

  private final DedupSettings settings;
  private final Fingerprinter fingerprinter;
  private final VerdictDecider decider;
  private final Map<String, IndexEntry> ownerByKey = new HashMap<>();
  private final Map<String, BoilerplateModel> boilerplateBySource = new HashMap<>();

  InMemoryDedupIndex(DedupSettings settings) {
    this.settings = settings;
    this.fingerprinter = new ShingleFingerprinter(settings);
    this.decider = new PassageVerdictDecider(settings);
  }

  Verdict accept(Article article) {
    Fingerprints own = fingerprinter.fingerprint(withoutBoilerplate(article));
    IndexEntry claimant =
        new IndexEntry(article.id(), null, article.eventTime().toEpochMilli(), own.passageCount());
    List<IndexHit> hits = new ArrayList<>();
    List<String> ownedKeys = new ArrayList<>();
    for (String key : own.allKeys()) {
      IndexShard.Claim claim = IndexShard.claim(key, ownerByKey.get(key), claimant);
      ownerByKey.put(key, claim.owner());
      claim.hit().ifPresent(hits::add);
      if (claim.owner().articleId().equals(article.id())) {
        ownedKeys.add(key);
      }
    }
    Verdict verdict = decider.decide(article.id(), claimant.eventTime(), own, hits);
    if (!verdict.storyId().equals(article.id())) {
      for (String key : ownedKeys) {
        ownerByKey.put(key, ownerByKey.get(key).withStoryId(verdict.storyId()));
      }
    }
    return verdict;
  }

  int indexSize() {
    return ownerByKey.size();
  }

  private Article withoutBoilerplate(Article article) {
    BoilerplateModel model =
        boilerplateBySource.computeIfAbsent(
            String.valueOf(article.source()), s -> new BoilerplateModel(settings));
    String body = model.strip(article.body());
    model.learn(article.body());
    return new Article(
        article.id(),
        article.url(),
        article.source(),
        article.publishedAt(),
        article.language(),
        article.title(),
        body,
        article.authors(),
        article.receivedAt(),
        article.warnings());
  }
}
