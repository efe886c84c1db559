package dev.precept.eval;

import org.apiguardian.api.API;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.precept.eval.internal.EvalJson;
import dev.precept.eval.internal.RulingJsonLines;
import dev.precept.eval.internal.RulingJsonWriter;

import dev.precept.model.LocatedDocument;
import dev.precept.model.PolicyException;
import dev.precept.model.PolicyValidationException;
import dev.precept.model.Diagnostic;
import dev.precept.model.ReadLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * Rules on a stream of incidents given as JSON Lines (one incident object a line, as
 * {@code incident.schema.json} describes) and writes one compact ruling JSON a line, in input
 * order, using several threads and bounded memory whatever the input's size.
 *
 * <pre>{@code
 * BatchRulings batch = BatchRulings.of(Evaluator.of(policy));
 * BatchSummary summary = batch.ruleAll(reader, writer, error -> log.warn(error.describe()));
 * }</pre>
 *
 * <p>A line that cannot be ruled on (not JSON, not an incident, an unknown role...) writes no
 * ruling; it is reported to the error consumer with its line number and the rest go on. Blank
 * lines are skipped. Each ruling line is byte for byte {@link Rulings#toJson(Ruling)} without its
 * indentation. Errors are reported, and rulings written, from the calling thread, in input order.
 * The reader and writer are neither closed nor shared with other threads; the writer is flushed
 * at the end.
 */
@API(status = API.Status.STABLE, since = "0.2")
public final class BatchRulings {
  /** The longest line read, in characters; a longer line is an error and is skipped. */
  public static final int MAX_LINE_LENGTH = 1 << 20;

  private static final int CHUNK_LINES = 256;
  private static final int CHUNK_CHARS = 1 << 20;
  private static final ObjectReader JSON = EvalJson.mapper().reader()
      .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final Evaluator evaluator;
  private final IncidentLoader loader;
  private final int threads;
  private final String source;
  private final Consumer<BatchSummary> progress;

  private BatchRulings(Evaluator evaluator, IncidentLoader loader, int threads, String source,
      Consumer<BatchSummary> progress) {
    this.evaluator = evaluator;
    this.loader = loader;
    this.threads = threads;
    this.source = source;
    this.progress = progress;
  }

  /** Rules with this evaluator on as many threads as there are processors. */
  public static BatchRulings of(Evaluator evaluator) {
    return new BatchRulings(evaluator, IncidentLoader.forPolicy(evaluator.policy()),
        Runtime.getRuntime().availableProcessors(), "input", done -> {});
  }

  /**
   * The same, on this many threads (with 1, one helper thread rules while the caller reads and writes).
   *
   * @throws IllegalArgumentException when {@code threads} is below 1
   */
  public BatchRulings withThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    return new BatchRulings(evaluator, loader, threads, source, progress);
  }

  /** The same, naming the input {@code source} in problems (a file name; {@code input} by default). */
  public BatchRulings withSource(String source) {
    return new BatchRulings(evaluator, loader, threads, source, progress);
  }

  /**
   * The same, telling {@code progress} the counts so far each time a chunk of lines (a few hundred)
   * has been written, on the thread that called {@code ruleAll}: for a progress line on a terminal.
   * It is not told after the last chunk; {@code ruleAll} returns the final counts.
   *
   * @throws NullPointerException when {@code progress} is null
   */
  public BatchRulings withProgress(Consumer<BatchSummary> progress) {
    java.util.Objects.requireNonNull(progress, "withProgress needs a consumer of the counts so far, not null");
    return new BatchRulings(evaluator, loader, threads, source, progress);
  }

  /**
   * Reads incidents line by line to the end of {@code incidents}, writes a ruling line to
   * {@code rulings} for each, and reports each line that fails to {@code errors}.
   *
   * @throws RulingsNotWritten when the writer fails (reading stops with it)
   * @throws UncheckedIOException when the reader fails
   */
  public BatchSummary ruleAll(Reader incidents, Writer rulings, Consumer<LineError> errors) {
    return ruleAll(incidents, new TextRulings(rulings), errors);
  }

  /**
   * The same, writing the ruling lines to {@code rulings} as UTF-8 bytes: the cheapest way to a file
   * or standard output, as each thread encodes its own lines. The bytes are those of the lines
   * {@link #ruleAll(Reader, Writer, Consumer)} writes, encoded as UTF-8. The stream is flushed at the
   * end and not closed.
   *
   * @throws RulingsNotWritten when the stream fails or is closed by its reader (reading stops with it)
   * @throws UncheckedIOException when the reader fails
   */
  public BatchSummary ruleAll(Reader incidents, OutputStream rulings, Consumer<LineError> errors) {
    return ruleAll(incidents, new ByteRulings(rulings), errors);
  }

  private BatchSummary ruleAll(Reader incidents, RulingSink rulings, Consumer<LineError> errors) {
    int window = 2 * threads + 1;
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemons());
    ArrayDeque<Future<Chunk>> inFlight = new ArrayDeque<>(window);
    // Chunks written out are used again, with their buffers, so a long batch allocates no new ones.
    ArrayDeque<Chunk> spare = new ArrayDeque<>(window + 1);
    LineReader lines = new LineReader(incidents);
    boolean bytes = rulings instanceof ByteRulings;
    long ruled = 0;
    long failed = 0;
    try {
      while (true) {
        Chunk chunk;
        try {
          chunk = lines.nextChunk(spare.isEmpty() ? new Chunk() : spare.removeFirst());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        if (chunk == null) {
          break;
        }
        if (inFlight.size() == window) {
          Chunk done = await(inFlight.removeFirst());
          ruled += done.ruled;
          failed += done.write(rulings, errors);
          spare.addLast(done.clear());
          progress.accept(BatchSummary.builder().lines(ruled + failed).ruled(ruled).failed(failed).build());
        }
        inFlight.addLast(pool.submit(() -> rule(chunk, bytes)));
      }
      while (!inFlight.isEmpty()) {
        Chunk done = await(inFlight.removeFirst());
        ruled += done.ruled;
        failed += done.write(rulings, errors);
      }
      rulings.flush();
    } catch (IOException e) {
      // Reading fails above, on its own; what else fails here is the output, and reading stops with it.
      throw new RulingsNotWritten(e);
    } finally {
      inFlight.forEach(f -> f.cancel(true));
      pool.shutdownNow();
    }
    return BatchSummary.builder().lines(lines.lineNumber).ruled(ruled).failed(failed).build();
  }

  private Chunk rule(Chunk chunk, boolean bytes) throws IOException {
    JsonGenerator json = null;
    if (bytes) {
      chunk.lines.reserve(chunk.chars * 12);
    } else {
      json = EvalJson.mapper().getFactory().createGenerator(chunk.writer());
      json.setRootValueSeparator(null);
    }
    for (int i = 0; i < chunk.texts.size(); i++) {
      String text = chunk.texts.get(i);
      long line = chunk.numbers[i];
      if (text == null) {
        chunk.fail(i, problem(line, 0, "", "the line is longer than " + MAX_LINE_LENGTH + " characters"));
        continue;
      }
      Incident incident;
      try {
        incident = read(text, line);
      } catch (LineFailure e) {
        chunk.fail(i, e.problems);
        continue;
      }
      Ruling ruling;
      try {
        ruling = evaluator.rule(incident);
      } catch (RuntimeException e) {
        chunk.fail(i, problem(line, 0, "", "could not rule on incident '" + incident.id() + "': " + e.getMessage()));
        continue;
      }
      if (bytes) {
        chunk.lines.write(ruling);
        chunk.lines.append((byte) '\n');
      } else {
        RulingJsonWriter.write(ruling, json);
        json.flush();
        chunk.text.append('\n');
      }
      chunk.ruled++;
      chunk.ends[i] = chunk.size();
    }
    if (json != null) {
      json.close();
    }
    chunk.count = chunk.texts.size();
    return chunk;
  }

  private Incident read(String text, long line) {
    Optional<Incident> clean = loader.readIfClean(text);
    if (clean.isPresent()) {
      return clean.get();
    }
    // Read again as a tree, which says what is wrong with the JSON, if anything.
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      int column = e.getLocation() == null ? 0 : Math.max(1, e.getLocation().getColumnNr());
      throw new LineFailure(problem(line, column, "", "not a JSON value: " + e.getOriginalMessage()));
    }
    Optional<Incident> checked = loader.readChecked(node);
    if (checked.isPresent()) {
      return checked.get();
    }
    // The located path: slower, but it finds every problem and says where.
    try {
      LocatedDocument document = LocatedDocument.read(text.getBytes(StandardCharsets.UTF_8), source, ReadLimits.STANDARD);
      return loader.read(document, "");
    } catch (PolicyValidationException e) {
      List<Diagnostic> problems = new ArrayList<>();
      for (Diagnostic problem : e.diagnostics()) {
        problems.add(Diagnostic.builder().from(problem).source(source).line((int) Math.min(line, Integer.MAX_VALUE)).build());
      }
      throw new LineFailure(problems);
    } catch (PolicyException e) {
      throw new LineFailure(problem(line, 0, "", e.getMessage()));
    }
  }

  private List<Diagnostic> problem(long line, int column, String pointer, String message) {
    return List.of(Diagnostic.builder().code(Diagnostic.YAML_SYNTAX).source(source).line((int) Math.min(line, Integer.MAX_VALUE))
        .column(column).pointer(pointer).message(message).build());
  }

  private static Chunk await(Future<Chunk> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PolicyException("interrupted while ruling on a batch", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static ThreadFactory daemons() {
    return task -> {
      Thread thread = new Thread(task, "precept-batch");
      thread.setDaemon(true);
      return thread;
    };
  }

  /** A line that cannot be ruled on. */
  private static final class LineFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> problems;

    LineFailure(List<Diagnostic> problems) {
      super(null, null, false, false);
      this.problems = problems;
    }
  }

  /**
   * Up to {@link #CHUNK_LINES} lines, ruled on together by one thread, and their ruling lines: as
   * UTF-8 bytes, or as text once {@link #writer()} has been asked for. Kept from chunk to chunk, its
   * buffers grow to the largest chunk's rulings and stay, and its ruling line writer keeps its memo.
   */
  private static final class Chunk {
    final List<String> texts = new ArrayList<>(CHUNK_LINES);
    final long[] numbers = new long[CHUNK_LINES];
    final int[] ends = new int[CHUNK_LINES];
    final RulingJsonLines lines = new RulingJsonLines();
    StringBuilder text;
    private Writer textWriter;
    List<LineError> failures;
    int chars;
    int count;
    int ruled;

    void fail(int index, List<Diagnostic> problems) {
      if (failures == null) {
        failures = new ArrayList<>();
      }
      failures.add(LineError.builder().line(numbers[index]).problems(problems).build());
      ends[index] = -1;
    }

    /** The writer of text output. */
    Writer writer() {
      if (text == null) {
        text = new StringBuilder(1 << 16);
        textWriter = new BuilderWriter(text);
      }
      return textWriter;
    }

    /** How much of the ruling lines has been written: bytes, or characters for text. */
    int size() {
      return text == null ? lines.size() : text.length();
    }

    /** Writes the rulings and reports the errors, in line order; the number of errors. */
    int write(RulingSink out, Consumer<LineError> errors) throws IOException {
      if (failures == null) {
        out.write(this, 0, size());
        return 0;
      }
      int from = 0;
      int failure = 0;
      for (int i = 0; i < count; i++) {
        if (ends[i] < 0) {
          errors.accept(failures.get(failure++));
        } else {
          out.write(this, from, ends[i]);
          from = ends[i];
        }
      }
      return failures.size();
    }

    /** Empties the chunk for the next lines, keeping its buffers. */
    Chunk clear() {
      texts.clear();
      failures = null;
      chars = 0;
      count = 0;
      ruled = 0;
      lines.truncate(0);
      if (text != null) {
        text.setLength(0);
      }
      return this;
    }
  }

  /** Where the ruling lines go, written from the calling thread. */
  private interface RulingSink {
    /** Writes the chunk's ruling lines from {@code from} to {@code to} (bytes or characters, as the chunk holds). */
    void write(Chunk chunk, int from, int to) throws IOException;

    void flush() throws IOException;
  }

  /** Ruling lines onto a writer, as text. */
  private record TextRulings(Writer out) implements RulingSink {
    @Override
    public void write(Chunk chunk, int from, int to) throws IOException {
      // Through a string: a PrintWriter (standard output) would turn a CharSequence into one anyway.
      out.write(chunk.text.substring(from, to));
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }
  }

  /** Ruling lines onto a stream, as UTF-8 bytes encoded on the threads that ruled. */
  private record ByteRulings(OutputStream out) implements RulingSink {
    @Override
    public void write(Chunk chunk, int from, int to) throws IOException {
      out.write(chunk.lines.bytes(), from, to - from);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }
  }

  /** Reads lines of bounded length and groups them into chunks. */
  private static final class LineReader {
    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private final StringBuilder line = new StringBuilder();
    private boolean ended;
    long lineNumber;

    LineReader(Reader in) {
      this.in = in;
    }

    /** Fills {@code chunk} with the next lines; null at the end of the input. */
    Chunk nextChunk(Chunk chunk) throws IOException {
      while (chunk.texts.size() < CHUNK_LINES && chunk.chars < CHUNK_CHARS) {
        String text = wholeLineInBuffer();
        if (text == null) {
          line.setLength(0);
          int read = readLine(line);
          if (read < 0) {
            break;
          }
          if (read > MAX_LINE_LENGTH) {
            lineNumber++;
            chunk.numbers[chunk.texts.size()] = lineNumber;
            chunk.texts.add(null);
            continue;
          }
          text = line.toString();
        }
        lineNumber++;
        if (lineNumber == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
          text = text.substring(1);
        }
        if (text.isBlank()) {
          continue;
        }
        chunk.numbers[chunk.texts.size()] = lineNumber;
        chunk.texts.add(text);
        chunk.chars += text.length();
      }
      return chunk.texts.isEmpty() && ended ? null : chunk;
    }

    /**
     * The next line when all of it, with its end, is in the buffer and it is not over the limit,
     * made straight from the buffer; else null, and nothing is read.
     */
    private String wholeLineInBuffer() {
      int end = position;
      while (end < limit && buffer[end] != '\n') {
        end++;
      }
      int stop = end > position && buffer[end - 1] == '\r' ? end - 1 : end;
      if (end == limit || stop - position > MAX_LINE_LENGTH) {
        return null;
      }
      String text = new String(buffer, position, stop - position);
      position = end + 1;
      return text;
    }

    /** The line's length (its text kept only up to the limit), or -1 at the end. */
    private int readLine(StringBuilder line) throws IOException {
      int length = 0;
      boolean any = false;
      while (true) {
        if (position == limit) {
          limit = in.read(buffer, 0, buffer.length);
          position = 0;
          if (limit <= 0) {
            limit = 0;
            ended = true;
            return any ? trimCarriageReturn(line, length) : -1;
          }
        }
        any = true;
        int start = position;
        while (position < limit && buffer[position] != '\n') {
          position++;
        }
        int run = position - start;
        if (length + run <= MAX_LINE_LENGTH + 1) {
          line.append(buffer, start, run);
        }
        length += run;
        if (position < limit) {
          position++;
          return trimCarriageReturn(line, length);
        }
      }
    }

    private static int trimCarriageReturn(StringBuilder line, int length) {
      if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
        line.setLength(line.length() - 1);
        return length - 1;
      }
      return length;
    }
  }

  /** A writer appending to a string builder, without the locking of {@code StringWriter}. */
  private static final class BuilderWriter extends Writer {
    private final StringBuilder out;

    BuilderWriter(StringBuilder out) {
      this.out = out;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      out.append(chars, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) {
      out.append(text, offset, offset + length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "BatchRulings[%s, %d threads]", evaluator.policy().id(), threads);
  }
}
