package dev.precept.cli.internal;

import dev.precept.model.Policy;
import dev.precept.render.SignatureBlock;
import java.nio.file.Path;

/** The signature block a document shows for a policy file. */
final class Approvals {
  private Approvals() {}

  /** Lines to sign by hand: approvals recorded beside a policy are not read yet. */
  static SignatureBlock signatureBlock(Path policyFile, Policy policy) {
    return SignatureBlock.unsigned(policy);
  }
}
