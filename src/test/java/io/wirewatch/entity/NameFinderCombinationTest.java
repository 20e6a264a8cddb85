package io.wirewatch.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** How a statistical name finder's names combine with the knowledge base, without a real model. */
class NameFinderCombinationTest {

  private static final Lexicon LEXICON =
      new Lexicon(
          Set.of("Nicole"),
          Set.of("the", "police", "later"),
          Set.of("Union"),
          Set.of("director"),
          Set.of("President"),
          Set.of("groups"));

  private static final List<KnowledgeBaseEntry> BASE =
      List.of(
          new KnowledgeBaseEntry(
              "org:amazon", EntityType.ORGANIZATION, "Amazon", List.of(), List.of()),
          new KnowledgeBaseEntry(
              "loc:new-york", EntityType.LOCATION, "New York", List.of(), List.of()));

  /** Finds every occurrence of the names it is given, as a model would tag them. */
  private record FixedFinder(Map<String, EntityType> names) implements NameFinder {
    @Override
    public List<FoundName> find(String text) {
      List<FoundName> found = new ArrayList<>();
      names.forEach(
          (name, type) -> {
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
              found.add(new FoundName(at, at + name.length(), type));
            }
          });
      return found;
    }

    @Override
    public String describe() {
      return "fixed names";
    }
  }

  @Test
  void shouldGiveNamesInNoListAStableIdFromNameAndType() {
    List<TaggedEntity> found =
        tagger(Map.of("Orvalis Maritime", EntityType.ORGANIZATION))
            .tag("Dock workers at Orvalis Maritime walked out.", 0);

    assertEquals(Set.of("org:orvalis-maritime"), ids(found));
  }

  @Test
  void shouldKeepTheKnowledgeBaseLinkWhenTheModelTagsTheSameNameOtherwise() {
    List<TaggedEntity> found =
        tagger(Map.of("Amazon", EntityType.LOCATION)).tag("Amazon said police used it.", 0);

    assertEquals(Set.of("org:amazon"), ids(found));
    assertEquals(EntityType.ORGANIZATION, found.get(0).type());
  }

  @Test
  void shouldPreferALongerModelNameAroundAKnownOne() {
    List<TaggedEntity> found =
        tagger(Map.of("New York University", EntityType.ORGANIZATION))
            .tag("She teaches at New York University now.", 0);

    assertEquals(Set.of("org:new-york-university"), ids(found));
  }

  @Test
  void shouldDropAModelNameThatCutsAcrossAKnownOne() {
    List<TaggedEntity> found =
        tagger(Map.of("York Harbour", EntityType.LOCATION)).tag("Ships left New York Harbour.", 0);

    assertEquals(Set.of("loc:new-york"), ids(found));
  }

  @Test
  void shouldTakeTheNameAfterAPossessive() {
    List<TaggedEntity> found =
        tagger(Map.of("Amazon's Black Employee Network", EntityType.ORGANIZATION))
            .tag("Amazon's Black Employee Network spoke.", 0);

    assertEquals(Set.of("org:amazon", "org:black-employee-network"), ids(found));
  }

  @Test
  void shouldIgnoreModelNamesInATitleCaseTitleButLinkThemFromTheBody() {
    String title = "Police Halt Use Of Face Scans, Says Maria Lopez";
    String text = title + "\n\nThe ban was welcomed by Maria Lopez, a lawyer.";
    List<TaggedEntity> found =
        tagger(Map.of("Police Halt", EntityType.ORGANIZATION, "Maria Lopez", EntityType.PERSON))
            .tag(text, title.length());

    assertEquals(Set.of("person:maria-lopez"), ids(found));
    assertEquals(2, found.get(0).mentions().size());
  }

  @Test
  void shouldJoinASurnameTheModelTaggedAloneToTheFullName() {
    List<TaggedEntity> found =
        tagger(Map.of("Nicole Ozer", EntityType.PERSON, "Ozer", EntityType.PERSON))
            .tag("Nicole Ozer spoke first. Later Ozer said more.", 0);

    assertEquals(Set.of("person:nicole-ozer"), ids(found));
    assertEquals(2, found.get(0).mentions().size());
  }

  @Test
  void shouldRefuseANameBeyondTheText() {
    NameFinder broken =
        new NameFinder() {
          @Override
          public List<FoundName> find(String text) {
            return List.of(new FoundName(0, text.length() + 5, EntityType.PERSON));
          }

          @Override
          public String describe() {
            return "broken";
          }
        };
    NewsEntityTagger tagger =
        new NewsEntityTagger(KnowledgeBase.of(BASE), LEXICON, Optional.of(broken));

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> tagger.tag("Short text.", 0));
    assertTrue(e.getMessage().contains("broken"), e.getMessage());
  }

  private static NewsEntityTagger tagger(Map<String, EntityType> names) {
    return new NewsEntityTagger(
        KnowledgeBase.of(BASE), LEXICON, Optional.of(new FixedFinder(names)));
  }

  private static Set<String> ids(List<TaggedEntity> found) {
    return found.stream().map(TaggedEntity::id).collect(Collectors.toSet());
  }
}
