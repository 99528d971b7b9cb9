package io.reqlens.collector;

/** One thing wrong with a Collector config: what kind, where (a dotted path), and why. */
record Problem(Kind kind, String where, String message) {

  enum Kind {
    /** Not YAML, or a key given twice in one mapping. */
    YAML,
    /** A top-level, service or pipeline key the Collector does not know, or a malformed ID. */
    STRUCTURE,
    /** A component type the index does not list for that kind. */
    UNKNOWN_TYPE,
    /** A deprecated alias where the current type name exists (prefer the current name). */
    DEPRECATED_ALIAS,
    /** A component config its JSON schema rejects. */
    SCHEMA,
    /** A component with no schema to validate against (neither upstream nor hand-written). */
    NO_SCHEMA,
    /** A field the Collector requires but no schema marks as required. */
    REQUIRED,
    /** A pipeline or field naming a component that is not defined (or not enabled). */
    UNDEFINED_REFERENCE,
    /** A defined component no pipeline (or service.extensions) uses. */
    UNUSED,
    /** A component in a pipeline of a signal it does not handle. */
    SIGNAL,
    /** A malformed placeholder, or a bare ${NAME} instead of ${env:NAME}. */
    PLACEHOLDER,
    /** An ${env:NAME} the README section for the file does not mention. */
    UNDOCUMENTED_ENV
  }

  @Override
  public String toString() {
    return kind + " at " + where + ": " + message;
  }
}
