/**
 * Entity tagging: finds people, organisations, places and products in an article and links each to
 * a stable id, so rules can say {@code entity:"Amazon"} and the dashboard can count who is in the
 * news.
 *
 * <p>{@link io.wirewatch.entity.EntityTaggers#fromConfigDir} builds the production {@link
 * io.wirewatch.entity.NewsEntityTagger} from {@code config/entities}. It works in three steps, all
 * plain Java: a {@link io.wirewatch.entity.KnowledgeBase} snapshot matches every known name in one
 * Aho-Corasick pass, with word boundaries, a case rule and context words to pick between readings
 * of an ambiguous name; a rule-based recogniser finds unknown people and organisations from
 * capitalised runs plus evidence (first names, role words, words like "Foundation", lists after
 * "groups such as") and gives them ids from their normalised name ({@link
 * io.wirewatch.entity.EntityIds}); a linker then joins short forms to their referent so each entity
 * carries all its mentions. The base grows at run time through {@link
 * io.wirewatch.entity.NewsEntityTagger#add}, without rebuilding it whole.
 *
 * <p>A statistical {@link io.wirewatch.entity.NameFinder} can be plugged in beside the rules: an
 * optional module on the class path (extensions/corenlp, GPL-3.0) that {@link
 * io.wirewatch.entity.NameFinders#discover} finds through {@link java.util.ServiceLoader}, so this
 * package never depends on the model's library. A knowledge-base link wins over the model's reading
 * of the same words.
 */
package io.wirewatch.entity;
