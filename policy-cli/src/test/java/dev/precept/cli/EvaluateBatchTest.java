package dev.precept.cli;

import static dev.precept.cli.PreceptTest.SEED;
import static dev.precept.cli.PreceptTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code precept evaluate POLICY INCIDENTS.jsonl}: a ruling line per incident line. */
class EvaluateBatchTest {
  private static final String LOGO = "{\"id\": \"%s\", \"person\": {\"roles\": [\"staff\"]}, "
      + "\"clauses\": [\"conduct.name-and-logo\"], \"facts\": {\"during-working-hours\": false}}";
  private static final String CONTACT = "{\"id\": \"%s\", \"person\": {\"roles\": [\"volunteer\"]}, "
      + "\"clauses\": [\"principles.no-contact-with-children\"]}";

  @Test
  void rulesEveryLineInOrderAndReportsABadLineByItsNumber(@TempDir Path dir) throws Exception {
    Path incidents = dir.resolve("incidents.jsonl");
    Files.writeString(incidents, String.join("\n", LOGO.formatted("A"),
        "{\"id\": \"B\", \"person\": {\"roles\": [\"volunteers\"]}, \"clauses\": [\"conduct.name-and-logo\"]}",
        CONTACT.formatted("C"), LOGO.formatted("D")) + "\n");

    PreceptTest.Run run = run("evaluate", SEED, incidents.toString());

    assertEquals(1, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(List.of("A", "C", "D"), lines.stream().map(EvaluateBatchTest::incident).toList());
    assertTrue(run.err().contains("incidents.jsonl:2:"), run.err());
    assertTrue(run.err().contains("unknown role 'volunteers'"), run.err());
    assertTrue(run.err().contains("hint: did you mean 'volunteer'?"), run.err());
    assertTrue(run.err().contains("1 of 4 incidents could not be ruled on"), run.err());
  }

  @Test
  void aBatchLineIsTheSameRulingAsEvaluatingTheIncidentAlone(@TempDir Path dir) throws Exception {
    Path incidents = dir.resolve("one.jsonl");
    Files.writeString(incidents, LOGO.formatted("A") + "\n");
    Path single = dir.resolve("one.json");
    Files.writeString(single, LOGO.formatted("A"));

    PreceptTest.Run batch = run("evaluate", SEED, incidents.toString());
    PreceptTest.Run alone = run("evaluate", "--format", "json", SEED, single.toString());

    assertEquals(0, batch.code(), batch.err());
    assertEquals("", batch.err());
    assertEquals(1, batch.out().lines().count(), "one ruling, on one line");
    ObjectMapper json = new ObjectMapper();
    assertEquals(json.readTree(alone.out()), json.readTree(batch.out()));
  }

  @Test
  void writesToStandardOutputTheBytesItPrintsToAWriterAndTheSameErrors(@TempDir Path dir) throws Exception {
    Path incidents = dir.resolve("incidents.jsonl");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 600; i++) {
      lines.append(i % 97 == 5 ? "{\"id\": \"bad\", \"person\": {\"roles\": [\"volunteers\"]}}"
          : (i % 2 == 0 ? LOGO : CONTACT).formatted("caf\u00e9 \ud83d\ude00 " + i)).append('\n');
    }
    Files.writeString(incidents, lines.toString());
    java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
    java.io.StringWriter stderr = new java.io.StringWriter();

    int code = Precept.run(new dev.precept.cli.internal.StandardOutput(stdout), new java.io.PrintWriter(stderr),
        "evaluate", SEED, incidents.toString());
    PreceptTest.Run printed = run("evaluate", SEED, incidents.toString());

    assertEquals(1, code, stderr.toString());
    assertEquals(printed.code(), code);
    assertTrue(java.util.Arrays.equals(printed.out().getBytes(StandardCharsets.UTF_8), stdout.toByteArray()),
        "the same bytes as the printed text, encoded");
    assertEquals(593, stdout.toString(StandardCharsets.UTF_8).lines().count());
    assertEquals(printed.err(), stderr.toString());
  }

  @Test
  void pipedIntoAReaderThatStopsEarlyItStopsQuietlyAndReportsAFullDiskAsAnError(@TempDir Path dir) throws Exception {
    Path incidents = dir.resolve("incidents.jsonl");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      lines.append(LOGO.formatted("incident-" + i)).append('\n');
    }
    Files.writeString(incidents, lines.toString());

