package dev.precept.bench;

import dev.precept.model.LocatedDocument;
import dev.precept.model.Policy;
import dev.precept.model.PolicyDigest;
import dev.precept.model.PolicyLoader;
import dev.precept.model.ReadLimits;
import java.nio.file.Path;

/**
 * One step of a cold start, alone in a fresh JVM, for {@code policy-bench/start-up-floor.sh}: how
 * much of {@code precept validate}'s start any command line built on this stack must spend before
 * it does anything of its own.
 *
 * <pre>{@code
 * java -cp precept.jar:floor.jar dev.precept.bench.StartupFloor yaml social-media-policy.yaml
 * }</pre>
 *
 * <p>Steps, each including the ones before it: {@code jar} (the JVM with the command line's jar on
 * its class path, reading the file's bytes), {@code yaml} (reading the YAML into the located tree
 * every diagnostic is placed from), {@code load} (the schema check, the model and the policy's own
 * checks), {@code digest} (the policy's digest, which {@code validate} prints).
 */
public final class StartupFloor {
  private StartupFloor() {}

  /** Runs the steps up to the one named first, on the policy file named second. */
  public static void main(String[] args) throws Exception {
    String step = args[0];
    Path file = Path.of(args[1]);
    byte[] bytes = PolicyLoader.readFile(file, ReadLimits.STANDARD);
    String said = bytes.length + " bytes";
    if (!step.equals("jar")) {
      LocatedDocument document = LocatedDocument.read(bytes, file.toString(), ReadLimits.STANDARD);
      said = document.root().size() + " keys";
      if (!step.equals("yaml")) {
        Policy policy = PolicyLoader.standard().fromDocument(document);
        said = policy.id();
        if (!step.equals("load")) {
          said = policy.id() + " " + PolicyDigest.of(policy);
        }
      }
    }
    System.out.println(step + ": " + said);
  }
}
