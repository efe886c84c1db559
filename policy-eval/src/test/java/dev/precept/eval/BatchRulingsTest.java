package dev.precept.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.precept.eval.internal.EvalJson;
import dev.precept.model.Diagnostic;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchRulingsTest {
  private static final BatchRulings BATCH = BatchRulings.of(SeedPolicy.EVALUATOR).withThreads(3).withSource("incidents.jsonl");

  @Test
  void writesOneRulingPerLineInInputOrderFromSeveralThreads() throws IOException {
    StringBuilder in = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      Incident incident = Incident.builder().from(SeedIncidents.INCIDENTS.get(i % SeedIncidents.INCIDENTS.size()))
          .id("INC-" + i).build();
      in.append(SeedIncidents.line(incident)).append(i % 2 == 0 ? "\n" : "\r\n");
      expected.add(compact(SeedPolicy.EVALUATOR.rule(incident)));
    }
    StringWriter out = new StringWriter();
    List<LineError> errors = new ArrayList<>();

    BatchSummary summary = BATCH.ruleAll(new StringReader(in.toString()), out, errors::add);

    assertEquals(List.of(), errors);
    assertEquals(expected, List.of(out.toString().split("\n")));
    assertEquals(3_000, summary.ruled());
    assertEquals(0, summary.failed());
  }

  @Test
  void aByteOrderMarkOpeningTheInputIsSkippedAndLinesAcrossTheReadBufferAreRead() throws IOException {
    StringBuilder in = new StringBuilder("\uFEFF");
    List<String> expected = new ArrayList<>();
    for (int i = 0; in.length() < 300_000; i++) {
      Incident incident = Incident.builder().from(SeedIncidents.INCIDENTS.get(i % SeedIncidents.INCIDENTS.size()))
          .id("INC-" + i + "-" + "x".repeat(i % 97)).build();
      in.append(SeedIncidents.line(incident)).append(i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\n\r\n  \n");
      expected.add(compact(SeedPolicy.EVALUATOR.rule(incident)));
    }
    StringWriter out = new StringWriter();
    List<LineError> errors = new ArrayList<>();

    BATCH.ruleAll(new StringReader(in.toString()), out, errors::add);

    assertEquals(List.of(), errors);
    assertEquals(expected, List.of(out.toString().split("\n")));
  }

  @Test
  void eachRulingLineIsTheRulingsJsonWithoutIndentation() throws IOException {
    Incident incident = SeedIncidents.INCIDENTS.get(0);
    StringWriter out = new StringWriter();

    BATCH.ruleAll(new StringReader(SeedIncidents.line(incident)), out, e -> { });

    Ruling ruling = SeedPolicy.EVALUATOR.rule(incident);
    assertEquals(EvalJson.mapper().readTree(Rulings.toJson(ruling)), EvalJson.mapper().readTree(out.toString()));
    assertEquals(compact(ruling) + "\n", out.toString());
  }

  @Test
  void writesAsUtf8BytesExactlyTheLinesItWritesAsTextEncodedAndReportsTheSameErrors() {
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < 2_000; i++) {
      Incident seed = SeedIncidents.INCIDENTS.get(i % SeedIncidents.INCIDENTS.size());
      String id = switch (i % 5) {
        case 0 -> "caf\u00e9 \u2028 \"" + i + "\" \ud83d\ude00";
        case 1 -> "INC-" + i;
        default -> "plain-" + i;
      };
      String line = SeedIncidents.line(Incident.builder().from(seed).id(id).build());
      in.append(i == 7 ? line.replaceFirst("\"id\":\"[^\"]*\"", "\"id\":\"half \\\\ud800 a pair\"") : line).append('\n');
      if (i % 400 == 3) {
        in.append("{\"id\": \"bad\", \"person\": {\"roles\": [\"staf\"]}}\n");
      }
    }
    StringWriter text = new StringWriter();
    List<LineError> textErrors = new ArrayList<>();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    List<LineError> byteErrors = new ArrayList<>();

    BatchSummary asText = BATCH.ruleAll(new StringReader(in.toString()), text, textErrors::add);
    BatchSummary asBytes = BATCH.ruleAll(new StringReader(in.toString()), bytes, byteErrors::add);

    assertTrue(text.toString().contains("\ud800"), "the half pair is written as text");
    List<String> encoded = new String(text.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).lines().toList();
    List<String> written = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    for (int i = 0; i < Math.min(encoded.size(), written.size()); i++) {
      assertEquals(encoded.get(i), written.get(i), "line " + (i + 1) + ", as encoded by a UTF-8 writer (a half pair as '?')");
    }
    assertEquals(encoded.size(), written.size());
    assertTrue(java.util.Arrays.equals(text.toString().getBytes(StandardCharsets.UTF_8), bytes.toByteArray()));
    assertEquals(textErrors, byteErrors);
    assertEquals(5, byteErrors.size());
    assertEquals(asText, asBytes);
    assertEquals(2_000, asBytes.ruled());
  }

  @Test
  void reportsEachBadLineWithItsNumberAndRulesOnTheRest() {
    String good = SeedIncidents.line(SeedIncidents.INCIDENTS.get(0));
    String input = String.join("\n",
        good,
        "{\"id\": \"x\", \"person\": {\"roles\": [\"staf\"]}, \"clauses\": [\"conduct.name-and-logo\"]}",
        "",
        "not json at all",
        good.replace("case-01", "second"),
        "{\"id\": \"y\", \"id\": \"z\"}",
        "[1, 2]") + "\n";
    StringWriter out = new StringWriter();
    List<LineError> errors = new ArrayList<>();

    BatchSummary summary = BATCH.ruleAll(new StringReader(input), out, errors::add);

    assertEquals(2, out.toString().lines().count());
    assertTrue(out.toString().lines().toList().get(1).contains("\"incident\":\"second\""));
    assertEquals(List.of(2L, 4L, 6L, 7L), errors.stream().map(LineError::line).toList());
    Diagnostic unknownRole = errors.get(0).problems().get(0);
    assertEquals("incidents.jsonl", unknownRole.source());
    assertEquals(2, unknownRole.line());
    assertEquals("/person/roles/0", unknownRole.pointer());
    assertTrue(unknownRole.message().contains("unknown role 'staf'"), unknownRole.message());
    assertTrue(unknownRole.column() > 1, "the column points into the line");
    assertTrue(errors.get(1).describe().startsWith("incidents.jsonl:4:"), errors.get(1).describe());
    assertTrue(errors.get(1).describe().contains("not a JSON value"), errors.get(1).describe());
    assertTrue(errors.get(2).describe().contains("Duplicate field 'id'"), errors.get(2).describe());
    assertTrue(errors.get(3).describe().contains("incidents.jsonl:7:"), errors.get(3).describe());
    assertEquals(7, summary.lines());
    assertEquals(2, summary.ruled());
    assertEquals(4, summary.failed());
  }

  @Test
  void aLineWithANumberWhereTextBelongsIsToldToSendAJsonStringNotToQuoteItForYaml() {
    List<LineError> errors = new ArrayList<>();
    BATCH.ruleAll(new StringReader("{\"id\": 42, \"person\": {\"roles\": [\"staff\"]}, \"clauses\": [\"conduct.name-and-logo\"]}\n"),
        new StringWriter(), errors::add);
    String told = errors.get(0).describe();
    assertTrue(told.contains("hint: send it as a JSON string, in quotes: \"42\""), told);
    assertTrue(!told.contains("YAML"), told);
  }

  @Test
  void refusesALineLongerThanTheLimitAndGoesOn() {
    String good = SeedIncidents.line(SeedIncidents.INCIDENTS.get(0));
    Reader input = new GeneratedReader(3, n -> n == 1 ? "{\"id\": \"" + "x".repeat(BatchRulings.MAX_LINE_LENGTH) + "\"}" : good);
    StringWriter out = new StringWriter();
    List<LineError> errors = new ArrayList<>();

    BATCH.ruleAll(input, out, errors::add);

    assertEquals(2, out.toString().lines().count());
    assertEquals(List.of(2L), errors.stream().map(LineError::line).toList());
    assertTrue(errors.get(0).describe().contains("longer than"), errors.get(0).describe());
  }

  @Test
  @org.junit.jupiter.api.Tag("forked-jvm")
  void rulesALargeInputInBoundedMemory(@TempDir Path folder) throws Exception {
    // 20,000 rulings are about 40 MB of JSON (80 MB as Java text), and the incidents and rulings held
    // would be over 100 MB of objects: in a 16 MB heap they fit only if streamed.
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = folder.resolve("out.txt");
    Process process = new ProcessBuilder(java, "-Xmx16m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        BatchRulingsTest.class.getName() + "$LargeBatch", "20000")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the batch finished");
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("lines=20000 ruled=20000 failed=0"), output);
    Matcher written = Pattern.compile("chars=(\\d+)").matcher(output);
    assertTrue(written.find() && Long.parseLong(written.group(1)) > 2L * 16 * 1024 * 1024,
        "the rulings written are more than twice the heap: " + output);
  }

  @Test
  void theGuidesBatchExampleRulesAFileAndReportsTheBadLine(@TempDir Path folder) throws IOException {
    dev.precept.model.Policy policy = SeedPolicy.POLICY;
    Path incidentsFile = folder.resolve("incidents.jsonl");
    Path rulingsFile = folder.resolve("rulings.jsonl");
    Files.writeString(incidentsFile, SeedIncidents.line(SeedIncidents.INCIDENTS.get(0)) + "\nnot json\n");
    java.io.PrintStream stderr = System.err;
    java.io.ByteArrayOutputStream reported = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(reported, true, StandardCharsets.UTF_8));
    try {
      // tag::batch[]
      BatchRulings batch = BatchRulings.of(Evaluator.of(policy)).withSource("incidents.jsonl");
      try (Reader in = Files.newBufferedReader(incidentsFile);
          Writer out = Files.newBufferedWriter(rulingsFile)) {
        BatchSummary summary = batch.ruleAll(in, out, error -> System.err.println(error.describe()));
        // summary.ruled() rulings written; summary.failed() lines reported, each with its line number
        assertEquals(1, summary.failed());
      }
      // end::batch[]
    } finally {
      System.setErr(stderr);
    }

    assertEquals(1, Files.readAllLines(rulingsFile).size());
    assertTrue(reported.toString(StandardCharsets.UTF_8).startsWith("incidents.jsonl:2:"),
        reported.toString(StandardCharsets.UTF_8));
    String source = Files.readString(Path.of("src/test/java/dev/precept/eval/BatchRulingsTest.java"), StandardCharsets.UTF_8);
    String region = source.substring(source.indexOf("// tag::batch[]\n") + "// tag::batch[]\n".length(),
        source.indexOf("      // end::batch[]"));
    String shown = region.lines().filter(l -> !l.contains("assertEquals"))
        .map(l -> l.length() >= 6 ? l.substring(6) : l.strip()).collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    assertTrue(Files.readString(Path.of("../docs/embedding-the-evaluator.md"), StandardCharsets.UTF_8)
        .contains("```java\n" + shown + "```"), "the guide shows the example verbatim:\n" + shown);
  }

  private static String compact(Ruling ruling) {
    try {
      return EvalJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(ruling);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Rules on N generated incidents in a small heap, discarding the rulings but counting their bytes. */
  static final class LargeBatch {
    public static void main(String[] args) {
      int lines = Integer.parseInt(args[0]);
      List<String> seeds = SeedIncidents.INCIDENTS.stream().map(SeedIncidents::line).toList();
      long[] chars = new long[1];
      Writer sink = new Writer() {
        @Override
        public void write(char[] buffer, int offset, int length) {
          chars[0] += length;
        }

        @Override
        public void write(String text, int offset, int length) {
          chars[0] += length;
        }

        @Override
        public void flush() { }

        @Override
        public void close() { }
      };
      BatchSummary summary = BatchRulings.of(SeedPolicy.EVALUATOR)
          .ruleAll(new GeneratedReader(lines, n -> seeds.get((int) (n % seeds.size()))), sink, e -> System.out.println(e.describe()));
      System.out.println("lines=" + summary.lines() + " ruled=" + summary.ruled() + " failed=" + summary.failed()
          + " chars=" + chars[0] + " maxHeap=" + Runtime.getRuntime().maxMemory() / (1 << 20) + "MB");
    }
  }

  /** A reader of generated lines, made as they are read: the input is never whole in memory. */
  @Test
  void anOutputClosedByItsReaderStopsTheBatchWithoutReadingTheRestOfTheInput() {
    String good = SeedIncidents.line(SeedIncidents.INCIDENTS.get(0));
    GeneratedReader input = new GeneratedReader(1_000_000, n -> good);
    ClosingAfter out = new ClosingAfter(20_000, "Broken pipe");

    RulingsNotWritten stopped = org.junit.jupiter.api.Assertions.assertThrows(RulingsNotWritten.class,
        () -> BATCH.ruleAll(input, out, error -> { }));

    assertTrue(stopped.closedByReader(), stopped.getMessage());
    assertTrue(input.next < 20_000, "stopped near where the output closed, not at the millionth line: read " + input.next);
    assertTrue(out.lines() > 0, "the lines before it closed were written");
    assertTrue(out.endsWithNewline(), "every line written is whole");
  }

  @Test
  void aFailingOutputIsNotTakenForAClosedOneAndSaysWhyInItsMessage() {
    String good = SeedIncidents.line(SeedIncidents.INCIDENTS.get(0));
    Writer full = new Writer() {
      @Override
      public void write(char[] chars, int offset, int length) throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void flush() { }

      @Override
      public void close() { }
    };

    RulingsNotWritten stopped = org.junit.jupiter.api.Assertions.assertThrows(RulingsNotWritten.class,
        () -> BATCH.ruleAll(new GeneratedReader(5_000, n -> good), full, error -> { }));

    assertTrue(!stopped.closedByReader());
    assertEquals("the ruling lines could not be written (No space left on device)", stopped.getMessage());
  }

  /** Standard output whose reader goes away after some bytes: every later write fails. */
  static final class ClosingAfter extends java.io.OutputStream {
    private final int limit;
    private final String failure;
    private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
    int written;

    ClosingAfter(int limit, String failure) {
      this.limit = limit;
      this.failure = failure;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (written >= limit) {
        throw new IOException(failure);
      }
      kept.write(bytes, offset, length);
      written += length;
    }

    long lines() {
      return kept.toString(StandardCharsets.UTF_8).lines().count();
    }

    boolean endsWithNewline() {
      byte[] bytes = kept.toByteArray();
      return bytes.length > 0 && bytes[bytes.length - 1] == '\n';
    }
  }

  static final class GeneratedReader extends Reader {
    private final long lines;
    private final java.util.function.LongFunction<String> line;
    long next;
    private String current = "";
    private int position;

    GeneratedReader(long lines, java.util.function.LongFunction<String> line) {
      this.lines = lines;
      this.line = line;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (position == current.length()) {
        if (next == lines) {
          return -1;
        }
        current = line.apply(next++) + "\n";
        position = 0;
      }
      int n = Math.min(length, current.length() - position);
      current.getChars(position, position + n, buffer, offset);
      position += n;
      return n;
    }

    @Override
    public void close() { }
  }

}
