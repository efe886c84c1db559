package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** An office whose holder signs the document ("Chief Executive Officer", "Chair"). */
@API(status = API.Status.STABLE, since = "0.1")
@Value.Immutable
@JsonSerialize(as = ImmutableSignatory.class)
@JsonDeserialize(as = ImmutableSignatory.class)
public interface Signatory {
  /** A new builder of {@link Signatory}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Signatory}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableSignatory.Builder {
    Builder() {}
  }

  /** The id of the signing office. */
  String office();

  /** A signatory for this office. */
  static Signatory of(String office) {
    return Signatory.builder().office(office).build();
  }
}
