package io.wirewatch.bench;

import io.wirewatch.alert.MatchableArticle;
import io.wirewatch.entity.EntityTagger;
import io.wirewatch.entity.TaggedEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * News articles of about 4 KB made by joining Reuters stories picked at random (with a seed): the
 * first story's upper-case headline is the title, the rest the body.
 */
public final class ArticleGenerator {

  public static final int TARGET_CHARS = 4096;
  private static final List<String> SOURCES =
      List.of("reuters.com", "wire.example", "news.example", "agri.example");

  private ArticleGenerator() {}

  public static List<MatchableArticle> generate(List<String> stories, int count, long seed) {
    Random random = new Random(seed);
    List<MatchableArticle> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String first = stories.get(random.nextInt(stories.size()));
      int split = headlineEnd(first);
      String title = first.substring(0, split).trim();
      StringBuilder body = new StringBuilder(first.substring(split).trim());
      while (body.length() < TARGET_CHARS) {
        body.append("\n\n").append(stories.get(random.nextInt(stories.size())).trim());
      }
      String text = body.length() > TARGET_CHARS + 512 ? cut(body) : body.toString();
      String source = SOURCES.get(random.nextInt(SOURCES.size()));
      out.add(new MatchableArticle("a" + i, title, text, source, "en", List.of()));
    }
    return out;
  }

  /**
   * The same articles with the entity keys the tagging stage would give them (each entity's id and
   * canonical name), so that {@code entity:} rules have something to match.
   */
  public static List<MatchableArticle> withEntities(
      List<MatchableArticle> articles, EntityTagger tagger) {
    List<MatchableArticle> out = new ArrayList<>(articles.size());
    for (MatchableArticle a : articles) {
      List<String> keys = new ArrayList<>();
      for (TaggedEntity e : tagger.tag(a.title() + "\n\n" + a.body(), a.title().length())) {
        keys.add(e.id());
        keys.add(e.name());
      }
      out.add(new MatchableArticle(a.id(), a.title(), a.body(), a.source(), a.language(), keys));
    }
    return out;
  }

  /** Reuters stories open with an upper-case headline run straight into the body. */
  static int headlineEnd(String story) {
    String[] words = story.split(" ", -1);
    int at = 0;
    for (String w : words) {
      boolean upper = !w.isEmpty() && w.equals(w.toUpperCase(java.util.Locale.ROOT));
      if (!upper || w.contains("\n")) {
        break;
      }
      at += w.length() + 1;
    }
    return Math.min(at, story.length());
  }

  private static String cut(StringBuilder body) {
    int end = TARGET_CHARS + 512;
    while (end < body.length() && !Character.isWhitespace(body.charAt(end))) {
      end++;
    }
    return body.substring(0, end);
  }
}
