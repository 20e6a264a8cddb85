package io.wirewatch.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The production tagger (config/entities) on a few texts written for this test, with the entities
 * the build before the tagger speed-ups (c9310df) gave: ids, types and every mention's offsets and
 * text, one line per entity in the tagger's order. The expected lines were printed by that build's
 * classes, not by the code under test; where they look wrong (Maria Okonkwo as "person:okonkwo")
 * they are the old behaviour, which the speed-ups had to keep. One line changed since, with the
 * knowledge base rather than the code: "New York" is New York City (an alias added to cities.tsv),
 * where the base build read "York" (England) inside it.
 */
class NewsEntityTaggerGoldenTest {

  private static final NewsEntityTagger TAGGER =
      EntityTaggers.fromConfigDir(Path.of("config/entities"));

  @Test
  void shouldTagText1AsTheBaseBuildDid() {
    assertGolden(
        "Harbour Workers Strike Across Three Ports",
        "Harbour Workers Strike Across Three Ports\n\nDock workers in "
            + "Rotterdam and Hamburg walked out on Monday. The union said Amazon and "
            + "IBM had\tmoved freight elsewhere. Maria Okonkwo, a spokeswoman for "
            + "the Department of Health and Human Services, declined to "
            + "comment.\nMr. Okonkwo's brother disagreed.",
        List.of(
            "geonames:2747891|LOCATION|59-68:Rotterdam",
            "geonames:2911298|LOCATION|73-80:Hamburg",
            "org:amazon|ORGANIZATION|118-124:Amazon",
            "org:ibm|ORGANIZATION|129-132:IBM",
            "person:okonkwo|PERSON|168-175:Okonkwo|265-272:Okonkwo"));
  }

  @Test
  void shouldTagText2AsTheBaseBuildDid() {
    assertGolden(
        "",
        "Groups such as Open Harbour Alliance, Tidewater Analytics and the "
            + "Lumen Foundation wrote to Brussels.\tLike others, Bank of the West "
            + "stayed quiet. Officials including Jonas Veldkamp met in Geneva: "
            + "Veldkamp said the talks in Lisbon went well.",
        List.of(
            "org:open-harbour-alliance|ORGANIZATION|15-36:Open Harbour Alliance",
            "org:tidewater-analytics|ORGANIZATION|38-57:Tidewater Analytics",
            "org:lumen-foundation|ORGANIZATION|66-82:Lumen Foundation",
            "geonames:2800866|LOCATION|92-100:Brussels",
            "person:jonas-veldkamp|PERSON|166-180:Jonas Veldkamp|196-204:Veldkamp",
            "geonames:2267057|LOCATION|223-229:Lisbon"));
  }

  @Test
  void shouldTagText3AsTheBaseBuildDid() {
    assertGolden(
        "Apple Shares Fall",
        "Apple Shares Fall\n\nApple shares fell 3% in New York after the "
            + "Securities and Exchange Commission opened an inquiry. J. Ramirez, who "
            + "runs the Portland office of Orbis Freight, said\nthe Amazon "
            + "rainforest fires had hurt suppliers in Brazil. NATO and the ACLU were "
            + "not involved.",
        List.of(
            "geonames:5128581|LOCATION|43-51:New York",
            "org:sec|ORGANIZATION|62-96:Securities and Exchange Commission",
            "geonames:5746545|LOCATION|141-149:Portland",
            "org:orbis|ORGANIZATION|160-165:Orbis",
            "loc:amazon-rainforest|LOCATION|184-201:Amazon rainforest",
            "iso3166:BRA|LOCATION|230-236:Brazil",
            "org:nato|ORGANIZATION|238-242:NATO",
            "org:aclu|ORGANIZATION|251-255:ACLU"));
  }

  @Test
  void shouldTagText4AsTheBaseBuildDid() {
    assertGolden(
        "",
        "organizations such as\nKelp Works and Sunfield Energy joined. Nobody "
            + "likely noticed Ring cameras in Chicago. The World Health Organization "
            + "(WHO) warned Nigeria and Kenya; Dr. Amara Diallo of Lagos agreed.",
        List.of(
            "org:kelp-works|ORGANIZATION|22-32:Kelp Works",
            "org:sunfield-energy|ORGANIZATION|37-52:Sunfield Energy",
            "product:ring|PRODUCT|83-87:Ring",
            "geonames:4887398|LOCATION|99-106:Chicago",
            "org:who|ORGANIZATION|112-137:World Health Organization|139-142:WHO",
            "iso3166:NGA|LOCATION|151-158:Nigeria",
            "iso3166:KEN|LOCATION|163-168:Kenya",
            "person:amara-diallo|PERSON|174-186:Amara Diallo",
            "geonames:2332459|LOCATION|190-195:Lagos"));
  }

  @Test
  void shouldLeaveNewYorkInsideLongerNamesToThoseNames() {
    List<String> ids = new ArrayList<>();
    TAGGER
        .tag("Shares fell on the New York Stock Exchange, The New York Times reported from NYC.", 0)
        .forEach(e -> ids.add(e.id()));
    assertEquals(
        List.of("org:new-york-stock-exchange", "org:nyt", "geonames:5128581"), ids, ids.toString());
  }

  @Test
  void shouldReadNewYorkStateAsTheStateInEitherSpelling() {
    List<String> ids = new ArrayList<>();
    TAGGER
        .tag("Farmers in New York state and New York State asked New York for help.", 0)
        .forEach(e -> ids.add(e.id() + " " + e.mentions().size()));
    assertEquals(List.of("loc:us-state:new-york-state 2", "geonames:5128581 1"), ids);
  }

  private static void assertGolden(String title, String text, List<String> expected) {
    List<String> found = new ArrayList<>();
    for (TaggedEntity e : TAGGER.tag(text, title.length())) {
      StringBuilder line = new StringBuilder(e.id() + "|" + e.type());
      for (Mention m : e.mentions()) {
        line.append('|').append(m.start()).append('-').append(m.end()).append(':').append(m.text());
      }
      found.add(line.toString());
    }
    assertEquals(expected, found, text);
  }
}
