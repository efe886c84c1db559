package dev.precept.cli.internal;

import dev.precept.approval.SigningKeys;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code precept keygen --out DIR --name "..."}: an Ed25519 key pair for a signatory. */
@Command(name = "keygen", description = "Make an Ed25519 signing key pair: a private key (PKCS#8 PEM, readable only by you) and a public key to give the Board's secretary.",
    mixinStandardHelpOptions = true)
public final class KeygenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the keys.")
  Path out;

  @Option(names = "--name", required = true, description = "Your name, as it should appear on the documents you sign.")
  String name;

  @Override
  public Integer call() throws Exception {
    String base = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    if (base.isEmpty()) {
      throw new UsageException("--name must contain letters or digits");
    }
    Path folder = OutputFiles.privateFolder(out);
    Path privateFile = folder.resolve(base + ".key.pem");
    Path publicFile = folder.resolve(base + ".pub.pem");
    if (Files.exists(privateFile)) {
      throw new UsageException(privateFile + " already exists: a key is never overwritten");
    }
    KeyPair pair = SigningKeys.generate();
    OutputFiles.write(publicFile, SigningKeys.publicPem(pair.getPublic()), List.of());
    OutputFiles.writePrivate(privateFile, SigningKeys.privatePem(pair.getPrivate()));
    PrintWriter printer = spec.commandLine().getOut();
    printer.println("wrote " + privateFile + " (your private key: keep it to yourself)");
    printer.println("wrote " + publicFile + " (give this to the Board's secretary)");
    printer.println("fingerprint " + SigningKeys.fingerprint(pair.getPublic()));
    printer.println();
    printer.println("The secretary trusts it for your office with:");
    printer.println("  precept trust POLICY --office OFFICE --name \"" + name + "\" --public-key " + publicFile);
    return ExitCode.OK;
  }

  static boolean posix(Path file) throws java.io.IOException {
    return Files.getFileStore(file).supportsFileAttributeView("posix");
  }

  static void privateMode(Path file) throws java.io.IOException {
    if (posix(file)) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }
}
