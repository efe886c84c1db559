package dev.precept.cli.internal;

import dev.precept.cli.Precept;
import dev.precept.model.PolicySchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code precept schema}: the JSON Schema of the policy format, for editors and other tools. */
@Command(name = "schema", description = "Print the JSON Schema (Draft 2020-12) of the policy YAML format, or with --format markdown the reference for people.",
    mixinStandardHelpOptions = true)
public final class SchemaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Output formats. */
  public enum Format { json, markdown }

  @picocli.CommandLine.Option(names = "--format", defaultValue = "json", description = "json (the schema) or markdown (the reference for people) (default: ${DEFAULT-VALUE}).")
  Format format;

  /** Which file's schema. */
  public enum Target { policy, overlay }

  @picocli.CommandLine.Option(names = "--for", defaultValue = "policy", description = "policy or overlay (an academy's overlay on a master) (default: ${DEFAULT-VALUE}).")
  Target target;

  @Override
  public Integer call() {
    if (target == Target.overlay) {
      if (format != Format.json) {
        throw new Precept.UsageException("the overlay format is described for people in docs/running-a-trusts-policies.md; --for overlay prints its JSON Schema");
      }
      spec.commandLine().getOut().print(dev.precept.model.OverlaySchema.text());
      spec.commandLine().getOut().flush();
      return Precept.OK;
    }
    spec.commandLine().getOut().print(format == Format.json ? PolicySchema.text() : dev.precept.model.SchemaReference.markdown());
    spec.commandLine().getOut().flush();
    return Precept.OK;
  }
}
