package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The document facts of one edition: who it belongs to, which edition, its status and approval. */
@API(status = API.Status.STABLE, since = "0.1")
@Value.Immutable
@JsonSerialize(as = ImmutableMetadata.class)
@JsonDeserialize(as = ImmutableMetadata.class)
@JsonPropertyOrder({"organisation", "title", "shortTitle", "version", "status", "dates", "reviewFrequency",
    "statutoryReview", "approval", "signatories", "revisions"})
public interface Metadata {
  /** A new builder of {@link Metadata}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Metadata}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableMetadata.Builder {
    Builder() {}
  }

  /** The organisation that owns the policy ("Connect Academy Trust"). */
  String organisation();

  /** The policy's title ("Social Media Policy"). */
  String title();

  /** A short title the document prints above its first section ("Social Media"). */
  Optional<String> shortTitle();

  /** This edition's version, e.g. {@code 2016.1}. */
  String version();

  /** Where this edition stands: draft, approved or superseded. */
  Status status();

  /** When this edition was drafted, approved and takes effect. */
  Dates dates();

  /** How often the policy must be reviewed, as an ISO-8601 period ({@code P1Y}). */
  Period reviewFrequency();

  /**
   * The review cycle a law or statutory guidance sets for the policy, when one does ("reviewed
   * annually" by the safeguarding guidance). Where it is stricter than {@link #reviewFrequency()},
   * it decides when a review falls due.
   */
  Optional<StatutoryReview> statutoryReview();

  /** The body that approves the policy and by when. */
  Approval approval();

  /** The offices whose signatures the document carries, in the order they sign. */
  List<Signatory> signatories();

  /** The history of editions, oldest first. */
  List<Revision> revisions();

  /** The dates of an edition. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableDates.class)
  @JsonDeserialize(as = ImmutableDates.class)
  @JsonPropertyOrder({"drafted", "approved", "effective"})
  interface Dates {
    /** A new builder of {@link Dates}. */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link Dates}: set its parts, then {@code build()}. */
    final class Builder extends ImmutableDates.Builder {
      Builder() {}
    }

    /** When this edition was drafted; the document's date. */
    java.time.LocalDate drafted();

    /** When the approving body approved it. */
    Optional<java.time.LocalDate> approved();

    /** When it takes effect. */
    Optional<java.time.LocalDate> effective();
  }

  /** The body that approves the policy, and when the approval is due. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableApproval.class)
  @JsonDeserialize(as = ImmutableApproval.class)
  @JsonPropertyOrder({"body", "due"})
  interface Approval {
    /** A new builder of {@link Approval}. */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link Approval}: set its parts, then {@code build()}. */
    final class Builder extends ImmutableApproval.Builder {
      Builder() {}
    }

    /** The office id of the approving body. */
    String body();

    /** The date (usually a meeting month) by which the body is to review and approve it. */
    Optional<java.time.LocalDate> due();
  }

  /** A review cycle the law sets: how often, and which duty says so. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableStatutoryReview.class)
  @JsonDeserialize(as = ImmutableStatutoryReview.class)
  @JsonPropertyOrder({"every", "source"})
  interface StatutoryReview {
    /** A new builder of {@link StatutoryReview}. */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link StatutoryReview}: set its parts, then {@code build()}. */
    final class Builder extends ImmutableStatutoryReview.Builder {
      Builder() {}
    }

    /** How often the law requires a review, as an ISO-8601 period ({@code P1Y}). */
    Period every();

    /** The source of the duty ("Keeping Children Safe in Education 2016, paragraph 66"). */
    String source();

    /** The cycle in words: "every 1 year", "every 3 years", "every 1 year and 6 months". */
    default String words() {
      return "every " + Wording.period(every());
    }
  }
}
