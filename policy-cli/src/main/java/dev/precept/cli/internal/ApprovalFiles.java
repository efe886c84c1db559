package dev.precept.cli.internal;

import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import dev.precept.model.ReadLimits;
import dev.precept.approval.ApprovalCheck;
import dev.precept.approval.ApprovalRecord;
import dev.precept.approval.ApprovalStatus;
import dev.precept.approval.Keyring;
import dev.precept.render.SignatureBlock;
import dev.precept.review.PolicyDiff;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The approval files kept beside a policy, and what they prove. */
final class ApprovalFiles {
  private ApprovalFiles() {}

  static Path approvalsFile(Path policyFile) {
    return sibling(policyFile, ".approvals.yaml");
  }

  static Path keyringFile(Path policyFile) {
    return sibling(policyFile, ".keyring.yaml");
  }

  private static Path sibling(Path policyFile, String suffix) {
    String name = policyFile.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
    return policyFile.resolveSibling(name + suffix);
  }

  static List<ApprovalRecord> records(Path approvals) {
    if (!Files.isRegularFile(approvals)) {
      return List.of();
    }
    return dev.precept.approval.Approvals.readRecords(PolicyLoader.readFile(approvals, ReadLimits.STANDARD), approvals.toString());
  }

  static List<dev.precept.approval.MinutedApproval> minuted(Path approvals) {
    if (!Files.isRegularFile(approvals)) {
      return List.of();
    }
    return dev.precept.approval.Approvals.readMinuted(PolicyLoader.readFile(approvals, ReadLimits.STANDARD), approvals.toString());
  }

  static Keyring keyring(Path keyring) {
    if (!Files.isRegularFile(keyring)) {
      return Keyring.empty();
    }
    return dev.precept.approval.Approvals.readKeyring(PolicyLoader.readFile(keyring, ReadLimits.STANDARD), keyring.toString());
  }

  /** The approval status from the files beside the policy; other editions in its folder explain old approvals. */
  static ApprovalStatus status(Path policyFile, Policy policy) {
    Path approvals = approvalsFile(policyFile);
    return ApprovalCheck.verify(policy, records(approvals), minuted(approvals), keyring(keyringFile(policyFile)),
        otherEditions(policyFile, policy), PolicyDiff::describeSince);
  }

  /** The signature block the document shows: filled in where approvals beside the policy verify. */
  static SignatureBlock signatureBlock(Path policyFile, Policy policy) {
    return Files.isRegularFile(approvalsFile(policyFile)) ? SignatureBlock.of(status(policyFile, policy)) : SignatureBlock.unsigned(policy);
  }

  /** Other editions of the same policy in the same folder. */
  static List<Policy> otherEditions(Path policyFile, Policy policy) {
    List<Policy> editions = new ArrayList<>();
    Path folder = policyFile.toAbsolutePath().getParent();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.yaml")) {
      for (Path file : files) {
        if (file.equals(policyFile.toAbsolutePath()) || file.getFileName().toString().matches(".*\\.(cases|approvals|keyring)\\.yaml")) {
          continue;
        }
        try {
          Policy other = PolicyLoader.standard().load(file);
          if (other.id().equals(policy.id())) {
            editions.add(other);
          }
        } catch (RuntimeException notAnEdition) {
          // a file in the folder that is not a valid policy says nothing about this one
        }
      }
    } catch (IOException e) {
      return editions;
    }
    return editions;
  }
}
