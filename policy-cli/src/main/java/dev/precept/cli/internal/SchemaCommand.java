package dev.precept.cli.internal;

import dev.precept.model.PolicySchema;
import dev.precept.model.SchemaReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code precept schema [--for KIND]}: the JSON Schema of a Precept file format, for editors and other tools. */
@Command(name = "schema", description = "Print the JSON Schema (Draft 2020-12) of a Precept file format, or with --format markdown"
    + " the reference for people.",
    mixinStandardHelpOptions = true)
public final class SchemaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Output formats. */
  public enum Format { json, markdown }

  /** The file formats that have a schema. */
  public enum Kind {
    /** A policy. */
    policy("/dev/precept/model/policy.schema.json", "policy"),
    /** An incident to rule on. */
    incident("/dev/precept/eval/incident.schema.json", "incident"),
    /** A cases file: incidents with the rulings expected. */
    cases("/dev/precept/eval/cases.schema.json", "cases"),
    /** A policy's approvals file. */
    approvals("/dev/precept/approval/approvals.schema.json", "approvals"),
    /** A keyring of signing keys. */
    keyring("/dev/precept/approval/keyring.schema.json", "keyring"),
    /** An academy's overlay on a trust's master policy. */
    overlay("/dev/precept/model/overlay.schema.json", "overlay");

    private final String resource;
    private final String word;

    Kind(String resource, String word) {
      this.resource = resource;
      this.word = word;
    }

    /** The schema's JSON text. */
    public String text() {
      if (this == policy) {
        return PolicySchema.text();
      }
      if (this == overlay) {
        return dev.precept.model.OverlaySchema.text();
      }
      try (InputStream in = SchemaCommand.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("the " + word + " schema is missing from this build: " + resource);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The file name {@code precept init} writes it under: {@code policy.schema.json}. */
    public String fileName() {
      return word + ".schema.json";
    }
  }

  @Option(names = "--for", defaultValue = "policy", paramLabel = "KIND",
      description = "Which format: policy, incident, cases, approvals, keyring or overlay (an academy's overlay on a master) (default: ${DEFAULT-VALUE}).")
  Kind kind;

  @Option(names = "--format", defaultValue = "json", description = "json (the schema) or markdown (the reference for people) (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    String text;
    if (format == Format.json) {
      text = kind.text();
    } else if (kind == Kind.policy) {
      text = SchemaReference.markdown();
    } else {
      text = SchemaReference.markdown(kind.text(), "precept schema --for " + kind.word + " --format markdown");
    }
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
