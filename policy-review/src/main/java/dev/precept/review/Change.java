package dev.precept.review;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One change between two editions of a policy. */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
@JsonSerialize(as = ImmutableChange.class)
@JsonPropertyOrder({"kind", "area", "subject", "substantive", "description", "before", "after", "redline"})
public interface Change {
  /** A new builder of {@link Change}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Change}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableChange.Builder {
    Builder() {}
  }

  /** What happened to the thing. */
  enum Kind {
    /** New in this edition. */
    @JsonProperty("added") ADDED,
    /** Gone from this edition. */
    @JsonProperty("removed") REMOVED,
    /** In another section or another place in the order. */
    @JsonProperty("moved") MOVED,
    /** Its words changed. */
    @JsonProperty("reworded") REWORDED,
    /** Something other than its words changed. */
    @JsonProperty("changed") CHANGED
  }

  /** A piece of a word-level redline. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableSegment.class)
  @JsonPropertyOrder({"kind", "text"})
  interface Segment {
    /** A new builder of {@link Segment}. */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link Segment}: set its parts, then {@code build()}. */
    final class Builder extends ImmutableSegment.Builder {
      Builder() {}
    }

    /** Kept, deleted or inserted. */
    enum Kind {
      /** In both editions. */
      @JsonProperty("same") SAME,
      /** Only in the old edition. */
      @JsonProperty("deleted") DELETED,
      /** Only in the new edition. */
      @JsonProperty("inserted") INSERTED
    }

    /** Kept, deleted or inserted. */
    @Value.Parameter
    Kind kind();

    /** The words. */
    @Value.Parameter
    String text();
  }

  /** Added, removed, moved, reworded or changed. */
  Kind kind();

  /** What sort of thing: clause, section, metadata, role, group, office, consequence... */
  String area();

  /** Its id (or the metadata field's name). */
  String subject();

  /** Whether it changes what the policy means; false for whitespace, punctuation or layout only. */
  boolean substantive();

  /** The change in a sentence. */
  String description();

  /** The old value, where one is shown. */
  Optional<String> before();

  /** The new value, where one is shown. */
  Optional<String> after();

  /** For reworded text, the words kept, deleted and inserted. */
  List<Segment> redline();
}
