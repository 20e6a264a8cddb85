package io.wirewatch.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoilerplateModelTest {

  private static final String PROMPT = "Subscribe now for real time updates.";

  private static String article(int n) {
    return PROMPT + "\n\nStory number " + n + " happened today.\n\nLeave a reply";
  }

  @Test
  void shouldStripLinesSeenInEnoughArticlesOfTheSource() {
    BoilerplateModel model = new BoilerplateModel(100, 3);
    for (int i = 0; i < 3; i++) {
      model.learn(article(i));
    }
    assertEquals("\nStory number 9 happened today.\n", model.strip(article(9)));
  }

  @Test
  void shouldKeepLinesSeenInTooFewArticles() {
    BoilerplateModel model = new BoilerplateModel(100, 3);
    model.learn(article(1));
    model.learn(article(1));
    assertEquals(article(2), model.strip(article(2)));
  }

  @Test
  void shouldCountALineOncePerArticle() {
    BoilerplateModel model = new BoilerplateModel(100, 3);
    model.learn(PROMPT + "\n" + PROMPT + "\n" + PROMPT);
    assertEquals(article(2), model.strip(article(2)));
  }

  @Test
  void shouldNeverStripAnArticleToNothing() {
    BoilerplateModel model = new BoilerplateModel(100, 1);
    model.learn(PROMPT);
    assertEquals(PROMPT, model.strip(PROMPT));
  }

  @Test
  void shouldForgetLeastRecentlySeenLinesBeyondCapacity() {
    BoilerplateModel model = new BoilerplateModel(3, 2);
    model.learn(PROMPT);
    model.learn(PROMPT);
    for (int i = 0; i < 3; i++) {
      model.learn("one-off line " + i);
    }
    assertEquals(3, model.size());
    assertEquals(PROMPT + "\nkept", model.strip(PROMPT + "\nkept"));
  }

  @Test
  void shouldKeepRecurringBoilerplateWhileOneOffLinesComeAndGo() {
    BoilerplateModel model = new BoilerplateModel(10, 3);
    for (int i = 0; i < 50; i++) {
      model.learn(article(i));
    }
    assertTrue(model.size() <= 10);
    assertEquals("\nStory number 99 happened today.\n", model.strip(article(99)));
  }

  @Test
  void shouldRoundTripThroughBytes() {
    DedupSettings settings = DedupSettings.defaults(DocumentFrequencies.empty());
    BoilerplateModel model = new BoilerplateModel(settings);
    for (int i = 0; i < 5; i++) {
      model.learn(article(i));
    }
    BoilerplateModel copy = BoilerplateModel.fromBytes(model.toBytes(), settings);
    assertEquals(model.size(), copy.size());
    assertEquals(model.strip(article(7)), copy.strip(article(7)));
    assertEquals(
        java.util.Arrays.toString(model.toBytes()), java.util.Arrays.toString(copy.toBytes()));
  }
}
