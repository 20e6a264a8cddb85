package io.wirewatch.corenlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirewatch.entity.EntityType;
import io.wirewatch.entity.FoundName;
import io.wirewatch.entity.NameFinders;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CoreNlpNameFinderTest {

  private static final String TEXT =
      "Police in Orlando tested Amazon's Rekognition, said Myaisha Hayes of Color of Change.\n\n"
          + "Nicole Ozer, a lawyer in San Francisco, said the test ended in June.";

  @Test
  void shouldBeFoundByServiceLoader() {
    assertInstanceOf(CoreNlpNameFinder.class, NameFinders.discover().orElseThrow());
  }

  @Test
  void shouldGiveOffsetsIntoTheTextWithTypes() {
    List<String> found = new ArrayList<>();
    for (FoundName n : LoadedModel.finder().find(TEXT)) {
      found.add(n.type() + " " + TEXT.substring(n.start(), n.end()));
    }
    assertTrue(found.contains("PERSON Myaisha Hayes"), found.toString());
    assertTrue(found.contains("PERSON Nicole Ozer"), found.toString());
    assertTrue(found.contains("LOCATION Orlando"), found.toString());
    assertTrue(found.contains("LOCATION San Francisco"), found.toString());
  }

  @Test
  void shouldFindNothingInTextWithoutNames() {
    assertEquals(List.of(), LoadedModel.finder().find("it rained all day, and then it stopped."));
    assertEquals(List.of(), LoadedModel.finder().find(""));
  }

  @Test
  void shouldKeepOnlyPeopleOrganisationsAndPlaces() {
    assertEquals(EntityType.PERSON, CoreNlpNameFinder.typeOf("PERSON"));
    assertEquals(EntityType.ORGANIZATION, CoreNlpNameFinder.typeOf("ORGANIZATION"));
    assertEquals(EntityType.LOCATION, CoreNlpNameFinder.typeOf("LOCATION"));
    assertNull(CoreNlpNameFinder.typeOf("O"));
    assertNull(CoreNlpNameFinder.typeOf("MISC"));
  }

  @Test
  void shouldGiveTheSameNamesWhenThreadsShareOneFinder() throws Exception {
    CoreNlpNameFinder finder = LoadedModel.finder();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      texts.add(TEXT.repeat(1 + i % 3) + " Maria Lopez spoke in Denver on day " + i + ".");
    }
    List<List<FoundName>> alone = texts.stream().map(finder::find).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<FoundName>>> shared = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (String t : texts) {
          shared.add(pool.submit(() -> finder.find(t)));
        }
      }
      for (int i = 0; i < shared.size(); i++) {
        assertEquals(alone.get(i % texts.size()), shared.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
