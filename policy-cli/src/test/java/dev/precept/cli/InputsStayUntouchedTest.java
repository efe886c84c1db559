package dev.precept.cli;

import static dev.precept.cli.PreceptTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No command modifies a file it was given to read, and refusing bad input writes nothing. */
class InputsStayUntouchedTest {
  private static Map<String, String> snapshot(Path dir) throws Exception {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        hashes.put(dir.relativize(file).toString(),
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
      }
    }
    return hashes;
  }

  @Test
  void everyCommandLeavesItsInputsAsTheyWere(@TempDir Path dir) throws Exception {
    Path inputs = dir.resolve("in");
    Files.createDirectories(inputs);
    try (Stream<Path> files = Files.list(Path.of("../examples/connect-academy-trust"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, inputs.resolve(file.getFileName()));
      }
    }
    Files.copy(Path.of(PreceptTest.INCIDENT), inputs.resolve("incident.yaml"));
    Map<String, String> before = snapshot(inputs);
    String policy = inputs.resolve("social-media-policy.yaml").toString();
    String next = inputs.resolve("social-media-policy-2017.yaml").toString();
    String out = dir.resolve("out").toString();
    run("validate", policy, next);
    run("evaluate", policy, inputs.resolve("incident.yaml").toString());
    run("test", policy);
    run("check", policy);
    run("diff", policy, next);
    run("render", policy, "--format", "html,md,pdf", "--out", out);
    run("pack", next, "--previous", policy, "--out", out);
    run("verify", policy);
    run("due", inputs.toString());
    assertEquals(before, snapshot(inputs));
  }

  @Test
  void refusingAHostileFileWritesNothing(@TempDir Path dir) throws Exception {
    Path bomb = dir.resolve("bomb.yaml");
    Files.writeString(bomb, "schemaVersion: 1\na: &a [x, x, x]\nb: [*a, *a, *a]\n");
    Map<String, String> before = snapshot(dir);
    assertEquals(1, run("validate", bomb.toString()).code());
    assertEquals(1, run("render", bomb.toString(), "--format", "pdf", "--out", dir.toString()).code());
    assertEquals(before, snapshot(dir));
  }
}
