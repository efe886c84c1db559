package dev.precept.testkit;

import dev.precept.model.ClauseKind;
import dev.precept.model.Condition;
import dev.precept.model.FactType;
import dev.precept.model.Metadata.Approval;
import dev.precept.model.BreachCategory;
import dev.precept.model.Clause;
import dev.precept.model.ClauseException;
import dev.precept.model.Consequence;
import dev.precept.model.Metadata.Dates;
import dev.precept.model.Fact;
import dev.precept.model.Group;
import dev.precept.model.Metadata;
import dev.precept.model.Office;
import dev.precept.model.Policy;
import dev.precept.model.Role;
import dev.precept.model.Section;
import dev.precept.model.Modality;
import dev.precept.model.PermissionForm;
import dev.precept.model.PermissionTiming;
import dev.precept.model.Signatory;
import dev.precept.model.Status;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds random but valid policies from a seed: the same seed gives the same policy. Texts mix the
 * characters that trouble YAML writers (quotes, colons, '#', leading dashes, words YAML reads as
 * booleans or numbers, non-ASCII, line breaks).
 */
public final class PolicyGenerator {
  private static final String[] WORDS = {"the", "Trust", "must", "not", "post", "images", "yes", "no",
      "true", "1.5", "0x1F", "~", "null", "#hash", "key: value", "- dash", "'quote'", "\"double\"",
      "café", "naïve", "emoji 🙂", "<script>", "$foo", "${bar}", "#if", "&amp;", "*star*", "**bold**",
      "50%", "[x]", "{y}", "|", ">", "@", "`tick`", "\\back", "tab\there"};

  private PolicyGenerator() {}

  /** A policy with about {@code clauses} clauses and proportionate roles, groups and consequences. */
  public static Policy generate(long seed, int clauses) {
    Random random = new Random(seed);
    int roles = Math.max(2, clauses / 10);
    int groups = Math.max(1, clauses / 20);
    int categories = Math.max(1, clauses / 10);
    Policy.Builder policy = Policy.builder()
        .schemaVersion(1)
        .id("generated-" + Long.toHexString(seed & 0xffffffL))
        .metadata(Metadata.builder()
            .organisation(text(random, 3))
            .title(text(random, 4))
            .version(random.nextInt(9) + "." + random.nextInt(9))
            .status(Status.DRAFT)
            .dates(Dates.builder().drafted(LocalDate.of(2020 + random.nextInt(6), 1 + random.nextInt(12), 1 + random.nextInt(28))).build())
            .reviewFrequency(Period.ofYears(1))
            .approval(Approval.builder().body("board").build())
            .addSignatory(Signatory.of("chair"))
            .build())
        .addOffice(Office.builder().id("board").title("Board").build())
        .addOffice(Office.builder().id("chair").title(text(random, 2)).build())
        .addFact(Fact.builder().id("finding").type(FactType.ENUM)
            .addValues("pending", "breach", "misconduct").description(text(random, 5)).build())
        .addFact(Fact.builder().id("working-hours").type(FactType.BOOLEAN).description(text(random, 4)).build());
    List<String> groupIds = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      Group.Builder group = Group.builder().id("group-" + g).title(text(random, 3));
      if (g > 0) {
        group.addMemberOf("group-" + random.nextInt(g)); // only earlier groups: never a cycle
      }
      policy.addGroup(group.build());
      groupIds.add("group-" + g);
    }
    List<String> subjects = new ArrayList<>(groupIds);
    for (int r = 0; r < roles; r++) {
      policy.addRole(Role.builder().id("role-" + r).title(text(random, 2))
          .addMemberOf(groupIds.get(random.nextInt(groupIds.size()))).build());
      subjects.add("role-" + r);
    }
    for (int c = 0; c < categories; c++) {
      policy.addBreachCategory(BreachCategory.builder().id("category-" + c).title(text(random, 3)).build());
    }
    int sections = Math.max(1, clauses / 8);
    List<String> clauseIds = new ArrayList<>();
    int made = 0;
    for (int s = 0; s < sections; s++) {
      Section.Builder section = Section.builder().id("section-" + s).title(text(random, 3));
      int inSection = s == sections - 1 ? clauses - made : Math.max(1, clauses / sections);
      for (int c = 0; c < inSection; c++, made++) {
        String id = "s" + s + ".c" + c;
        Clause.Builder clause = Clause.builder().id(id)
            .kind(random.nextBoolean() ? ClauseKind.PROHIBITION : ClauseKind.OBLIGATION)
            .text(text(random, 5 + random.nextInt(30)))
            .category("category-" + random.nextInt(categories))
            .addAppliesTo(subjects.get(random.nextInt(subjects.size())));
        if (random.nextInt(4) == 0) {
          clause.addWhen(Condition.factIs("working-hours", Boolean.toString(random.nextBoolean())));
        }
        if (random.nextInt(5) == 0) {
          clause.addException(ClauseException.builder().id(id + ".permission").text(text(random, 4))
              .office("board").timing(random.nextBoolean() ? PermissionTiming.PRIOR : PermissionTiming.ANY)
              .addForm(PermissionForm.WRITTEN).build());
        }
        section.addClause(clause.build());
        clauseIds.add(id);
      }
      policy.addSection(section.build());
    }
    int consequences = Math.max(1, clauses / 5);
    for (int q = 0; q < consequences; q++) {
      Consequence.Builder consequence = Consequence.builder().id("consequence-" + q)
          .clause(clauseIds.get(random.nextInt(clauseIds.size())))
          .addAppliesTo(subjects.get(random.nextInt(subjects.size())))
          .modality(random.nextBoolean() ? Modality.MUST : Modality.MAY)
          .action(text(random, 4));
      if (random.nextBoolean()) {
        consequence.addCategory("category-" + random.nextInt(categories));
      }
      if (random.nextInt(3) == 0) {
        consequence.addWhen(Condition.factIn("finding", List.of("breach", "misconduct")));
      }
      policy.addConsequence(consequence.build());
    }
    return policy.build();
  }

  static String text(Random random, int words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        text.append(random.nextInt(12) == 0 ? "\n" : " ");
      }
      text.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return text.toString();
  }
}
