package io.wirewatch.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NewsEntityTaggerTest {

  private static final Lexicon LEXICON =
      new Lexicon(
          Set.of("George", "Nicole", "Maria"),
          Set.of("ring", "amazon", "the", "police", "brother", "apple"),
          Set.of("Foundation", "Union", "Center", "Initiative", "Analytics"),
          Set.of("director", "spokeswoman"),
          Set.of("President", "Mr."),
          Set.of("groups", "organizations"));

  private static final List<KnowledgeBaseEntry> BASE =
      List.of(
          entry("org:amazon", EntityType.ORGANIZATION, "Amazon", List.of(), "police", "aws"),
          entry(
              "loc:amazon-river",
              EntityType.LOCATION,
              "Amazon River",
              List.of("Amazon"),
              "rainforest",
              "brazil",
              "river"),
          entry("org:aws", EntityType.ORGANIZATION, "Amazon Web Services", List.of("AWS")),
          entry("org:ibm", EntityType.ORGANIZATION, "IBM", List.of()),
          entry("product:ring", EntityType.PRODUCT, "Ring", List.of()),
          entry(
              "org:aclu",
              EntityType.ORGANIZATION,
              "American Civil Liberties Union",
              List.of("ACLU")));

  private final NewsEntityTagger tagger = new NewsEntityTagger(KnowledgeBase.of(BASE), LEXICON);

  @Test
  void shouldMatchAcronymsAndAliasesToOneCanonicalEntity() {
    List<TaggedEntity> found =
        tagger.tag("The American Civil Liberties Union sued. The ACLU said so.", 0);

    TaggedEntity aclu = byId(found, "org:aclu");
    assertEquals("American Civil Liberties Union", aclu.name());
    assertEquals(2, aclu.mentions().size());
  }

  @Test
  void shouldReadAnUnknownAllCapsDatelineAsAPlaceNotAnAcronym() {
    List<TaggedEntity> found =
        tagger.tag("VALDORA, March 3 (Northwire) - Dock workers walked out. NATO said nothing.", 0);

    TaggedEntity dateline =
        found.stream().filter(e -> e.name().equals("VALDORA")).findFirst().orElseThrow();
    assertEquals(EntityType.LOCATION, dateline.type());
    assertEquals(
        EntityType.ORGANIZATION,
        found.stream().filter(e -> e.name().equals("NATO")).findFirst().orElseThrow().type());
  }

  @Test
  void shouldRespectCaseSoVerbsAndLowercaseWordsDoNotMatchBrands() {
    List<TaggedEntity> found = tagger.tag("Phones ring at ibm.com while Ring cameras record.", 0);

    assertEquals(Set.of("product:ring"), ids(found));
    assertEquals(1, byId(found, "product:ring").mentions().size());
  }

  @Test
  void shouldPreferTheLongestName() {
    assertEquals(Set.of("org:aws"), ids(tagger.tag("Customers of Amazon Web Services left.", 0)));
  }

  @Test
  void shouldReadAmazonAsTheRiverNearRainforestWords() {
    List<TaggedEntity> river =
        tagger.tag("Fires in Brazil spread along the Amazon and the rainforest burned.", 0);
    List<TaggedEntity> company = tagger.tag("Police used software that Amazon sold to them.", 0);

    assertEquals(EntityType.LOCATION, byId(river, "loc:amazon-river").type());
    assertEquals(EntityType.ORGANIZATION, byId(company, "org:amazon").type());
  }

  @Test
  void shouldJoinSurnameMentionsToTheFullNameAndKeepRelativesApart() {
    List<TaggedEntity> found =
        tagger.tag(
            "Mourners remembered George Floyd in the city. His brother Philonise Floyd spoke, and"
                + " later Floyd was buried.",
            0);

    TaggedEntity george = byId(found, "person:george-floyd");
    assertEquals(1, george.mentions().size());
    assertEquals(2, byId(found, "person:philonise-floyd").mentions().size());
  }

  @Test
  void shouldRecogniseUnknownPeopleAndOrganisationsWithStableIds() {
    List<TaggedEntity> found =
        tagger.tag(
            "The Equal Justice Initiative said so, according to policy director Myaisha Hayes."
                + " Hayes added that groups such as Thorn agreed.",
            0);

    assertEquals(EntityType.ORGANIZATION, byId(found, "org:equal-justice-initiative").type());
    assertEquals(2, byId(found, "person:myaisha-hayes").mentions().size());
    assertEquals(EntityType.ORGANIZATION, byId(found, "org:thorn").type());
  }

  @Test
  void shouldIgnoreCapitalisedWordsWithoutEvidence() {
    List<TaggedEntity> found =
        tagger.tag("Leave A Reply\n\nFight for reform. Local time Monday, Criticism grew.", 0);

    assertTrue(found.isEmpty(), found.toString());
  }

  @Test
  void shouldFindNamesInAHeadlineOnlyWhenTheBodyConfirmsThem() {
    String title = "Maria Lopez Joins Apple Board";
    List<TaggedEntity> found =
        tagger.tag(title + "\n\nThe board welcomed Maria Lopez on Monday.", title.length());

    TaggedEntity maria = byId(found, "person:maria-lopez");
    assertEquals(2, maria.mentions().size());
    assertTrue(maria.salience() > 0.5);
  }

  @Test
  void shouldTagEntriesAddedAtRuntime() {
    String text = "Rekognition was sold to police.";
    assertFalse(ids(tagger.tag(text, 0)).contains("product:rekognition"));

    tagger.add(entry("product:rekognition", EntityType.PRODUCT, "Rekognition", List.of()));
    assertTrue(ids(tagger.tag(text, 0)).contains("product:rekognition"));

    tagger.compact();
    assertTrue(ids(tagger.tag(text, 0)).contains("product:rekognition"));
  }

  @Test
  void shouldLetARuntimeEntryReplaceTheBaseEntryWithItsId() {
    tagger.add(entry("product:ring", EntityType.PRODUCT, "Ring Alarm", List.of()));

    assertFalse(ids(tagger.tag("They sold Ring cameras.", 0)).contains("product:ring"));
  }

  private static KnowledgeBaseEntry entry(
      String id, EntityType type, String name, List<String> aliases, String... context) {
    return new KnowledgeBaseEntry(id, type, name, aliases, List.of(context));
  }

  private static TaggedEntity byId(List<TaggedEntity> found, String id) {
    return found.stream()
        .filter(e -> e.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError(id + " not in " + found));
  }

  private static Set<String> ids(List<TaggedEntity> found) {
    return found.stream().map(TaggedEntity::id).collect(Collectors.toSet());
  }
}
