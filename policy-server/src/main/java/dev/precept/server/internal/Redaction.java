package dev.precept.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precept.model.FactType;
import dev.precept.model.Policy;
import dev.precept.server.PersonalData;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What of an incident is personal, and how the log keeps it. Personal: the person's roster id, the
 * incident's summary, and the facts and attributes whose type is free text (a name, a pupil's
 * identifier, what was posted). Redacted, each is replaced by {@code hmac:<hex>} under the
 * server's personal-data key; the same value always gives the same hash, so "all decisions about
 * this person" can still be asked by someone holding the key.
 */
public final class Redaction {
  private final PersonalData mode;
  private final byte[] key;
  /** One keyed-hash engine a thread, made once (making one costs more than hashing a name). */
  private final ThreadLocal<Mac> macs;
  /** The free-text names of the policy last redacted under (compared by identity: a policy is immutable). */
  private volatile FreeText last;

  private record FreeText(Policy policy, List<String> attributes, List<String> facts) {}

  /** Redaction in this mode with this key. */
  public Redaction(PersonalData mode, byte[] key) {
    this.mode = mode;
    this.key = key.clone();
    this.macs = ThreadLocal.withInitial(() -> {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
        return mac;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** The mode. */
  public PersonalData mode() {
    return mode;
  }

  /** How a personal value is stored. */
  public String value(String clear) {
    return mode == PersonalData.CLEAR ? clear
        : "hmac:" + HexFormat.of().formatHex(macs.get().doFinal(clear.getBytes(StandardCharsets.UTF_8)));
  }

  /** The reference to a person stored with a decision, and used to find their decisions. */
  public Optional<String> personRef(Optional<String> personId) {
    return personId.map(this::value);
  }

  /** The incident as the log keeps it: a copy with each personal value redacted. */
  public ObjectNode incident(ObjectNode incident, Policy policy) {
    ObjectNode copy = incident.deepCopy();
    if (mode == PersonalData.CLEAR) {
      return copy;
    }
    FreeText names = freeText(policy);
    redact(copy, "summary");
    JsonNode person = copy.path("person");
    if (person instanceof ObjectNode p) {
      redact(p, "id");
      if (p.path("attributes") instanceof ObjectNode attributes) {
        for (String name : names.attributes()) {
          redact(attributes, name);
        }
      }
    }
    if (copy.path("facts") instanceof ObjectNode facts) {
      for (String name : names.facts()) {
        redact(facts, name);
      }
    }
    return copy;
  }

  private void redact(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    if (value != null && !value.isNull()) {
      node.put(field, value(value.asText()));
    }
  }

  private FreeText freeText(Policy policy) {
    FreeText known = last;
    if (known == null || known.policy() != policy) {
      known = new FreeText(policy, freeText(policy, true), freeText(policy, false));
      last = known;
    }
    return known;
  }

  private static List<String> freeText(Policy policy, boolean attributes) {
    List<String> names = new ArrayList<>();
    if (attributes) {
      policy.attributes().stream().filter(a -> a.type() == FactType.STRING).forEach(a -> names.add(a.id()));
    } else {
      policy.facts().stream().filter(f -> f.type() == FactType.STRING).forEach(f -> names.add(f.id()));
    }
    return names;
  }
}
