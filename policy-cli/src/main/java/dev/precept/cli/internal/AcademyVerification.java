package dev.precept.cli.internal;

import dev.precept.approval.ApprovalStatus;
import dev.precept.library.TrustLibrary;
import dev.precept.model.Policy;
import dev.precept.model.PolicyDigest;
import dev.precept.model.Diagnostic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code precept verify DIR --academy NAME}: both approvals an academy's document rests on. */
final class AcademyVerification {
  private AcademyVerification() {}

  static int run(PrintWriter out, Path library, String academy, LocalDate date, OutputFormat format) {
    boolean ok = true;
    List<Map<String, Object>> results = new ArrayList<>();
    for (Academies.AcademyPolicy each : Academies.select(library, academy, date)) {
      TrustLibrary trust = each.library();
      ApprovalStatus board = trust.masterApproval(each.master());
      Policy named = each.overlay().namedEdition(trust.masterEditions());
      List<Diagnostic> underneath = named == each.master() ? List.of() : each.overlay().changedUnderneath(named, each.master());
      boolean tailored = !each.overlay().tailoring().isEmpty();
      ApprovalStatus local = tailored ? trust.localApproval(each.overlay(), each.master()) : null;
      boolean approved = board.approved() && (local == null || local.approved()) && underneath.isEmpty();
      ok &= approved;
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("academy", each.academy());
      result.put("policy", each.policy().id());
      result.put("masterEdition", each.master().metadata().version());
      result.put("digest", PolicyDigest.of(each.policy()).toString());
      result.put("approved", approved);
      result.put("board", Map.of("digest", board.digest(), "approved", board.approved(), "reasons", board.reasons()));
      if (local != null) {
        result.put("localGoverningBody", Map.of("tailoringDigest", local.digest(), "approved", local.approved(), "reasons", local.reasons()));
      }
      result.put("changedUnderneath", underneath.stream().map(Diagnostic::describe).toList());
      results.add(result);
      if (format == OutputFormat.text) {
        out.printf("%s, %s (master edition %s): %s%n", each.academy(), each.policy().metadata().title(), each.master().metadata().version(),
            approved ? "APPROVED" : "NOT APPROVED");
        out.println("  the Board: " + (board.approved() ? "approved the master " + board.digest() : String.join("; ", board.reasons())));
        if (local == null) {
          out.println("  the Local Governing Body: nothing to approve (no clause tailored)");
        } else {
          out.println("  the Local Governing Body: " + (local.approved() ? "approved the tailoring " + local.digest() : String.join("; ", local.reasons())));
        }
        underneath.forEach(p -> out.println("  " + p.describe().replace("\n", "\n  ")));
      }
    }
    if (format == OutputFormat.json) {
      out.println(CliJson.write(Map.of("approved", ok, "academies", results)));
    }
    out.flush();
    return ok ? ExitCode.OK : ExitCode.INVALID;
  }
}
