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
public final class InMemoryDedupIndex {

  private final DedupSettings settings;
  private final Fingerprinter fingerprinter;
  private final VerdictDecider decider;
  private final Map<String, IndexEntry> ownerByKey = new HashMap<>();
  private final Map<String, BoilerplateModel> boilerplateBySource = new HashMap<>();

  public InMemoryDedupIndex(DedupSettings settings) {
    this.settings = settings;
    this.fingerprinter = new ShingleFingerprinter(settings);
    this.decider = new PassageVerdictDecider(settings);
  }

  public Verdict accept(Article article) {
    Claimed claimed = claim(article);
    Verdict verdict = decide(claimed);
    assignStory(claimed, verdict);
    return verdict;
  }

  /**
   * Articles that reach the shards together, as a burst does within one settle window: every
   * article claims its keys (in event-time order) before any verdict's story is written back.
   */
  public Map<String, Verdict> acceptBurst(List<Article> burst) {
    List<Claimed> claims =
        burst.stream()
            .sorted(java.util.Comparator.comparing(Article::eventTime).thenComparing(Article::id))
            .map(this::claim)
            .toList();
    Map<String, Verdict> verdicts = new java.util.LinkedHashMap<>();
    for (Claimed c : claims) {
      verdicts.put(c.article().id(), decide(c));
    }
    for (Claimed c : claims) {
      assignStory(c, verdicts.get(c.article().id()));
    }
    return verdicts;
  }

  private record Claimed(
      Article article,
      Fingerprints own,
      IndexEntry claimant,
      List<IndexHit> hits,
      List<String> ownedKeys) {}

  private Claimed claim(Article article) {
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
    return new Claimed(article, own, claimant, hits, ownedKeys);
  }

  private Verdict decide(Claimed c) {
    return decider.decide(c.article().id(), c.claimant().eventTime(), c.own(), c.hits());
  }

  private void assignStory(Claimed c, Verdict verdict) {
    if (!verdict.storyId().equals(c.article().id())) {
      for (String key : c.ownedKeys()) {
        IndexEntry owner = ownerByKey.get(key);
        if (owner.articleId().equals(c.article().id())) {
          ownerByKey.put(key, owner.withStoryId(verdict.storyId()));
        }
      }
    }
  }

  int indexSize() {
    return ownerByKey.size();
  }

  private Article withoutBoilerplate(Article article) {
    BoilerplateModel model =
        boilerplateBySource.computeIfAbsent(
            String.valueOf(article.source()), s -> new BoilerplateModel(settings));
    String body = model.strip(article.body(), article.eventTime());
    model.learn(article.body(), article.eventTime());
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
