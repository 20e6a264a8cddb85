package io.wirewatch.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BoilerplateModelTest {

  private static final Instant LATER = at(1_000);
  private static final String PROMPT = "Subscribe now for real time updates.";

  private static Instant at(int second) {
    return Instant.parse("2026-04-01T00:00:00Z").plusSeconds(second);
  }

  private static String article(int n) {
    return PROMPT + "\n\nStory number " + n + " happened today.\n\nLeave a reply";
  }

  @Test
  void shouldStripLinesSeenInEnoughArticlesOfTheSource() {
    BoilerplateModel model = new BoilerplateModel(100, 3);
    for (int i = 0; i < 3; i++) {
      model.learn(article(i), at(i));
    }
    assertEquals("\nStory number 9 happened today.\n", model.strip(article(9), LATER));
  }

  @Test
  void shouldKeepLinesSeenInTooFewArticles() {
    BoilerplateModel model = new BoilerplateModel(100, 3);
    model.learn(article(1), at(1));
    model.learn(article(1), at(2));
    assertEquals(article(2), model.strip(article(2), LATER));
  }

  @Test
  void shouldCountALineOncePerArticle() {
    BoilerplateModel model = new BoilerplateModel(100, 3);
    model.learn(PROMPT + "\n" + PROMPT + "\n" + PROMPT, at(3));
    assertEquals(article(2), model.strip(article(2), LATER));
  }

  @Test
  void shouldNeverStripAnArticleToNothing() {
    BoilerplateModel model = new BoilerplateModel(100, 1);
    model.learn(PROMPT, at(4));
    assertEquals(PROMPT, model.strip(PROMPT, LATER));
  }

  @Test
  void shouldForgetLeastRecentlySeenLinesBeyondCapacity() {
    BoilerplateModel model = new BoilerplateModel(3, 2);
    model.learn(PROMPT, at(5));
    model.learn(PROMPT, at(6));
    for (int i = 0; i < 3; i++) {
      model.learn("one-off line " + i, at(10 + i));
    }
    assertEquals(3, model.size());
    assertEquals(PROMPT + "\nkept", model.strip(PROMPT + "\nkept", LATER));
  }

  @Test
  void shouldKeepRecurringBoilerplateWhileOneOffLinesComeAndGo() {
    BoilerplateModel model = new BoilerplateModel(10, 3);
    for (int i = 0; i < 50; i++) {
      model.learn(article(i), at(i));
    }
    assertTrue(model.size() <= 10);
    assertEquals("\nStory number 99 happened today.\n", model.strip(article(99), LATER));
  }

  @Test
  void shouldRoundTripThroughBytes() {
    DedupSettings settings = DedupSettings.defaults(DocumentFrequencies.empty());
    BoilerplateModel model = new BoilerplateModel(settings);
    for (int i = 0; i < 5; i++) {
      model.learn(article(i), at(i));
    }
    BoilerplateModel copy = BoilerplateModel.fromBytes(model.toBytes(), settings);
    assertEquals(model.size(), copy.size());
    assertEquals(model.strip(article(7), LATER), copy.strip(article(7), LATER));
    assertEquals(model.describe(), copy.describe());
  }

  /**
   * Models already in state stores were written through DataOutputStream: the bytes must keep that
   * layout. The test reads them with DataInputStream and writes them again with DataOutputStream.
   */
  @Test
  void shouldKeepTheLayoutOfStoredModels() throws java.io.IOException {
    BoilerplateModel model = new BoilerplateModel(40, 3);
    for (int i = 0; i < 30; i++) {
      model.learn(article(i) + "\nLine " + (i % 7) + " of a series", at(i * 1000));
    }
    byte[] bytes = model.toBytes();
    java.io.DataInputStream in =
        new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes));
    java.io.ByteArrayOutputStream again = new java.io.ByteArrayOutputStream();
    java.io.DataOutputStream out = new java.io.DataOutputStream(again);
    out.writeInt(in.readInt());
    int size = in.readInt();
    out.writeInt(size);
    out.writeLong(in.readLong());
    for (int i = 0; i < size; i++) {
      out.writeLong(in.readLong());
      copyVarLong(in, out);
      int count = in.readUnsignedByte();
      out.writeByte(count);
      for (int j = 0; j < count; j++) {
        copyVarLong(in, out);
      }
    }
    assertEquals(-1, in.read());
    assertEquals(java.util.Arrays.toString(bytes), java.util.Arrays.toString(again.toByteArray()));
    assertTrue(size > 10);
  }

  @Test
  void shouldRefuseTruncatedBytes() {
    BoilerplateModel model = new BoilerplateModel(40, 3);
    model.learn(article(1), at(1));
    byte[] bytes = model.toBytes();
    byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 1);
    DedupSettings settings = DedupSettings.defaults(DocumentFrequencies.empty());
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> BoilerplateModel.fromBytes(cut, settings));
  }

  private static void copyVarLong(java.io.DataInputStream in, java.io.DataOutputStream out)
      throws java.io.IOException {
    int b;
    do {
      b = in.readUnsignedByte();
      out.writeByte(b);
    } while ((b & 0x80) != 0);
  }

  @Test
  void shouldCountOnlyArticlesPublishedBeforeTheOneStripped() {
    BoilerplateModel model = new BoilerplateModel(100, 3);
    for (int i = 0; i < 3; i++) {
      model.learn(article(10 + i), at(10 + i));
    }
    model.learn(article(5), at(5));
    // at second 12 the prompt had been seen at 5, 10 and 11; at second 11 only at 5 and 10
    assertEquals("\nStory number 9 happened today.\n", model.strip(article(9), at(12)));
    assertEquals(article(9), model.strip(article(9), at(11)));
  }

  @Test
  void shouldEndInTheSameStateWhateverTheOrderArticlesArriveIn() {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      order.add(i);
    }
    BoilerplateModel inOrder = learned(order);
    Collections.shuffle(order, new Random(3));
    BoilerplateModel shuffled = learned(order);
    // capacity 40 is exceeded many times over, so lines were forgotten on the way
    assertEquals(40, inOrder.size());
    assertEquals(inOrder.describe(), shuffled.describe());
  }

  @Test
  void shouldStripAndLearnInOnePassAsStripThenLearn() {
    BoilerplateModel onePass = new BoilerplateModel(40, 3);
    BoilerplateModel twoSteps = new BoilerplateModel(40, 3);
    for (int i = 0; i < 60; i++) {
      String body = article(i) + "\nLine " + (i % 7) + " of a series\n\n";
      String expected = twoSteps.strip(body, at(i));
      twoSteps.learn(body, at(i));
      assertEquals(expected, onePass.stripAndLearn(body, at(i)));
    }
    assertEquals(twoSteps.describe(), onePass.describe());
  }

  @Test
  void shouldReadBackTheArticlesAppendedAfterTheLines() {
    DedupSettings settings = DedupSettings.defaults(DocumentFrequencies.empty());
    BoilerplateModel live = new BoilerplateModel(40, 3);
    byte[] stored = null;
    int whole = 0;
    for (int i = 0; i < 100; i++) {
      live.stripAndLearn(article(i) + "\nLine " + (i % 7) + " of a series\nLine " + i, at(i));
      byte[] appendix = live.appendix();
      if (appendix == null) {
        stored = live.toBytes();
        whole++;
      } else {
        byte[] grown = java.util.Arrays.copyOf(stored, stored.length + appendix.length);
        System.arraycopy(appendix, 0, grown, stored.length, appendix.length);
        stored = grown;
      }
      // capacity 40 is exceeded over and over, so replaying must forget as learning did
      BoilerplateModel read = BoilerplateModel.fromBytes(stored, settingsWith(settings, 40, 3));
      assertEquals(live.describe(), read.describe(), "after article " + i);
    }
    // written whole at the start and then once every MAX_APPENDED + 1 articles
    assertEquals(
        (100 + BoilerplateModel.MAX_APPENDED) / (BoilerplateModel.MAX_APPENDED + 1), whole);
  }

  @Test
  void shouldGoOnAppendingToBytesReadBack() {
    DedupSettings settings =
        settingsWith(DedupSettings.defaults(DocumentFrequencies.empty()), 40, 3);
    BoilerplateModel live = new BoilerplateModel(40, 3);
    live.learn(article(1), at(1));
    byte[] stored = live.toBytes();
    live.learn(article(2), at(2));
    byte[] appendix = live.appendix();
    byte[] grown = java.util.Arrays.copyOf(stored, stored.length + appendix.length);
    System.arraycopy(appendix, 0, grown, stored.length, appendix.length);
    BoilerplateModel read = BoilerplateModel.fromBytes(grown, settings);
    read.learn(article(3), at(3));
    live.learn(article(3), at(3));
    byte[] more = read.appendix();
    byte[] again = java.util.Arrays.copyOf(grown, grown.length + more.length);
    System.arraycopy(more, 0, again, grown.length, more.length);
    assertEquals(live.describe(), BoilerplateModel.fromBytes(again, settings).describe());
  }

  @Test
  void shouldDropAModelStoredWithTheOlderLineHash() {
    DedupSettings settings = DedupSettings.defaults(DocumentFrequencies.empty());
    BoilerplateModel model = new BoilerplateModel(settings);
    for (int i = 0; i < 5; i++) {
      model.learn(article(i), at(i));
    }
    byte[] bytes = model.toBytes();
    assertEquals(model.size(), BoilerplateModel.fromBytes(bytes, settings).size());
    // formats 2 and 3: the same layout, lines hashed with FNV-1a
    for (int version = 2; version <= 3; version++) {
      bytes[3] = (byte) version;
      BoilerplateModel read = BoilerplateModel.fromBytes(bytes, settings);
      assertEquals(0, read.size(), "format " + version);
      assertEquals(article(9), read.strip(article(9), LATER));
      // learned again, and written whole (not appended to the bytes read)
      read.learn(article(9), LATER);
      assertEquals(null, read.appendix());
    }
  }

  @Test
  void shouldWriteAModelNeverWrittenWhole() {
    BoilerplateModel model = new BoilerplateModel(40, 3);
    model.learn(article(1), at(1));
    assertEquals(null, model.appendix());
  }

  private static DedupSettings settingsWith(DedupSettings d, int capacity, int minArticles) {
    return d.withBoilerplate(capacity, minArticles);
  }

  private static BoilerplateModel learned(List<Integer> order) {
    BoilerplateModel model = new BoilerplateModel(40, 3);
    for (int i : order) {
      model.learn(article(i) + "\nLine " + (i % 7) + " of a series", at(i));
    }
    return model;
  }
}
