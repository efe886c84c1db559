package dev.precept.cli.internal;

import dev.precept.cli.Precept;
import dev.precept.model.Modality;
import dev.precept.model.Policy;
import dev.precept.model.PolicyDigest;
import dev.precept.model.PolicyLoader;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code precept demo}: the main job on the bundled example, saying what it did. */
@Command(name = "demo", description = "Run the main job on the bundled example policy and say what it did.",
    mixinStandardHelpOptions = true)
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("Precept demo: the Connect Academy Trust Social Media Policy (2016), bundled as YAML.");
    out.println();
    Policy policy = PolicyLoader.standard().parse(BundledExample.read(BundledExample.SEED), BundledExample.SEED);
    var metadata = policy.metadata();
    long musts = policy.consequences().stream().filter(c -> c.modality() == Modality.MUST).count();
    out.println("1. Validated " + BundledExample.SEED + " against the schema and the policy rules: valid.");
    out.printf("   %s, %s%n", metadata.organisation(), metadata.title());
    out.printf("   version %s, %s, digest %s%n", metadata.version(), metadata.status().word(), PolicyDigest.of(policy));
    out.printf("   %d sections, %d clauses, %d roles in %d groups, %d offices, %d consequences (%d must, %d may)%n",
        policy.sections().size(), policy.allClauses().size(), policy.roles().size(), policy.groups().size(),
        policy.offices().size(), policy.consequences().size(), musts, policy.consequences().size() - musts);
    out.println();
    out.println("Try: ./precept validate examples/connect-academy-trust/social-media-policy.yaml");
    return Precept.OK;
  }
}
