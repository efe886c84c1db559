package dev.precept.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precept.eval.ClauseRuling;
import dev.precept.eval.ConsequenceRuling;
import dev.precept.eval.Evaluator;
import dev.precept.eval.IncidentLoader;
import dev.precept.eval.Ruling;
import dev.precept.eval.Rulings;
import dev.precept.model.LocatedDocument;
import dev.precept.model.Policy;
import dev.precept.model.Diagnostic;
import dev.precept.server.ReplayChange;
import dev.precept.server.ReplayReport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Re-rules every logged incident of a policy under a draft edition and lists what would change. */
public final class Replay {
  private Replay() {}

  /** The replay of the log's decisions of the draft's policy. */
  public static ReplayReport of(DecisionLog log, Policy draft) {
    return of(log, draft, java.time.Instant.MIN);
  }

  /** The replay of the log's decisions of the draft's policy recorded at or after {@code since}. */
  public static ReplayReport of(DecisionLog log, Policy draft, java.time.Instant since) {
    Evaluator evaluator = Evaluator.of(draft);
    IncidentLoader loader = IncidentLoader.forPolicy(draft);
    ReplayReport.Builder report = ReplayReport.builder().policy(draft.id()).version(draft.metadata().version());
    int total = 0;
    for (DecisionRecord record : log.ofPolicy(draft.id())) {
      if (java.time.Instant.parse(record.recordedAt()).isBefore(since)) {
        continue;
      }
      total++;
      ObjectNode incident = (ObjectNode) Json.read(record.incident());
      if (incident.path("person") instanceof ObjectNode person) {
        person.remove("id");
      }
      LocatedDocument document = LocatedDocument.read(Json.write(incident).getBytes(StandardCharsets.UTF_8), "decision " + record.decisionId(),
          RulingDesk.REQUEST_LIMITS);
      List<Diagnostic> problems = loader.check(document, "");
      ReplayChange.Builder change = ReplayChange.builder().decisionId(record.decisionId()).recordedAt(record.recordedAt())
          .editionVersion(record.editionVersion());
      if (!problems.isEmpty()) {
        report.addChanges(change.addDifferences("cannot be ruled under the draft: " + problems.stream().map(Diagnostic::message)
            .collect(Collectors.joining("; "))).build());
        continue;
      }
      Ruling before = Rulings.fromJson(record.ruling());
      Ruling after = evaluator.rule(loader.read(document, ""));
      List<String> differences = differences(before, after);
      if (!differences.isEmpty()) {
        report.addChanges(change.differences(differences).build());
      }
    }
    return report.replayed(total).build();
  }

  static List<String> differences(Ruling before, Ruling after) {
    List<String> out = new ArrayList<>();
    Map<String, String> was = outcomes(before);
    Map<String, String> now = outcomes(after);
    for (String clause : new TreeSet<>(union(was.keySet(), now.keySet()))) {
      String a = was.getOrDefault(clause, "not considered");
      String b = now.getOrDefault(clause, "not considered");
      if (!a.equals(b)) {
        out.add("clause " + clause + ": " + a + " -> " + b);
      }
    }
    Map<String, String> had = consequences(before);
    Map<String, String> has = consequences(after);
    for (String consequence : new TreeSet<>(union(had.keySet(), has.keySet()))) {
      if (!Objects.equals(had.get(consequence), has.get(consequence))) {
        out.add("consequence " + consequence + ": " + had.getOrDefault(consequence, "none") + " -> " + has.getOrDefault(consequence, "none"));
      }
    }
    return out;
  }

  private static <T> java.util.Set<T> union(java.util.Set<T> a, java.util.Set<T> b) {
    java.util.Set<T> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return all;
  }

  private static Map<String, String> outcomes(Ruling ruling) {
    Map<String, String> map = new TreeMap<>();
    for (ClauseRuling c : ruling.clauses()) {
      map.put(c.clause(), c.outcome().word());
    }
    return map;
  }

  private static Map<String, String> consequences(Ruling ruling) {
    Map<String, String> map = new TreeMap<>();
    for (ConsequenceRuling c : ruling.consequences()) {
      map.put(c.consequence(), c.status().toString().toLowerCase(java.util.Locale.ROOT) + " (" + c.modality().toString().toLowerCase(java.util.Locale.ROOT) + ")");
    }
    return map;
  }
}
