package dev.precept.bench;

import dev.precept.eval.Incident;
import dev.precept.eval.Person;
import dev.precept.model.BreachCategory;
import dev.precept.model.Clause;
import dev.precept.model.Condition;
import dev.precept.model.Consequence;
import dev.precept.model.Policy;
import dev.precept.model.Section;
import dev.precept.model.StepOutcome;
import dev.precept.model.Group;
import dev.precept.testkit.PolicyGenerator;
import dev.precept.model.PolicyLoader;
import dev.precept.model.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;

/** The benchmark inputs: the seed or a generated policy, requests over it, and the peer's model of it. */
final class Policies {
  static final String SEED = "examples/connect-academy-trust/social-media-policy.yaml";

  private Policies() {}

  static byte[] resource(String name) {
    try (InputStream in = Policies.class.getClassLoader().getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("missing " + name, e);
    }
  }

  /** "seed", or a number of clauses for a generated policy (fixed seed: the same policy every run). */
  static Policy named(String name) {
    return "seed".equals(name)
        ? PolicyLoader.standard().parse(resource(SEED), SEED)
        : richer(PolicyGenerator.generate(42, Integer.parseInt(name)));
  }

  /**
   * The generated policy with the richer rule language at work: every condition of a clause or
   * consequence composed ("any of (it; or not the opposite)", which means the same), and the first
   * consequence a step with outcomes that a further consequence follows on.
   */
  static Policy richer(Policy policy) {
    List<Section> sections = new ArrayList<>();
    for (Section section : policy.sections()) {
      List<Clause> clauses = new ArrayList<>();
      for (Clause clause : section.clauses()) {
        clauses.add(Clause.builder().from(clause).when(composed(clause.when())).build());
      }
      sections.add(Section.builder().from(section).clauses(clauses).build());
    }
    List<Consequence> consequences = new ArrayList<>();
    for (Consequence consequence : policy.consequences()) {
      consequences.add(Consequence.builder().from(consequence).when(composed(consequence.when())).build());
    }
    Consequence first = consequences.get(0);
    consequences.set(0, Consequence.builder().from(first).outcomes(java.util.List.of("complied", "refused")).build());
    consequences.add(1, Consequence.builder().from(first).id(first.id() + ".refused").when(List.of())
        .action("be referred on").after(StepOutcome.builder().step(first.id()).outcome("refused").build()).build());
    return Policy.builder().from(policy).sections(sections).consequences(consequences).build();
  }

  private static List<Condition> composed(List<Condition> when) {
    if (when.isEmpty()) {
      return when;
    }
    return List.of(Condition.anyOf(List.of(Condition.allOf(when), Condition.negation(Condition.negation(Condition.allOf(when))))));
  }

  /** A (role, breach category) request, the question both engines answer. */
  record Request(String role, String category) {}

  static List<Request> requests(Policy policy, int count) {
    Random random = new Random(7);
    List<Request> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Role role = policy.roles().get(random.nextInt(policy.roles().size()));
      BreachCategory category = policy.breachCategories().get(random.nextInt(policy.breachCategories().size()));
      requests.add(new Request(role.id(), category.id()));
    }
    return requests;
  }

  static Incident incident(Request request, int n) {
    return Incident.builder().id("bench-" + n).person(Person.holding(request.role())).addCategories(request.category()).build();
  }

  /**
   * jCasbin enforcing the same model: role inheritance through the groups (g), and a policy line
   * per (group or role, breach category) that some consequence answers to. enforce(role, category)
   * answers "does a breach of this category by this role carry a consequence?".
   */
  static Enforcer casbin(Policy policy) {
    Model model = Model.newModelFromString(String.join("\n",
        "[request_definition]", "r = sub, obj",
        "[policy_definition]", "p = sub, obj, act",
        "[role_definition]", "g = _, _",
        "[policy_effect]", "e = some(where (p.eft == allow))",
        "[matchers]", "m = g(r.sub, p.sub) && r.obj == p.obj"));
    Enforcer enforcer = new Enforcer(model);
    enforcer.enableLog(false);
    for (Role role : policy.roles()) {
      for (String group : role.memberOf()) {
        enforcer.addGroupingPolicy(role.id(), group);
      }
    }
    for (Group group : policy.groups()) {
      for (String parent : group.memberOf()) {
        enforcer.addGroupingPolicy(group.id(), parent);
      }
    }
    List<List<String>> lines = new ArrayList<>();
    for (Consequence consequence : policy.consequences()) {
      List<String> categories = consequence.categories().isEmpty()
          ? policy.breachCategories().stream().map(BreachCategory::id).toList() : consequence.categories();
      for (String subject : consequence.appliesTo()) {
        for (String category : categories) {
          lines.add(List.of(subject, category, consequence.id()));
        }
      }
    }
    enforcer.addPolicies(lines);
    enforcer.buildRoleLinks();
    return enforcer;
  }
}
