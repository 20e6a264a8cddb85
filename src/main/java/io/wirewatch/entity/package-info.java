/**
 * Entity tagging: finds people, organisations, places and products in an article and links each to a
 * stable id, so rules can say {@code entity:"Amazon"} and the dashboard can count who is in the news.
 */
package io.wirewatch.entity;
