package dev.precept.cli.internal;

import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import dev.precept.model.ReadLimits;
import dev.precept.approval.Keyring;
import dev.precept.approval.Keyring.TrustedKey;
import dev.precept.approval.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code precept trust POLICY --office O --name N --public-key FILE}: add a signatory's key to the keyring. */
@Command(name = "trust", description = "Trust a signatory's public key for an office of the policy (writes POLICY.keyring.yaml).",
    mixinStandardHelpOptions = true)
public final class TrustCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "POLICY", description = "The policy file.")
  Path policyFile;

  @Option(names = "--office", required = true, description = "The office the key may sign for.")
  String office;

  @Option(names = "--name", required = true, description = "The key holder's name.")
  String name;

  @Option(names = "--public-key", required = true, paramLabel = "FILE", description = "The .pub.pem file from 'precept keygen'.")
  Path publicKey;

  @Override
  public Integer call() {
    Policy policy = Inputs.policy(policyFile);
    if (policy.metadata().signatories().stream().noneMatch(s -> s.office().equals(office))) {
      throw new UsageException("office '" + office + "' does not sign " + policy.id() + "; its signatories are "
          + policy.metadata().signatories().stream().map(s -> s.office()).toList());
    }
    String pem = new String(PolicyLoader.readFile(Inputs.existing(publicKey), ReadLimits.STANDARD), StandardCharsets.UTF_8);
    String fingerprint = SigningKeys.fingerprint(SigningKeys.readPublic(pem));
    Path keyringFile = ApprovalFiles.keyringFile(policyFile);
    Keyring keyring = ApprovalFiles.keyring(keyringFile);
    if (keyring.byFingerprint(fingerprint).isPresent()) {
      throw new UsageException("key " + fingerprint + " is already in " + keyringFile);
    }
    Keyring updated = Keyring.builder().from(keyring)
        .addKeys(TrustedKey.builder().office(office).name(name).publicKey(pem).build()).build();
    OutputFiles.write(keyringFile, dev.precept.approval.Approvals.writeKeyring(updated), List.of(policyFile, publicKey));
    spec.commandLine().getOut().println("trusted " + fingerprint + " (" + name + ") to sign for '" + office + "' in " + keyringFile);
    return ExitCode.OK;
  }
}
