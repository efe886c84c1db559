package dev.precept.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.eval.CaseReport;
import dev.precept.eval.CaseSuite;
import dev.precept.eval.Evaluator;
import dev.precept.eval.IncidentLoader;
import dev.precept.eval.PolicyCheck;
import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every example policy passes its own cases and its checks, and its sample incidents load. */
class ExampleCasesTest {
  private static List<Path> files(String glob) throws IOException {
    var matcher = Path.of(".").getFileSystem().getPathMatcher("glob:" + glob);
    try (Stream<Path> walk = Files.walk(Path.of("."))) {
      return walk.filter(p -> !p.startsWith("./target") && !p.startsWith("./src"))
          .filter(p -> matcher.matches(p.getFileName())).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyExamplePolicyPassesItsCasesAndChecks() throws IOException {
    // Cases beside an academy's overlay run against the academy's policy: TrustLibraryExampleTest.
    List<Path> cases = files("*.cases.yaml").stream()
        .filter(f -> !Files.exists(f.resolveSibling(f.getFileName().toString().replace(".cases.yaml", ".overlay.yaml"))))
        .toList();
    assertFalse(cases.isEmpty(), "no example cases found");
    return cases.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
      Path policyFile = file.resolveSibling(file.getFileName().toString().replace(".cases.yaml", ".yaml"));
      Policy policy = PolicyLoader.standard().load(policyFile);
      CaseReport report = CaseSuite.load(file, policy).run(Evaluator.of(policy));
      assertTrue(report.passed(), report.toText());
      assertFalse(PolicyCheck.of(policy).hasErrors(), PolicyCheck.toText(PolicyCheck.of(policy)));
    }));
  }

  @TestFactory
  Stream<DynamicTest> everySampleIncidentLoadsAgainstItsPolicy() throws IOException {
    try (Stream<Path> walk = Files.walk(Path.of("."))) {
      List<Path> incidents = walk.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("incidents"))
          .sorted().toList();
      assertFalse(incidents.isEmpty());
      return incidents.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
        Policy policy = PolicyLoader.standard().load(file.getParent().resolveSibling("social-media-policy.yaml"));
        assertFalse(Evaluator.of(policy).rule(IncidentLoader.forPolicy(policy).load(file)).clauses().isEmpty());
      }));
    }
  }
}
