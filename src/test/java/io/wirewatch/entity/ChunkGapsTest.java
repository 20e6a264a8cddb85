package io.wirewatch.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Chunks.mayJoin, the scan that turns most gaps down before a string is built, against the check it
 * stands in front of, on random gaps made of the characters that check reads: \s whitespace, other
 * controls that trim() cuts, no-break spaces, line breaks and the joining words.
 */
class ChunkGapsTest {

  private static final String[] GAP_PIECES = {
    " ", " ", " ", "  ", "\t", "\n", "\r", "\u000B", "\f", "\u0001", "\u001F", "\u00A0", "of",
    "for", "on", "de", "von", "the", "and", "&", "x", "Of", ",", "-"
  };
  private static final String[] TEXT_PIECES = {
    "Bank", "West", "Health", "Human", "Services", "Center", "Amazon", "IBM", "Maria", "said", "."
  };
  private static final String[] JOINING_GAPS = {
    " of ", " of the ", " and ", " & ", " for ", " on the ", " von ", " "
  };
  private static final Set<String> JOINERS = Set.of("of", "for", "on", "de", "du", "von", "van");

  @Test
  void shouldNeverTurnDownAGapTheOldCheckAccepts() {
    Random random = new Random(21);
    int accepted = 0;
    for (int n = 0; n < 200_000; n++) {
      String gap = randomGap(random);
      String text = "A" + gap + "B";
      boolean may = Chunks.mayJoin(text, 1, 1 + gap.length());
      for (boolean joined : new boolean[] {false, true}) {
        if (oldJoins(gap, joined)) {
          accepted++;
          assertTrue(may, "[" + gap + "] joined=" + joined);
        }
      }
    }
    assertTrue(accepted > 1000, accepted + " gaps accepted");
  }

  @Test
  void shouldExtendChunksAsTheOldCheckDid() {
    Random random = new Random(22);
    int joins = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      int words = 2 + random.nextInt(8);
      for (int i = 0; i < words; i++) {
        sb.append(TEXT_PIECES[random.nextInt(TEXT_PIECES.length)]);
        // half the gaps are ones that join, so that runs of joins and a second "and" occur
        sb.append(
            random.nextBoolean()
                ? JOINING_GAPS[random.nextInt(JOINING_GAPS.length)]
                : randomGap(random));
      }
      String text = sb.toString();
      List<Token> tokens = Tokens.of(text);
      List<Chunks.Chunk> chunks = Chunks.simple(text, tokens);
      for (int first = 0; first < chunks.size(); first++) {
        Chunks.Chunk extended = Chunks.extend(text, tokens, chunks, first);
        assertEquals(oldExtend(text, tokens, chunks, first), extended, text);
        joins += extended.equals(chunks.get(first)) ? 0 : 1;
      }
    }
    assertTrue(joins > 1000, joins + " joins");
  }

  private static String randomGap(Random random) {
    StringBuilder sb = new StringBuilder();
    int pieces = random.nextInt(6);
    for (int i = 0; i < pieces; i++) {
      sb.append(GAP_PIECES[random.nextInt(GAP_PIECES.length)]);
    }
    return sb.toString();
  }

  // Chunks.extend and joins as they were before mayJoin (commit c9310df), kept as an oracle.
  private static Chunks.Chunk oldExtend(
      String text, List<Token> tokens, List<Chunks.Chunk> chunks, int first) {
    Chunks.Chunk current = chunks.get(first);
    int to = current.to();
    boolean joined = false;
    boolean anded = false;
    for (int k = first + 1; k < chunks.size(); k++) {
      Chunks.Chunk next = chunks.get(k);
      String gap = text.substring(tokens.get(to - 1).end(), tokens.get(next.from()).start());
      boolean and = gap.trim().equals("and") || gap.trim().equals("&");
      if (!oldJoins(gap, joined) || and && anded) {
        break;
      }
      joined = true;
      anded |= and;
      to = next.to();
    }
    return new Chunks.Chunk(current.from(), to);
  }

  private static boolean oldJoins(String gap, boolean joined) {
    String[] words = gap.trim().split("\\s+");
    if (gap.indexOf('\n') >= 0 || words.length == 0 || words.length > 2 || !gap.startsWith(" ")) {
      return false;
    }
    String w = words[0];
    if (words.length == 2) {
      return JOINERS.contains(w) && words[1].equals("the");
    }
    return JOINERS.contains(w) || joined && (w.equals("and") || w.equals("&"));
  }
}
