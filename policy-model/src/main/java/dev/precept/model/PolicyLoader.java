package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.databind.JsonNode;
import dev.precept.model.internal.Mappers;
import dev.precept.model.internal.SemanticCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a policy's YAML into a validated {@link Policy}: safe YAML reading, the JSON Schema, then
 * the semantic rules. Every problem in the file is reported at once.
 *
 * <pre>{@code
 * try {
 *   Policy policy = PolicyLoader.standard().load(Path.of("social-media-policy.yaml"));
 * } catch (PolicyValidationException e) {
 *   e.diagnostics().forEach(p -> System.err.println(p.describe()));
 * }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class PolicyLoader {
  private static final PolicyLoader STANDARD = new PolicyLoader(ReadLimits.STANDARD);

  private final ReadLimits limits;

  private PolicyLoader(ReadLimits limits) {
    this.limits = limits;
  }

  /** A loader with the standard {@link ReadLimits}. */
  public static PolicyLoader standard() {
    return STANDARD;
  }

  /** A loader with other limits. */
  public static PolicyLoader withLimits(ReadLimits limits) {
    return new PolicyLoader(limits);
  }

  /**
   * Builds ahead of time what the first load in a process builds on first use: the schema's
   * check and Jackson's reader and writer for the model (a good part of a command line's cold
   * start). A command line calls it on another thread as it starts, so that work overlaps with
   * reading its arguments and the file; loading gives the same results with or without it, and
   * any failure here is left for the load itself to meet and report.
   */
  @API(status = API.Status.INTERNAL, since = "0.1")
  public static void prepare() {
    try {
      SchemaValidator.policy();
      Mappers.json().readerFor(Policy.class);
      // Written for the policy's digest: each model class's writer, as Jackson looks them up by class.
      for (Class<?> written : dev.precept.model.internal.ModelTypes.writtenFrom(Policy.class)) {
        prepareWriter(written);
      }
    } catch (RuntimeException e) {
      // The load builds the same things again and reports what is wrong in its own words.
    }
  }

  private static void prepareWriter(Class<?> written) {
    try {
      Mappers.json().writerFor(written);
    } catch (RuntimeException e) {
      // As above: left for the digest to meet, and the other writers are still prepared.
    }
  }

  /**
   * Loads and validates a policy file.
   *
   * @throws PolicyValidationException listing every problem when the file is not a valid policy
   * @throws PolicyException when the file cannot be read at all
   */
  public Policy load(Path file) {
    return parse(readFile(file, limits), file.toString());
  }

  /**
   * Validates a policy given as text.
   *
   * @param source the name problems are reported under
   * @throws PolicyValidationException listing every problem when the text is not a valid policy
   */
  public Policy parse(String yaml, String source) {
    return parse(yaml.getBytes(StandardCharsets.UTF_8), source);
  }

  /**
   * Validates a policy given as UTF-8 bytes.
   *
   * @throws PolicyValidationException listing every problem when the bytes are not a valid policy
   */
  public Policy parse(byte[] bytes, String source) {
    List<Diagnostic> duplicateKeys = new ArrayList<>();
    LocatedDocument document = LocatedDocument.readKeepingDuplicateKeys(bytes, source, limits, duplicateKeys::add);
    if (duplicateKeys.isEmpty()) {
      return fromDocument(document);
    }
    // Every problem at once: a duplicate key does not hide the rest of the file's problems.
    List<Diagnostic> problems = new ArrayList<>(duplicateKeys);
    try {
      fromDocument(document);
    } catch (PolicyValidationException e) {
      problems.addAll(e.diagnostics());
    }
    throw failure(problems);
  }

  /**
   * Validates a document already read.
   *
   * @throws PolicyValidationException listing every problem when it is not a valid policy
   */
  public Policy fromDocument(LocatedDocument document) {
    JsonNode root = document.root();
    if (!root.isObject()) {
      throw new PolicyValidationException(List.of(document.diagnostic(Diagnostic.SCHEMA_PREFIX + "type", "",
          "a policy is a YAML mapping of keys to values, not " + describe(root),
          "start the file with 'schemaVersion: 1'")));
    }
    JsonNode version = root.get("schemaVersion");
    if (version == null) {
      throw new PolicyValidationException(List.of(document.diagnostic(Diagnostic.SCHEMA_VERSION, "",
          "the document is missing required key 'schemaVersion'",
          "add 'schemaVersion: 1' as the first line; this build reads schemaVersion "
              + PolicySchema.SUPPORTED_VERSIONS)));
    }
    if (!version.canConvertToInt() || !version.isIntegralNumber()
        || !PolicySchema.SUPPORTED_VERSIONS.contains(version.intValue())) {
      throw new PolicyValidationException(List.of(document.diagnostic(Diagnostic.SCHEMA_VERSION, "/schemaVersion",
          "schemaVersion " + version + " is not one this build reads",
          "this build reads schemaVersion " + PolicySchema.SUPPORTED_VERSIONS
              + "; a newer file needs a newer Precept")));
    }
    List<Diagnostic> problems = new ArrayList<>(SchemaValidator.policy().check(document));
    if (!problems.isEmpty()) {
      // Every problem at once: the semantic ones too, found on a repaired copy.
      throw failure(new ArrayList<>(Salvage.everyProblem(document, problems, SchemaValidator.policy())));
    }
    Policy policy;
    try {
      policy = Mappers.json().treeToValue(root, Policy.class);
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw new PolicyValidationException(List.of(document.diagnostic(Diagnostic.SCHEMA_PREFIX + "model", "",
          "the policy passed the schema but could not be read: " + e.getMessage(), null)));
    }
    problems.addAll(SemanticCheck.check(policy, document));
    problems.addAll(dev.precept.model.internal.VariationCheck.check(policy, document));
    if (!problems.isEmpty()) {
      throw failure(problems);
    }
    return policy;
  }

  /**
   * Reads a file's bytes within the size limit.
   *
   * @throws PolicyException naming the file when it is missing, unreadable or too large
   */
  public static byte[] readFile(Path file, ReadLimits limits) {
    try {
      if (Files.isDirectory(file)) {
        throw new PolicyException(file + ": is a directory, not a policy file");
      }
      if (Files.exists(file) && !Files.isRegularFile(file)) {
        // A pipe or device would be read until it ends, which may be never.
        throw new PolicyException(file + ": is not a regular file (a pipe, socket or device); give the path of a file");
      }
      long size = Files.size(file);
      if (size > limits.maxBytes()) {
        throw new PolicyValidationException(List.of(Diagnostic.builder().code(Diagnostic.TOO_LARGE)
            .source(file.toString()).line(0).column(0).pointer("")
            .message(String.format(java.util.Locale.ROOT,
                "file is %,d bytes, more than the %,d bytes a policy file may have", size, limits.maxBytes()))
            .hint("split the file or raise the limit if this is really one policy")
            .build()));
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new PolicyException(file + ": no such file");
    } catch (java.nio.file.AccessDeniedException e) {
      throw new PolicyException(file + ": cannot be read (permission denied)", e);
    } catch (IOException e) {
      throw new PolicyException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }

  private static PolicyValidationException failure(List<Diagnostic> problems) {
    problems.sort(Diagnostic.IN_READING_ORDER);
    return new PolicyValidationException(problems);
  }

  private static String describe(JsonNode node) {
    if (node.isArray()) {
      return "a list";
    }
    if (node.isNull()) {
      return "an empty value";
    }
    return "a single value ('" + node.asText() + "')";
  }
}
