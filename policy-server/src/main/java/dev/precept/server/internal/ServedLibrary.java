package dev.precept.server.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.precept.eval.Evaluator;
import dev.precept.eval.IncidentLoader;
import dev.precept.library.Drafts;
import dev.precept.library.Edition;
import dev.precept.library.InForce;
import dev.precept.library.PolicyLibrary;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library as served: read at start, read again when a file in the folder changes. A change that
 * fails validation or verification never replaces an edition in force (the library keeps the
 * earlier one and reports the refusal).
 */
public final class ServedLibrary {
  private static final Logger LOG = LoggerFactory.getLogger(ServedLibrary.class);

  private final Path folder;
  private final Drafts drafts;
  private final AtomicReference<PolicyLibrary> current;
  private final ConcurrentHashMap<String, Evaluator> evaluators = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, IncidentLoader> loaders = new ConcurrentHashMap<>();
  private final Counter reloads;
  private final Counter refusals;
  private volatile InForceAnswers answers;
  private volatile String fingerprint;
  private volatile Instant loadedAt;

  /** Reads the library now. */
  public ServedLibrary(Path folder, Drafts drafts, MeterRegistry metrics) {
    this.folder = folder;
    this.drafts = drafts;
    this.fingerprint = fingerprint(folder);
    this.current = new AtomicReference<>(PolicyLibrary.open(folder));
    this.loadedAt = Instant.now();
    this.reloads = Counter.builder("precept.library.reloads").description("Times the library was read again after a change").register(metrics);
    this.refusals = Counter.builder("precept.library.reload.failures")
        .description("Reloads that found a file refused (invalid, or an unapproved change)").register(metrics);
  }

  /** The library as it stands. */
  public PolicyLibrary library() {
    return current.get();
  }

  /** Whether drafts may be in force. */
  public Drafts drafts() {
    return drafts;
  }

  /** When the library was last read. */
  public Instant loadedAt() {
    return loadedAt;
  }

  /** The evaluator for an edition, compiled once. */
  public Evaluator evaluator(Edition edition) {
    return evaluators.computeIfAbsent(edition.digest(), d -> Evaluator.of(edition.policy()));
  }

  /**
   * The edition in force on a date, with its JSON as a ruling shows it, and the middle of a ruling's
   * response naming the policy and the edition (both null when none is in force).
   *
   * @param policyAndEdition {@code ,"policy":"<id>","edition":<editionJson>} as UTF-8, written by
   *     the same generator as the rest of the response
   */
  public record Answer(InForce inForce, String editionJson, byte[] policyAndEdition) {}

  private record PolicyOnDate(String policyId, LocalDate date) {}

  private record InForceAnswers(PolicyLibrary library, ConcurrentHashMap<PolicyOnDate, Answer> byDate) {}

  /**
   * Which edition of a policy is in force on a date, as {@link PolicyLibrary#inForce} answers,
   * remembered for the library as read (a reload starts afresh; at most a few thousand are kept).
   */
  public Answer inForce(String policyId, LocalDate date) {
    PolicyLibrary now = current.get();
    InForceAnswers known = answers;
    if (known == null || known.library() != now) {
      known = new InForceAnswers(now, new ConcurrentHashMap<>());
      answers = known;
    }
    if (known.byDate().size() > 4096) {
      known.byDate().clear();
    }
    return known.byDate().computeIfAbsent(new PolicyOnDate(policyId, date), k -> {
      InForce inForce = now.inForce(policyId, date, drafts);
      if (inForce.edition().isEmpty()) {
        return new Answer(inForce, null, null);
      }
      String editionJson = Json.write(RulingDesk.edition(inForce.edition().get(), inForce));
      return new Answer(inForce, editionJson, policyAndEdition(policyId, editionJson));
    });
  }

  /** {@code ,"policy":"<id>","edition":<editionJson>}, as a generator writes it after an object's first field. */
  private static byte[] policyAndEdition(String policyId, String editionJson) {
    try (ByteArrayBuilder bytes = new ByteArrayBuilder(editionJson.length() + policyId.length() + 32);
        JsonGenerator out = Json.mapper().getFactory().createGenerator(bytes)) {
      out.writeStartObject();
      out.writeStringField("policy", policyId);
      out.writeFieldName("edition");
      out.writeRawValue(editionJson);
      out.flush();
      byte[] written = bytes.toByteArray();
      written[0] = ','; // in the response the policy follows other fields
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The incident reader for an edition, built once (its vocabulary and types are the edition's). */
  public IncidentLoader loader(Edition edition) {
    return loaders.computeIfAbsent(edition.digest(), d -> IncidentLoader.forPolicy(edition.policy()));
  }

  /** Reads the library again when a file under it changed since the last read; true when it did. */
  public synchronized boolean reloadIfChanged() {
    String now = fingerprint(folder);
    if (now.equals(fingerprint)) {
      return false;
    }
    fingerprint = now;
    try {
      PolicyLibrary next = current.get().reload();
      current.set(next);
      loadedAt = Instant.now();
      reloads.increment();
      if (!next.problems().isEmpty()) {
        refusals.increment();
      }
      LOG.info("library reloaded: {} policies, {} problems", next.policies().size(), next.problems().size());
      return true;
    } catch (RuntimeException e) {
      refusals.increment();
      LOG.warn("library reload failed; the editions in force stay: {}", e.getMessage());
      return false;
    }
  }

  /** Sizes and modification times of every file under the folder except the server's data. */
  static String fingerprint(Path folder) {
    StringBuilder out = new StringBuilder();
    try (Stream<Path> walk = Files.walk(folder, 6)) {
      walk.filter(p -> !folder.relativize(p).toString().startsWith(Database.DATA_FOLDER) && Files.isRegularFile(p)).sorted().forEach(p -> {
        try {
          out.append(p).append('|').append(Files.size(p)).append('|').append(Files.getLastModifiedTime(p).toMillis()).append('\n');
        } catch (IOException e) {
          out.append(p).append("|gone\n");
        }
      });
    } catch (IOException | UncheckedIOException e) {
      return "unreadable:" + e.getMessage();
    }
    return Secrets.sha256(out.toString());
  }
}
