package io.wirewatch.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * CueWords.anyWithin against the checks it replaced in NameRecognizer.isListed, on random texts
 * with the cue words at the start, at the end, against punctuation, between tabs and line breaks,
 * and inside longer words ("likely", "unlike").
 */
class CueWordsTest {

  private static final String[] PIECES = {
    "such as",
    "such",
    "as",
    "such  as",
    "including",
    "like",
    "likely",
    "unlike",
    "groups",
    "organizations",
    "Thorn",
    " ",
    " ",
    " ",
    "\t",
    "\n",
    "\r",
    "\u000B",
    "\f",
    "\u00A0",
    ",",
    ".",
    "(",
    ";",
    "x"
  };
  // The cue words between whitespace: what anyWithin promises to find, as a pattern.
  private static final Pattern CUE_WORD = Pattern.compile("\\s(?:such as|including|like)\\s");
  // NameRecognizer's list cue, built as it builds it from a lexicon's cue nouns.
  private static final Pattern LIST_CUE =
      Pattern.compile(
          "\\b(?:"
              + String.join(
                  "|", List.of("groups", "organizations").stream().map(Pattern::quote).toList())
              + ")\\s+(?:such as|including|like)\\s");
  private static final Pattern NOT_A_LIST = Pattern.compile("[.;:!?\\n]");

  @Test
  void shouldFindACueWordInAWindowExactlyWhenThePatternDoes() {
    Random random = new Random(31);
    int found = 0;
    for (int n = 0; n < 20_000; n++) {
      String text = randomText(random);
      CueWords cues = new CueWords(text);
      for (int q = 0; q < 8; q++) {
        int from = q == 0 ? 0 : random.nextInt(text.length() + 1);
        int to = q == 1 ? text.length() : from + random.nextInt(text.length() - from + 1);
        boolean expected = CUE_WORD.matcher(text.substring(from, to)).find();
        assertEquals(expected, cues.anyWithin(from, to), "[" + text + "] " + from + "-" + to);
        found += expected ? 1 : 0;
      }
    }
    assertTrue(found > 2000, found + " windows with a cue");
  }

  @Test
  void shouldDecideListsAsTheContainsCheckDid() {
    Random random = new Random(32);
    int listed = 0;
    for (int n = 0; n < 20_000; n++) {
      String text = randomText(random) + randomText(random);
      CueWords cues = new CueWords(text);
      for (int start = 0; start <= text.length(); start++) {
        int from = Math.max(0, start - 200);
        String before = text.substring(from, start);
        boolean cue = listCueEnds(before);
        if (cue) {
          assertTrue(cues.anyWithin(from, start), "[" + text + "] " + start);
        }
        boolean old = oldIsListed(before);
        assertEquals(old, cues.anyWithin(from, start) && isListedAfterCue(before), text);
        listed += old ? 1 : 0;
      }
    }
    assertTrue(listed > 1000, listed + " listed");
  }

  private static String randomText(Random random) {
    StringBuilder sb = new StringBuilder();
    int pieces = random.nextInt(24);
    for (int i = 0; i < pieces; i++) {
      sb.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return sb.toString();
  }

  private static boolean listCueEnds(String before) {
    return LIST_CUE.matcher(before).find();
  }

  // NameRecognizer.isListed as it was before CueWords (commit c9310df), kept as an oracle.
  private static boolean oldIsListed(String before) {
    if (!before.contains("such as") && !before.contains("including") && !before.contains("like")) {
      return false;
    }
    return isListedAfterCue(before);
  }

  private static boolean isListedAfterCue(String before) {
    Matcher m = LIST_CUE.matcher(before);
    int cueEnd = -1;
    while (m.find()) {
      cueEnd = m.end();
    }
    return cueEnd >= 0 && !NOT_A_LIST.matcher(before.substring(cueEnd)).find();
  }
}
