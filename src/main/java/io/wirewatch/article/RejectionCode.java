package io.wirewatch.article;

/**
 * Why a record on the ingest topic was not accepted; written to the {@code ww.error.code} header.
 */
public enum RejectionCode {
  /** Not JSON, or JSON whose top level is not an object. */
  MALFORMED_JSON,
  /** Avro single-object bytes that do not decode with any known schema version. */
  MALFORMED_AVRO,
  /** A required field ({@code body}) is absent or blank. */
  MISSING_FIELD,
  /** A field has the wrong JSON type, e.g. a number where text belongs. */
  BAD_TYPE,
  /** Larger than the configured limits (body size, document size, nesting depth). */
  TOO_LARGE,
  /** Bytes that are not valid UTF-8. */
  BAD_ENCODING,
  /** A null or zero-length record value. */
  EMPTY,
  /** The article was accepted but a stage failed on it; the original bytes are kept for replay. */
  PROCESSING_ERROR
}
