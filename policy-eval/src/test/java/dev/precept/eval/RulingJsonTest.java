package dev.precept.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.precept.eval.internal.EvalJson;
import dev.precept.eval.internal.RulingJsonWriter;
import dev.precept.model.Modality;
import dev.precept.model.PermissionForm;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The batch's streamed ruling JSON is the mapper's JSON, byte for byte, without indentation. */
class RulingJsonTest {
  @Test
  void streamedJsonIsTheMappersJsonForEverySeedCase() throws Exception {
    for (Incident incident : SeedIncidents.INCIDENTS) {
      Ruling ruling = SeedPolicy.EVALUATOR.rule(incident);
      assertEquals(mapper(ruling), streamed(ruling), incident.id());
    }
  }

  @Test
  void streamedJsonIsTheMappersJsonWithEveryOptionalPresentAndTextThatNeedsEscaping() throws Exception {
    ConditionCheck check = ConditionCheck.builder().subject("fact:\"quoted\"").addExpected("a", "b")
        .actual("caf\u00e9 \u2028 \t").result(ConditionCheck.Result.UNKNOWN).build();
    Ruling ruling = Ruling.builder().policy("p").version("1").digest("sha256:00").incident("</script>")
        .addPerson(ImmutableMembership.of("staff", List.of("staff", "employees")))
        .addClauses(ClauseRuling.builder().clause("c").outcome(Outcome.NOT_APPLICABLE).category("cat")
            .reason("r\nnext line").addScope("staff").addConditions(check).exception("e")
            .permission(Permission.builder().office("ceo").given(Permission.Given.BEFORE)
                .form(PermissionForm.VERBAL).clause("c").build())
            .addUndecidedBy("fact:x").quote("\u0000\u001f").build())
        .addConsequences(ConsequenceRuling.builder().consequence("k").status(ConsequenceRuling.Status.CONDITIONAL)
            .modality(Modality.MAY).statement("s").action("a").actor("Board").procedure("Disciplinary").source("c")
            .addBreaches("c").addScope("staff").addConditions(check).addDependsOn("x is y").build())
        .addUnspecified("u").addDiagnostics("d").build();

    assertEquals(mapper(ruling), streamed(ruling));
  }


  @Test
  void compactJsonIsTheIndentedJsonOnOneLineAndReadsBackToTheSameRuling() throws Exception {
    for (Incident incident : SeedIncidents.INCIDENTS) {
      Ruling ruling = SeedPolicy.EVALUATOR.rule(incident);
      String compact = Rulings.toCompactJson(ruling);
      assertEquals(-1, compact.indexOf('\n'), incident.id());
      assertEquals(EvalJson.mapper().readTree(Rulings.toJson(ruling)), EvalJson.mapper().readTree(compact), incident.id());
      assertEquals(mapper(ruling), compact, incident.id());
      assertEquals(ruling, Rulings.fromJson(compact), incident.id());
    }
  }

  private static String mapper(Ruling ruling) throws Exception {
    return EvalJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(ruling);
  }

  private static String streamed(Ruling ruling) throws Exception {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = EvalJson.mapper().getFactory().createGenerator(out)) {
      RulingJsonWriter.write(ruling, json);
    }
    return out.toString();
  }
}
