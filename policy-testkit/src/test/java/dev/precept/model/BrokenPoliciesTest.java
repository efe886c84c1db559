package dev.precept.model;

import dev.precept.testkit.Golden;
import dev.precept.testkit.PolicyGenerator;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Each deliberately broken policy is refused with exactly the errors in its golden file. */
class BrokenPoliciesTest {
  private static final Path FOLDER = Path.of("src/test/resources/broken");

  @TestFactory
  Stream<DynamicTest> everyBrokenVariantReportsItsGoldenErrors() throws IOException {
    List<Path> variants;
    try (Stream<Path> files = Files.list(FOLDER)) {
      variants = files.filter(p -> p.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
    }
    assertTrue(variants.size() >= 10, "expected the broken variants in " + FOLDER);
    return variants.stream().map(variant -> DynamicTest.dynamicTest(variant.getFileName().toString(), () -> {
      byte[] bytes = Files.readAllBytes(variant);
      String source = "broken/" + variant.getFileName();
      PolicyValidationException e = assertThrows(PolicyValidationException.class,
          () -> PolicyLoader.standard().parse(bytes, source));
      String actual = e.diagnostics().stream().map(Diagnostic::describe).collect(Collectors.joining("\n")) + "\n";
      Golden.assertMatches(Path.of(variant.toString().replace(".yaml", ".errors")), actual);
    }));
  }

  @Test
  void theMinimalPolicyTheVariantsComeFromIsValid() {
    Policy policy = PolicyLoader.standard().load(Path.of("../policy-model/src/test/resources/minimal.yaml"));
    assertTrue(policy.clause("rules.logo").isPresent());
  }
}