    for (String failure : List.of("Broken pipe", "No space left on device")) {
      java.io.OutputStream closing = new java.io.OutputStream() {
        int written;

        @Override
        public void write(int b) throws java.io.IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
          if (written > 4_000) {
            throw new java.io.IOException(failure);
          }
          written += length;
        }
      };
      java.io.StringWriter stderr = new java.io.StringWriter();

      int code = Precept.run(new dev.precept.cli.internal.StandardOutput(closing), new java.io.PrintWriter(stderr),
          "evaluate", SEED, incidents.toString());

      if (failure.equals("Broken pipe")) {
        assertEquals(0, code, stderr.toString());
        assertEquals("", stderr.toString(), "like head's other writers: nothing to say when the reader has had enough");
      } else {
        assertEquals(1, code);
        assertEquals("precept: the rulings could not all be written (No space left on device); the lines written are whole,"
            + " and the rest were not ruled on" + System.lineSeparator(), stderr.toString());
      }
    }
  }

  @Test
  void onATerminalALongBatchShowsACountInPlaceAndWipesItAndInAPipeNothing(@TempDir Path dir) throws Exception {
    Path incidents = dir.resolve("many.jsonl");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 4000; i++) {
      lines.append(LOGO.formatted("L" + i)).append('\n');
    }
    Files.writeString(incidents, lines.toString());

    // Two threads, whatever the machine: a few chunks in flight, so the 4,000 lines pass many counts.
    PreceptTest.Run piped = run("evaluate", "--threads", "2", SEED, incidents.toString());
    PreceptTest.Run onTerminal;
    dev.precept.cli.internal.TestHooks.stderrTerminal(true);
    try {
      onTerminal = run("evaluate", "--threads", "2", SEED, incidents.toString());
    } finally {
      dev.precept.cli.internal.TestHooks.stderrTerminal(false);
    }

    assertEquals(0, piped.code(), piped.err());
    assertEquals("", piped.err(), "nothing but problems in a pipe or a log");
    assertEquals(0, onTerminal.code(), onTerminal.err());
    assertEquals(piped.out(), onTerminal.out(), "the rulings are the same either way");
    assertTrue(onTerminal.err().startsWith("\rprecept: ") && onTerminal.err().contains(" incidents ruled on"),
        onTerminal.err());
    assertTrue(onTerminal.err().matches("(\r[^\r\n]+)+\r +\r"),
        "counts rewritten in place, the last one wiped, no new line: " + onTerminal.err());
  }

  @Test
  void readsJsonLinesFromStandardInput() {
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream((CONTACT.formatted("X") + "\n" + LOGO.formatted("Y") + "\n")
          .getBytes(StandardCharsets.UTF_8)));
      PreceptTest.Run run = run("evaluate", SEED, "--jsonl", "-", "--threads", "1");

      assertEquals(0, run.code(), run.err());
      assertEquals(List.of("X", "Y"), run.out().lines().map(EvaluateBatchTest::incident).toList());
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void refusesInputThatIsNotUtf8WithoutAStackTrace(@TempDir Path dir) throws Exception {
    Path incidents = dir.resolve("latin1.jsonl");
    Files.write(incidents, (CONTACT.formatted("caf\u00e9") + "\n").getBytes(StandardCharsets.ISO_8859_1));

    PreceptTest.Run run = run("evaluate", SEED, "--jsonl", incidents.toString());

    assertEquals(1, run.code());
    assertTrue(run.err().contains("latin1.jsonl: not UTF-8 text"), run.err());
    assertTrue(!run.err().contains("Exception"), run.err());
  }

  @Test
  void refusesAnIncidentFileAndJsonLinesTogether(@TempDir Path dir) throws Exception {
    Path incidents = dir.resolve("incidents.jsonl");
    Files.writeString(incidents, LOGO.formatted("A") + "\n");

    PreceptTest.Run run = run("evaluate", SEED, incidents.toString(), "--jsonl", incidents.toString());

    assertEquals(2, run.code());
    assertTrue(run.err().contains("not both"), run.err());
  }

  private static String incident(String rulingLine) {
    try {
      JsonNode ruling = new ObjectMapper().readTree(rulingLine);
      return ruling.get("incident").asText();
    } catch (java.io.IOException e) {
      throw new AssertionError(rulingLine, e);
    }
  }
}
