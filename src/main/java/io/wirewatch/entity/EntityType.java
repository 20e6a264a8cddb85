package io.wirewatch.entity;

/** The kinds of referent wirewatch tags. */
public enum EntityType {
  PERSON,
  ORGANIZATION,
  LOCATION,
  PRODUCT,
  EVENT,
  MISC
}
