package dev.precept.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precept.model.Modality;
import dev.precept.model.PermissionForm;
import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The developer guide's example is this code: the guide must show exactly the tagged region, and
 * the region must run and do what the guide says.
 */
class EmbeddingGuideTest {
  private static final Path GUIDE = Path.of("../docs/embedding-the-evaluator.md");
  private static final Path RULING_REFERENCE = Path.of("../docs/ruling-json.md");
  private static final Path THIS_FILE = Path.of("src/test/java/dev/precept/eval/EmbeddingGuideTest.java");

  @Test
  void theGuidesExampleRulesOnAnIncidentAsItSays() {
    // tag::embedding[]
    // Once, at start-up: load and validate the approved policy, compile it for ruling.
    Policy policy = PolicyLoader.standard().load(Path.of("../examples/connect-academy-trust/social-media-policy.yaml"));
    Evaluator evaluator = Evaluator.of(policy);

    // For each incident your system records (from any thread):
    Incident incident = Incident.builder()
        .id("HR-2016-0142")
        .person(Person.holding("staff"))
        .addClauses("conduct.name-and-logo")
        .putFact("investigation-finding", "misconduct")
        .addPermissions(Permission.builder()
            .office("ceo").given(Permission.Given.AFTER).form(PermissionForm.WRITTEN).build())
        .build();
    Ruling ruling = evaluator.rule(incident);

    ClauseRuling logo = ruling.clause("conduct.name-and-logo").orElseThrow();
    // logo.outcome() == Outcome.BREACHED: the CEO's permission came after the act.
    for (ConsequenceRuling next : ruling.consequences()) {
      // "must" and "may" are never merged: act on MUST, offer MAY to the decision-maker.
      System.out.println(next.modality() + ": " + next.statement());
    }
    String json = Rulings.toJson(ruling);   // store it beside the incident; it cites ruling.digest()
    // end::embedding[]

    assertEquals(Outcome.BREACHED, logo.outcome());
    assertTrue(logo.reason().contains("needs permission given before the act"), logo.reason());
    assertEquals(List.of("employee.investigation", "employee.disciplinary-procedure", "employee.misconduct"),
        ruling.consequences().stream().map(ConsequenceRuling::consequence).toList());
    assertEquals(Modality.MUST, ruling.consequences().get(0).modality());
    assertTrue(json.contains(evaluator.digest()));
  }

  @Test
  void theGuideShowsExactlyTheTestedExample() throws Exception {
    String source = Files.readString(THIS_FILE, StandardCharsets.UTF_8);
    String region = source.substring(source.indexOf("// tag::embedding[]\n") + "// tag::embedding[]\n".length(),
        source.indexOf("    // end::embedding[]"));
    String dedented = region.lines().map(l -> l.length() >= 4 ? l.substring(4) : l.strip())
        .reduce((a, b) -> a + "\n" + b).orElseThrow() + "\n";
    String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
    assertTrue(guide.contains("```java\n" + dedented + "```"),
        "docs/embedding-the-evaluator.md must show the tagged example verbatim:\n" + dedented);
  }

  @Test
  void everyFieldOfARulingsJsonIsDocumented() throws Exception {
    Incident incident = Incident.builder().id("doc").person(Person.holding("staff"))
        .addClauses("conduct.name-and-logo", "principles.working-hours-access")
        .putFact("during-working-hours", "true")
        .addPermissions(Permission.builder().office("ceo").given(Permission.Given.BEFORE).form(PermissionForm.VERBAL).build())
        .build();
    JsonNode json = new ObjectMapper().readTree(Rulings.toJson(SeedPolicy.EVALUATOR.rule(incident)));
    Set<String> fields = new TreeSet<>();
    collect(json, fields);
    String reference = Files.readString(RULING_REFERENCE, StandardCharsets.UTF_8);
    List<String> undocumented = new ArrayList<>();
    for (String field : fields) {
      if (!reference.contains("`" + field + "`")) {
        undocumented.add(field);
      }
    }
    assertEquals(List.of(), undocumented, "fields missing from docs/ruling-json.md");
  }

  @Test
  void everyFieldOfTheSemanticsCorpusRulingsIsDocumented() throws Exception {
    Set<String> fields = new TreeSet<>();
    for (java.nio.file.Path folder : SemanticsCorpusTest.folders()) {
      dev.precept.model.Policy policy = dev.precept.model.PolicyLoader.standard().load(folder.resolve("policy.yaml"));
      Evaluator evaluator = Evaluator.of(policy);
      for (PolicyCase policyCase : CaseSuite.load(folder.resolve("policy.cases.yaml"), policy).cases()) {
        collect(new ObjectMapper().readTree(Rulings.toJson(evaluator.rule(policyCase.incident()))), fields);
      }
    }
    String reference = Files.readString(RULING_REFERENCE, StandardCharsets.UTF_8);
    List<String> undocumented = fields.stream().filter(f -> !reference.contains("`" + f + "`")).toList();
    assertEquals(List.of(), undocumented, "fields missing from docs/ruling-json.md");
  }

  private static void collect(JsonNode node, Set<String> fields) {
    if (node.isObject()) {
      Iterator<String> names = node.fieldNames();
      names.forEachRemaining(name -> {
        fields.add(name);
        collect(node.get(name), fields);
      });
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, fields));
    }
  }
}
