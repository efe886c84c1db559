package dev.precept.eval.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.precept.eval.ClauseRuling;
import dev.precept.eval.ConditionCheck;
import dev.precept.eval.ConsequenceRuling;
import dev.precept.eval.ExceptionRuling;
import dev.precept.eval.Permission;
import dev.precept.eval.Ruling;
import dev.precept.eval.StepCheck;
import dev.precept.eval.StepRuling;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * Writes a ruling as compact JSON straight onto a Jackson generator (for {@code Rulings.toCompactJson}
 * and a batch written as text; a batch written as bytes uses {@link RulingJsonLines}): byte for byte
 * what the evaluator's mapper writes without indentation ({@code Rulings.toCompactJson}), at a
 * fraction of its cost. It follows the ruling types exactly: properties in each type's
 * {@code @JsonPropertyOrder}, an absent optional left out, a list always written unless its
 * accessor is {@code @JsonInclude(NON_EMPTY)}, enums by their {@code @JsonProperty} words. Written
 * as UTF-8 bytes, use {@link #utf8(OutputStream)}: Jackson's byte generator would otherwise escape a
 * character outside the Basic Multilingual Plane where the mapper's text keeps it.
 * {@code RulingJsonTest} holds it to the mapper's bytes for every corpus and generated ruling and
 * for a ruling with every property present, and fails when a ruling type gains a property.
 */
public final class RulingJsonWriter {
  private static final SerializableString POLICY = name("policy");
  private static final SerializableString VERSION = name("version");
  private static final SerializableString DIGEST = name("digest");
  private static final SerializableString INCIDENT = name("incident");
  private static final SerializableString PERSON = name("person");
  private static final SerializableString DEEMED = name("deemed");
  private static final SerializableString CLAUSES = name("clauses");
  private static final SerializableString CONSEQUENCES = name("consequences");
  private static final SerializableString UNSPECIFIED = name("unspecified");
  private static final SerializableString SILENCES = name("silences");
  private static final SerializableString NO_SANCTION_STATED = name("noSanctionStated");
  private static final SerializableString DIAGNOSTICS = name("diagnostics");
  private static final SerializableString ID = name("id");
  private static final SerializableString PATH = name("path");
  private static final SerializableString FACT = name("fact");
  private static final SerializableString VALUE = name("value");
  private static final SerializableString CLAUSE = name("clause");
  private static final SerializableString BECAUSE = name("because");
  private static final SerializableString RECORDED = name("recorded");
  private static final SerializableString SILENCE = name("silence");
  private static final SerializableString REASON = name("reason");
  private static final SerializableString OUTCOME = name("outcome");
  private static final SerializableString CATEGORY = name("category");
  private static final SerializableString SCOPE = name("scope");
  private static final SerializableString CONDITIONS = name("conditions");
  private static final SerializableString EXCEPTION = name("exception");
  private static final SerializableString PERMISSION = name("permission");
  private static final SerializableString EXCEPTIONS = name("exceptions");
  private static final SerializableString DUTY = name("duty");
  private static final SerializableString UNDECIDED_BY = name("undecidedBy");
  private static final SerializableString LEAD_IN = name("leadIn");
  private static final SerializableString QUOTE = name("quote");
  private static final SerializableString ORIGIN = name("origin");
  private static final SerializableString OFFICE = name("office");
  private static final SerializableString GIVEN = name("given");
  private static final SerializableString FORM = name("form");
  private static final SerializableString RESULT = name("result");
  private static final SerializableString TEXT = name("text");
  private static final SerializableString PERMISSIONS = name("permissions");
  private static final SerializableString STEP = name("step");
  private static final SerializableString DONE = name("done");
  private static final SerializableString CONSEQUENCE = name("consequence");
  private static final SerializableString STATUS = name("status");
  private static final SerializableString MODALITY = name("modality");
  private static final SerializableString KIND = name("kind");
  private static final SerializableString STATEMENT = name("statement");
  private static final SerializableString ACTION = name("action");
  private static final SerializableString ACTOR = name("actor");
  private static final SerializableString ACTORS = name("actors");
  private static final SerializableString PROCEDURE = name("procedure");
  private static final SerializableString REFERRAL = name("referral");
  private static final SerializableString SOURCE = name("source");
  private static final SerializableString BREACHES = name("breaches");
  private static final SerializableString DEPENDS_ON = name("dependsOn");
  private static final SerializableString ALTERNATIVES = name("alternatives");
  private static final SerializableString OPTIONS = name("options");
  private static final SerializableString FACTORS = name("factors");
  private static final SerializableString DESCRIPTION = name("description");
  private static final SerializableString CURRENT = name("current");
  private static final SerializableString NEXT = name("next");
  private static final SerializableString SUBJECT = name("subject");
  private static final SerializableString EXPECTED = name("expected");
  private static final SerializableString ACTUAL = name("actual");
  private static final SerializableString DEEMED_BY = name("deemedBy");
  private static final SerializableString DETAIL = name("detail");
  private static final SerializableString PARTS = name("parts");

  private static final JsonFactory UTF8 = EvalJson.mapper().getFactory().rebuild()
      .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

  private RulingJsonWriter() {}

  /**
   * A generator writing UTF-8 onto {@code out} whose bytes are the mapper's text encoded (an emoji
   * is written as itself, not as two escaped surrogates), without separators between root values.
   */
  public static JsonGenerator utf8(OutputStream out) throws IOException {
    JsonGenerator json = UTF8.createGenerator(out, JsonEncoding.UTF8);
    json.setRootValueSeparator(null);
    return json;
  }

  /** Writes one ruling as a JSON object, leaving the generator open. */
  public static void write(Ruling ruling, JsonGenerator out) throws IOException {
    out.writeStartObject();
    string(out, POLICY, ruling.policy());
    string(out, VERSION, ruling.version());
    string(out, DIGEST, ruling.digest());
    string(out, INCIDENT, ruling.incident());
    out.writeFieldName(PERSON);
    out.writeStartArray();
    for (Ruling.Membership membership : ruling.person()) {
      out.writeStartObject();
      string(out, ID, membership.id());
      strings(out, PATH, membership.path());
      out.writeEndObject();
    }
    out.writeEndArray();
    if (!ruling.deemed().isEmpty()) {
      out.writeFieldName(DEEMED);
      out.writeStartArray();
      for (Ruling.DeemedFact deemed : ruling.deemed()) {
        out.writeStartObject();
        string(out, FACT, deemed.fact());
        string(out, VALUE, deemed.value());
        string(out, CLAUSE, deemed.clause());
        string(out, BECAUSE, deemed.because());
        optional(out, RECORDED, deemed.recorded());
        out.writeEndObject();
      }
      out.writeEndArray();
    }
    out.writeFieldName(CLAUSES);
    out.writeStartArray();
    for (ClauseRuling clause : ruling.clauses()) {
      clause(out, clause);
    }
    out.writeEndArray();
    out.writeFieldName(CONSEQUENCES);
    out.writeStartArray();
    for (ConsequenceRuling consequence : ruling.consequences()) {
      consequence(out, consequence);
    }
    out.writeEndArray();
    strings(out, UNSPECIFIED, ruling.unspecified());
    if (!ruling.silences().isEmpty()) {
      out.writeFieldName(SILENCES);
      out.writeStartArray();
      for (Ruling.DeclaredSilence silence : ruling.silences()) {
        out.writeStartObject();
        string(out, CLAUSE, silence.clause());
        string(out, SILENCE, silence.silence());
        string(out, REASON, silence.reason());
        out.writeEndObject();
      }
      out.writeEndArray();
    }
    if (!ruling.noSanctionStated().isEmpty()) {
      strings(out, NO_SANCTION_STATED, ruling.noSanctionStated());
    }
    strings(out, DIAGNOSTICS, ruling.diagnostics());
    out.writeEndObject();
  }

  private static void clause(JsonGenerator out, ClauseRuling clause) throws IOException {
    out.writeStartObject();
    string(out, CLAUSE, clause.clause());
    string(out, OUTCOME, clause.outcome().word());
    optional(out, CATEGORY, clause.category());
    string(out, REASON, clause.reason());
    strings(out, SCOPE, clause.scope());
    conditions(out, CONDITIONS, clause.conditions());
    optional(out, EXCEPTION, clause.exception());
    if (clause.permission().isPresent()) {
      out.writeFieldName(PERMISSION);
      permission(out, clause.permission().get());
    }
    if (!clause.exceptions().isEmpty()) {
      out.writeFieldName(EXCEPTIONS);
      out.writeStartArray();
      for (ExceptionRuling exception : clause.exceptions()) {
        exception(out, exception);
      }
      out.writeEndArray();
    }
    if (!clause.duty().isEmpty()) {
      out.writeFieldName(DUTY);
      out.writeStartArray();
      for (StepCheck step : clause.duty()) {
        out.writeStartObject();
        string(out, STEP, step.step());
        string(out, RESULT, ResultWords.word(step.result()));
        optional(out, DONE, step.done());
        string(out, REASON, step.reason());
        out.writeEndObject();
      }
      out.writeEndArray();
    }
    strings(out, UNDECIDED_BY, clause.undecidedBy());
    optional(out, LEAD_IN, clause.leadIn());
    string(out, QUOTE, clause.quote());
    optional(out, ORIGIN, clause.origin());
    out.writeEndObject();
  }

  private static void permission(JsonGenerator out, Permission permission) throws IOException {
    out.writeStartObject();
    string(out, OFFICE, permission.office());
    string(out, GIVEN, permission.given().word());
    string(out, FORM, permission.form().word());
    optional(out, CLAUSE, permission.clause());
    out.writeEndObject();
  }

  private static void exception(JsonGenerator out, ExceptionRuling exception) throws IOException {
    out.writeStartObject();
    string(out, ID, exception.id());
    string(out, RESULT, ResultWords.word(exception.result()));
    string(out, REASON, exception.reason());
    string(out, TEXT, exception.text());
    if (!exception.permissions().isEmpty()) {
      out.writeFieldName(PERMISSIONS);
      out.writeStartArray();
      for (Permission permission : exception.permissions()) {
        permission(out, permission);
      }
      out.writeEndArray();
    }
    if (!exception.conditions().isEmpty()) {
      conditions(out, CONDITIONS, exception.conditions());
    }
    out.writeEndObject();
  }

  private static void consequence(JsonGenerator out, ConsequenceRuling consequence) throws IOException {
    out.writeStartObject();
    string(out, CONSEQUENCE, consequence.consequence());
    string(out, STATUS, consequence.status() == ConsequenceRuling.Status.APPLIES ? "applies" : "conditional");
    string(out, MODALITY, consequence.modality().word());
    string(out, KIND, consequence.kind() == ConsequenceRuling.Kind.SANCTION ? "sanction" : "referral");
    string(out, STATEMENT, consequence.statement());
    string(out, ACTION, consequence.action());
    optional(out, ACTOR, consequence.actor());
    if (!consequence.actors().isEmpty()) {
      strings(out, ACTORS, consequence.actors());
    }
    optional(out, PROCEDURE, consequence.procedure());
    optional(out, REFERRAL, consequence.referral());
    string(out, SOURCE, consequence.source());
    strings(out, BREACHES, consequence.breaches());
    strings(out, SCOPE, consequence.scope());
    conditions(out, CONDITIONS, consequence.conditions());
    strings(out, DEPENDS_ON, consequence.dependsOn());
    if (!consequence.alternatives().isEmpty()) {
      strings(out, ALTERNATIVES, consequence.alternatives());
    }
    if (consequence.step().isPresent()) {
      out.writeFieldName(STEP);
      step(out, consequence.step().get());
    }
    if (!consequence.options().isEmpty()) {
      strings(out, OPTIONS, consequence.options());
    }
    if (!consequence.factors().isEmpty()) {
      out.writeFieldName(FACTORS);
      out.writeStartArray();
      for (ConsequenceRuling.FactorValue factor : consequence.factors()) {
        out.writeStartObject();
        string(out, FACT, factor.fact());
        string(out, DESCRIPTION, factor.description());
        optional(out, VALUE, factor.value());
        out.writeEndObject();
      }
      out.writeEndArray();
    }
    out.writeEndObject();
  }

  private static void step(JsonGenerator out, StepRuling step) throws IOException {
    out.writeStartObject();
    out.writeFieldName(CURRENT);
    out.writeBoolean(step.current());
    optional(out, OUTCOME, step.outcome());
    out.writeFieldName(NEXT);
    out.writeStartArray();
    for (StepRuling.Next next : step.next()) {
      out.writeStartObject();
      string(out, OUTCOME, next.outcome());
      strings(out, CONSEQUENCES, next.consequences());
      out.writeEndObject();
    }
    out.writeEndArray();
    out.writeEndObject();
  }

  private static void conditions(JsonGenerator out, SerializableString name, List<ConditionCheck> conditions) throws IOException {
    out.writeFieldName(name);
    out.writeStartArray();
    for (ConditionCheck check : conditions) {
      out.writeStartObject();
      string(out, SUBJECT, check.subject());
      strings(out, EXPECTED, check.expected());
      optional(out, ACTUAL, check.actual());
      string(out, RESULT, ResultWords.word(check.result()));
      optional(out, DEEMED_BY, check.deemedBy());
      optional(out, DETAIL, check.detail());
      if (!check.parts().isEmpty()) {
        conditions(out, PARTS, check.parts());
      }
      out.writeEndObject();
    }
    out.writeEndArray();
  }

  private static void string(JsonGenerator out, SerializableString name, String value) throws IOException {
    out.writeFieldName(name);
    out.writeString(value);
  }

  private static void strings(JsonGenerator out, SerializableString name, List<String> values) throws IOException {
    out.writeFieldName(name);
    out.writeStartArray();
    for (int i = 0, n = values.size(); i < n; i++) {
      out.writeString(values.get(i));
    }
    out.writeEndArray();
  }

  /**
   * An optional, left out when absent: the mapper's default ({@code NON_ABSENT}), and also what it
   * does for an optional marked {@code @JsonInclude(NON_EMPTY)}, which it writes even when it holds
   * the empty text.
   */
  private static void optional(JsonGenerator out, SerializableString name, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      string(out, name, value.get());
    }
  }

  private static SerializableString name(String name) {
    return new SerializedString(name);
  }
}
