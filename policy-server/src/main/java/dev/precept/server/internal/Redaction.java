package dev.precept.server.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precept.model.FactType;
import dev.precept.model.Policy;
import dev.precept.server.PersonalData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  private record FreeText(Policy policy, List<String> attributes, List<String> facts, Set<String> attributeSet, Set<String> factSet) {
    FreeText(Policy policy, List<String> attributes, List<String> facts) {
      this(policy, attributes, facts, Set.copyOf(attributes), Set.copyOf(facts));
    }
  }

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

  /**
   * The incident as the log keeps it, as compact JSON text: the same text as writing
   * {@link #incident} with the server's mapper, written in one pass over the incident as sent,
   * without copying it.
   */
  public String stored(ObjectNode incident, Policy policy) {
    if (mode == PersonalData.CLEAR) {
      return Json.write(incident);
    }
    FreeText names = freeText(policy);
    try (SegmentedStringWriter text = new SegmentedStringWriter(Json.mapper().getFactory()._getBufferRecycler());
        JsonGenerator out = Json.mapper().createGenerator(text)) {
      out.writeStartObject();
      for (Map.Entry<String, JsonNode> field : incident.properties()) {
        String name = field.getKey();
        JsonNode value = field.getValue();
        out.writeFieldName(name);
        if (name.equals("summary")) {
          write(out, value);
        } else if (name.equals("person") && value instanceof ObjectNode person) {
          out.writeStartObject();
          for (Map.Entry<String, JsonNode> about : person.properties()) {
            out.writeFieldName(about.getKey());
            if (about.getKey().equals("id")) {
              write(out, about.getValue());
            } else if (about.getKey().equals("attributes") && about.getValue() instanceof ObjectNode attributes) {
              writeRedacting(out, attributes, names.attributeSet());
            } else {
              Json.mapper().writeTree(out, about.getValue());
            }
          }
          out.writeEndObject();
        } else if (name.equals("facts") && value instanceof ObjectNode facts) {
          writeRedacting(out, facts, names.factSet());
        } else {
          Json.mapper().writeTree(out, value);
        }
      }
      out.writeEndObject();
      out.flush();
      return text.getAndClear();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An object with the values of the fields named redacted. */
  private void writeRedacting(JsonGenerator out, ObjectNode object, Set<String> redacted) throws IOException {
    out.writeStartObject();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      out.writeFieldName(field.getKey());
      if (redacted.contains(field.getKey())) {
        write(out, field.getValue());
      } else {
        Json.mapper().writeTree(out, field.getValue());
      }
    }
    out.writeEndObject();
  }

  /** A personal value redacted, as {@link #redact} leaves it: null stays null, anything else is its text's hash. */
  private void write(JsonGenerator out, JsonNode value) throws IOException {
    if (value.isNull()) {
      out.writeNull();
    } else {
      out.writeString(value(value.asText()));
    }
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
