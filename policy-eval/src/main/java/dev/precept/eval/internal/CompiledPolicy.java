package dev.precept.eval.internal;

import dev.precept.model.Clause;
import dev.precept.model.Consequence;
import dev.precept.model.Fact;
import dev.precept.model.Group;
import dev.precept.model.Policy;
import dev.precept.model.PolicyDigest;
import dev.precept.model.Role;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A policy compiled for ruling: everything a ruling looks up is an index built here once, so a
 * ruling never scans every clause or consequence.
 */
public final class CompiledPolicy {
  final Policy policy;
  final String digest;
  /** For each role: every role or group it reaches, with the path from the role (itself first). */
  final Map<String, Map<String, List<String>>> reach = new HashMap<>();
  final Map<String, Map<String, String>> roleAttributes = new HashMap<>();
  final Map<String, Clause> clauses = new HashMap<>();
  final Map<String, Integer> documentOrder = new HashMap<>();
  final List<Clause> inDocumentOrder;
  /** For each role, each role or group it reaches: "group (role -> group)", the words reasons use. */
  final Map<String, Map<String, String>> pathTexts = new HashMap<>();
  final Map<String, List<Clause>> rulesByCategory = new HashMap<>();
  final Map<String, Fact> facts = new HashMap<>();
  final Set<String> attributes;
  final Set<String> offices;
  final Set<String> categories;
  final List<Consequence> consequences;
  final List<String> statements = new ArrayList<>();
  final List<String> actorTitles = new ArrayList<>();
  final List<String> procedureTitles = new ArrayList<>();
  /** For each breach category, the consequences answering to it (its own and those for any breach). */
  final Map<String, BitSet> consequencesByCategory = new HashMap<>();
  final BitSet consequencesForAnyBreach = new BitSet();
  private static final BitSet NONE = new BitSet();
  /** For each role, its memberships as rulings report them, built once and shared by every ruling. */
  final Map<String, List<dev.precept.eval.Ruling.Membership>> memberships = new HashMap<>();
  /** For each consequence, each condition's description, built once. */
  final List<List<String>> conditionTexts = new ArrayList<>();
  /** The consequences that a staged consequence's later step follows. */
  final Set<String> steps = new java.util.HashSet<>();
  /** For each role, the breach categories holding a rule the role is within. */
  final Map<String, Set<String>> breachableByRole = new HashMap<>();
  /** For each role, the consequences whose people it is among: a ruling only visits these. */
  final Map<String, BitSet> consequencesByRole = new HashMap<>();
  /** Clauses with deeming rules, in document order. */
  final List<Clause> deemingClauses = new ArrayList<>();
  final Map<String, dev.precept.model.FactType> attributeTypes = new HashMap<>();
  final Map<String, Consequence> consequenceById = new HashMap<>();
  final Set<String> dutySteps = new java.util.HashSet<>();
  /** For each list item, its lead-in clause's text. */
  final Map<String, String> leadIns = new HashMap<>();
  final List<List<String>> actorLists = new ArrayList<>();
  final List<String> referralTitles = new ArrayList<>();
  /**
   * For each condition of the policy (by identity, nested ones included): its checks that do not
   * depend on the incident, shared by every ruling. Read-only once compiled.
   */
  final Map<dev.precept.model.Condition, Conditions.Shared> sharedChecks = new IdentityHashMap<>();
  /** For each shared check: the condition in words. */
  final Map<dev.precept.eval.ConditionCheck, String> checkTexts = new IdentityHashMap<>();
  /** For each clause, by document order: the parts of its ruling that do not depend on the incident. */
  final ClauseParts[] clauseParts;
  /** For each consequence: the parts of its ruling that do not depend on the incident. */
  final List<ConsequenceParts> consequenceParts = new ArrayList<>();
  /** For each role: what a ruling for a person holding only that role starts from, worked out once. */
  final Map<String, RoleParts> roleParts = new HashMap<>();
  /** For each breach category: the document order of each rule in it, ascending. */
  final Map<String, int[]> ruleOrdersByCategory = new HashMap<>();
  /** A number for each role and group (and each name a clause or consequence applies to), for comparing without hashing. */
  final Map<String, Integer> memberIds = new HashMap<>();
  /** A ruling's template for a person in several roles or none: policy, version and digest. */
  final dev.precept.eval.Ruling template;

  /** Compiles a validated policy. */
  public CompiledPolicy(Policy policy) {
    this.policy = policy;
    this.digest = PolicyDigest.of(policy).toString();
    Map<String, List<String>> parents = new HashMap<>();
    for (Group group : policy.groups()) {
      parents.put(group.id(), group.memberOf());
    }
    for (Role role : policy.roles()) {
      reach.put(role.id(), reachOf(role, parents));
      roleAttributes.put(role.id(), role.attributes());
      List<dev.precept.eval.Ruling.Membership> list = new ArrayList<>();
      reach.get(role.id()).forEach((id, path) -> list.add(dev.precept.eval.Ruling.Membership.of(id, path)));
      memberships.put(role.id(), List.copyOf(list));
      Map<String, String> texts = new HashMap<>();
      reach.get(role.id()).forEach((id, path) -> texts.put(id, id + " (" + String.join(" -> ", path) + ")"));
      pathTexts.put(role.id(), texts);
    }
    inDocumentOrder = policy.allClauses();
    int order = 0;
    for (Clause clause : policy.allClauses()) {
      clauses.put(clause.id(), clause);
      documentOrder.put(clause.id(), order++);
      clause.category().ifPresent(c -> rulesByCategory.computeIfAbsent(c, k -> new ArrayList<>()).add(clause));
      if (!clause.deems().isEmpty()) {
        deemingClauses.add(clause);
      }
      clause.duty().forEach(step -> dutySteps.add(step.id()));
      clause.items().forEach(item -> leadIns.put(item.id(), clause.text().strip()));
    }
    policy.attributes().forEach(a -> attributeTypes.put(a.id(), a.type()));
    policy.facts().forEach(f -> facts.put(f.id(), f));
    attributes = Set.copyOf(policy.attributes().stream().map(a -> a.id()).toList());
    offices = Set.copyOf(policy.offices().stream().map(o -> o.id()).toList());
    categories = Set.copyOf(policy.breachCategories().stream().map(b -> b.id()).toList());
    consequences = policy.consequences();
    for (int i = 0; i < consequences.size(); i++) {
      Consequence consequence = consequences.get(i);
      if (consequence.categories().isEmpty()) {
        consequencesForAnyBreach.set(i);
      }
      for (String category : consequence.categories()) {
        consequencesByCategory.computeIfAbsent(category, k -> new BitSet()).set(i);
      }
      for (Map.Entry<String, Map<String, List<String>>> role : reach.entrySet()) {
        if (consequence.appliesTo().stream().anyMatch(role.getValue()::containsKey)) {
          consequencesByRole.computeIfAbsent(role.getKey(), k -> new BitSet()).set(i);
        }
      }
      consequenceById.put(consequence.id(), consequence);
      consequence.after().ifPresent(after -> steps.add(after.step()));
      List<String> texts = new ArrayList<>();
      for (dev.precept.model.Condition condition : consequence.when()) {
        texts.add(Conditions.describe(condition));
      }
      conditionTexts.add(List.copyOf(texts));
      List<String> titles = consequence.actingOffices().stream().map(this::officeTitle).toList();
      // "Board, the CEO or the Clerk": the offices after the first with their article, never doubled.
      String actor = titles.isEmpty() ? null : titles.size() == 1 ? titles.get(0)
          : titles.get(0) + titles.subList(1, titles.size() - 1).stream().map(t -> ", " + dev.precept.model.Office.withArticle(t))
              .collect(java.util.stream.Collectors.joining())
              + (consequence.jointly() ? " and " : " or ") + dev.precept.model.Office.withArticle(titles.get(titles.size() - 1));
      // Each with its article, never doubled: "The Council", "The headteacher and the governing body".
      List<String> named = titles.stream().map(dev.precept.model.Office::withArticle).toList();
      String acting = named.isEmpty() ? null : named.size() == 1 ? named.get(0)
          : String.join(", ", named.subList(0, named.size() - 1))
              + (consequence.jointly() ? " and " : " or ") + named.get(named.size() - 1);
      actorTitles.add(actor);
      actorLists.add(titles.size() > 1 ? titles : List.of());
      procedureTitles.add(consequence.procedure().flatMap(policy::instrument).map(x -> x.title()).orElse(null));
      referralTitles.add(consequence.referTo().map(r -> policy.instrument(r).map(x -> x.title())
          .orElseGet(() -> officeTitle(r))).orElse(null));
      String subject = acting == null ? "The breach" : "T" + acting.substring(1);
      statements.add(subject + " " + consequence.modality().word() + " " + consequence.action().strip() + ".");
    }
    for (BitSet specific : consequencesByCategory.values()) {
      specific.or(consequencesForAnyBreach);
    }
    Map<String, List<String>> reachedBy = new HashMap<>();
    reach.forEach((role, reached) -> reached.keySet().forEach(id -> reachedBy.computeIfAbsent(id, k -> new ArrayList<>()).add(role)));
    for (Clause rule : policy.allClauses()) {
      if (rule.category().isEmpty()) {
        continue;
      }
      java.util.Collection<String> roles = rule.appliesTo().isEmpty() ? reach.keySet()
          : rule.appliesTo().stream().flatMap(t -> reachedBy.getOrDefault(t, List.of()).stream()).toList();
      roles.forEach(role -> breachableByRole.computeIfAbsent(role, k -> new java.util.HashSet<>()).add(rule.category().get()));
    }
    for (Clause clause : inDocumentOrder) {
      clause.when().forEach(c -> Conditions.share(c, this));
      clause.exceptions().forEach(e -> e.when().forEach(c -> Conditions.share(c, this)));
      clause.deems().forEach(d -> Conditions.share(d.when(), this));
    }
    for (Consequence consequence : consequences) {
      consequence.when().forEach(c -> Conditions.share(c, this));
    }
    clauseParts = new ClauseParts[inDocumentOrder.size()];
    for (int i = 0; i < clauseParts.length; i++) {
      clauseParts[i] = new ClauseParts(inDocumentOrder.get(i), this);
    }
    for (int i = 0; i < consequences.size(); i++) {
      consequenceParts.add(new ConsequenceParts(i, this));
    }
    rulesByCategory.forEach((category, rules) ->
        ruleOrdersByCategory.put(category, rules.stream().mapToInt(rule -> documentOrder.get(rule.id())).toArray()));
    template = dev.precept.eval.Ruling.builder().policy(policy.id()).version(policy.metadata().version()).digest(digest)
        .incident("").build();
    for (int ordinal = 0; ordinal < policy.roles().size(); ordinal++) {
      String role = policy.roles().get(ordinal).id();
      roleParts.putIfAbsent(role, new RoleParts(role, ordinal, this));
    }
  }

  /** The numbers of these roles or groups. */
  int[] memberIds(List<String> names) {
    int[] ids = new int[names.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = memberIds.computeIfAbsent(names.get(i), k -> memberIds.size());
    }
    return ids;
  }

  /** What a ruling for a person holding only this role starts from, whatever the incident. */
  static final class RoleParts {
    final String id;
    /** The role's place among the policy's roles: its slot in a clause's recalled rulings. */
    final int ordinal;
    final Map<String, List<String>> reach;
    final Map<String, String> attributes;
    /** The consequences whose people the role is among (do not modify). */
    final BitSet consequences;
    /** "a volunteer is in none of them", the end of the reason when a clause is not for the role. */
    final String inNoneOfThem;
    /** The ruling's template: policy, version, digest and the person's memberships. */
    final dev.precept.eval.Ruling template;
    /** What the role reaches, by number, in the order of {@link #reach} (the role itself first), and the path to each. */
    private final int[] reached;
    private final List<List<String>> paths;

    /** The path to the first of these roles or groups the role reaches, or null (as {@code reach.get} in turn). */
    List<String> pathTo(int[] targets) {
      for (int target : targets) {
        for (int i = 0; i < reached.length; i++) {
          if (reached[i] == target) {
            return paths.get(i);
          }
        }
      }
      return null;
    }

    /**
     * The path that puts the holder under a clause (the role itself when it applies to everyone),
     * or null when none does; the first two roles or groups it applies to are read beside its other parts.
     */
    List<String> scope(ClauseParts clause) {
      switch (clause.targets) {
        case 0:
          return paths.get(0);
        case 1:
          return pathTo(clause.target0);
        case 2: {
          List<String> path = pathTo(clause.target0);
          return path != null ? path : pathTo(clause.target1);
        }
        default:
          return pathTo(clause.appliesTo);
      }
    }

    private List<String> pathTo(int target) {
      for (int i = 0; i < reached.length; i++) {
        if (reached[i] == target) {
          return paths.get(i);
        }
      }
      return null;
    }

    RoleParts(String id, int ordinal, CompiledPolicy compiled) {
      this.id = id;
      this.ordinal = ordinal;
      this.reach = compiled.reachOf(id);
      this.attributes = compiled.roleAttributes.getOrDefault(id, Map.of());
      this.consequences = compiled.consequencesByRole.getOrDefault(id, NONE);
      this.inNoneOfThem = "a " + id + " is in none of them";
      this.template = dev.precept.eval.Ruling.builder().from(compiled.template).person(compiled.memberships.get(id)).build();
      this.reached = compiled.memberIds(List.copyOf(reach.keySet()));
      this.paths = List.copyOf(reach.values());
    }
  }

  /** What a clause's ruling says whatever the incident, worked out once. */
  static final class ClauseParts {
    final Clause clause;
    final Optional<String> category;
    final Optional<String> leadIn;
    final Optional<String> origin;
    /** The whole ruling of a clause that is not a rule (it has no breach category). */
    final dev.precept.eval.ClauseRuling notARule;
    /** "it applies to a, b, and ", the start of the reason when the person is out of scope. */
    final String outOfScope;
    /** The checks of the clause's conditions when the incident records nothing they test. */
    final List<dev.precept.eval.ConditionCheck> unknownWhen;
    /** What would decide those checks, and the reason that lists them. */
    final List<String> undecided;
    final String undetermined;
    /** Whether the ruling depends only on the role held and the checks (no exceptions, no duty). */
    final boolean recallable;
    /** Whether it does when the incident records no permission (no duty; its exceptions cannot then be met). */
    final boolean recallableWithoutPermission;
    /** Its exceptions' rulings when the incident records no permission, made at the first such ruling. */
    volatile List<dev.precept.eval.ExceptionRuling> exceptionsWithoutPermission;
    /** What the clause's conditions test: when the incident records none of it, its checks are {@link #unknownWhen}. */
    final Conditions.Subjects subjects;
    /** The ruling when the person is not among those it applies to, but for the reason. */
    final dev.precept.eval.ClauseRuling notApplicable;
    /** The roles and groups it applies to, by number; how many, and the first two kept beside the rest of its parts. */
    final int[] appliesTo;
    final int targets;
    final int target0;
    final int target1;
    /** Rulings made, by role and checks: a few per clause, replaced when another takes the slot. */
    private volatile Recalled[] recalled;

    /** A ruling made for a role with these (shared) checks. */
    private static final class Recalled {
      final RoleParts role;
      final List<dev.precept.eval.ConditionCheck> checks;
      final dev.precept.eval.ClauseRuling ruling;

      Recalled(RoleParts role, List<dev.precept.eval.ConditionCheck> checks, dev.precept.eval.ClauseRuling ruling) {
        this.role = role;
        this.checks = checks;
        this.ruling = ruling;
      }
    }

    /**
     * The slots of {@link #recalled}, one per role up to 128 (a power of two, at least 16): a slot
     * is the role's number, so a policy with more roles than slots shares them, and past 128 a
     * clause's rulings for many roles are made again rather than kept in a larger table per clause.
     */
    private final int slotMask;

    private static int slotsFor(int roles) {
      return Math.min(128, Math.max(16, Integer.highestOneBit(Math.max(1, roles - 1)) << 1));
    }

    /** The ruling made before for this role with the very same checks, or null. */
    dev.precept.eval.ClauseRuling recall(RoleParts role, List<dev.precept.eval.ConditionCheck> checks) {
      Recalled[] all = recalled;
      if (all == null) {
        return null;
      }
      Recalled found = all[role.ordinal & slotMask];
      if (found == null || found.role != role || found.checks == OUT_OF_SCOPE || found.checks.size() != checks.size()) {
        return null;
      }
      for (int i = 0; i < checks.size(); i++) {
        if (found.checks.get(i) != checks.get(i)) {
          return null;
        }
      }
      return found.ruling;
    }

    /** The ruling made before for this role when the clause is not for it, or null. */
    dev.precept.eval.ClauseRuling recallOutOfScope(RoleParts role) {
      Recalled last = lastOutOfScope;
      if (last != null && last.role == role) {
        return last.ruling;
      }
      Recalled[] all = recalled;
      if (all == null) {
        return null;
      }
      // Whether a clause is for a role depends on the role alone: a role's slot holds either
      // rulings within scope or this one.
      Recalled found = all[role.ordinal & slotMask];
      return found != null && found.role == role && found.checks == OUT_OF_SCOPE ? found.ruling : null;
    }

    /** Remembers the ruling for a role the clause is not for. */
    void rememberOutOfScope(RoleParts role, dev.precept.eval.ClauseRuling ruling) {
      Recalled[] all = recalled;
      if (all == null) {
        all = new Recalled[slotMask + 1];
        recalled = all;
      }
      Recalled made = new Recalled(role, OUT_OF_SCOPE, ruling);
      all[role.ordinal & slotMask] = made;
      lastOutOfScope = made;
    }

    /** The last ruling remembered for a role the clause is not for, looked at first (one object fewer to reach). */
    private volatile Recalled lastOutOfScope;

    private static final List<dev.precept.eval.ConditionCheck> OUT_OF_SCOPE = java.util.Collections.unmodifiableList(new ArrayList<>());

    /** Remembers a ruling; racing threads may each keep their own, which are equal. */
    void remember(RoleParts role, List<dev.precept.eval.ConditionCheck> checks, dev.precept.eval.ClauseRuling ruling) {
      Recalled[] all = recalled;
      if (all == null) {
        all = new Recalled[slotMask + 1];
        recalled = all;
      }
      all[role.ordinal & slotMask] = new Recalled(role, List.copyOf(checks), ruling);
    }

    ClauseParts(Clause clause, CompiledPolicy compiled) {
      this.clause = clause;
      slotMask = slotsFor(compiled.policy.roles().size()) - 1;
      recallable = clause.category().isPresent() && clause.exceptions().isEmpty() && clause.duty().isEmpty();
      recallableWithoutPermission = clause.category().isPresent() && clause.duty().isEmpty();
      category = clause.category();
      leadIn = Optional.ofNullable(compiled.leadIns.get(clause.id()));
      origin = clause.origin().map(o -> o.describe());
      notARule = category.isPresent() ? null : RulingEngine.start(clause, this)
          .outcome(dev.precept.eval.Outcome.NOT_APPLICABLE)
          .reason(RulingEngine.notARule(clause))
          .build();
      notApplicable = category.isEmpty() ? null : RulingEngine.start(clause, this)
          .outcome(dev.precept.eval.Outcome.NOT_APPLICABLE)
          .reason("")
          .build();
      subjects = Conditions.subjects(clause.when());
      appliesTo = compiled.memberIds(clause.appliesTo());
      targets = appliesTo.length;
      target0 = targets > 0 ? appliesTo[0] : -1;
      target1 = targets > 1 ? appliesTo[1] : -1;
      outOfScope = "it applies to " + String.join(", ", clause.appliesTo()) + ", and ";
      List<dev.precept.eval.ConditionCheck> checks = new ArrayList<>();
      for (dev.precept.model.Condition condition : clause.when()) {
        checks.add(Conditions.check(condition, Conditions.NOTHING, compiled));
      }
      unknownWhen = List.copyOf(checks);
      List<String> open = new ArrayList<>();
      for (dev.precept.eval.ConditionCheck check : unknownWhen) {
        Conditions.unknownSubjects(check, open);
      }
      undecided = List.copyOf(new java.util.LinkedHashSet<>(open));
      undetermined = RulingEngine.undetermined(undecided);
    }
  }

  /** What a consequence's ruling says whatever the incident, worked out once. */
  static final class ConsequenceParts {
    final Optional<String> actor;
    final Optional<String> procedure;
    final Optional<String> referral;
    /** The checks of its conditions when the incident records nothing they test. */
    final List<dev.precept.eval.ConditionCheck> unknownWhen;
    /** What its conditions test: when the incident records none of it, its checks are {@link #unknownWhen}. */
    final Conditions.Subjects subjects;
    /** The roles and groups it is for, by number. */
    final int[] appliesTo;
    /** The facts it weighs (its factors), as subjects: when the incident records none, its ruling reads nothing from it. */
    final Conditions.Subjects factors;
    /** The consequences of the policy it excludes or that exclude it; null when none. */
    final BitSet alternatives;
    /** For a step with outcomes: for each outcome, the consequences that follow on it, by index (all after the step's own). */
    final List<int[]> following;
    /** Whether a later step follows this consequence. */
    final boolean followed;
    /** For a later step: what it waits on while the step it follows has not ended ("warning ends refused"). */
    final String waitText;
    /** Rulings made, by what they answer: a few per consequence, replaced when another takes the slot. */
    private volatile Recalled[] recalled;

    /** A ruling made for these breaches, scope, (shared) checks and wait. */
    private static final class Recalled {
      final List<String> answered;
      final boolean firm;
      final List<String> scope;
      final List<dev.precept.eval.ConditionCheck> checks;
      final String wait;
      final dev.precept.eval.ConsequenceRuling ruling;

      Recalled(List<String> answered, boolean firm, List<String> scope, List<dev.precept.eval.ConditionCheck> checks,
          String wait, dev.precept.eval.ConsequenceRuling ruling) {
        this.answered = answered;
        this.firm = firm;
        this.scope = scope;
        this.checks = checks;
        this.wait = wait;
        this.ruling = ruling;
      }
    }

    private static final int RECALLED = 64;

    /**
     * The first breach answered (there is always one) and the path of the scope, by their texts'
     * hashes: the same incident takes the same slot in every run, so what a warm evaluator recalls
     * does not depend on where objects happen to lie in memory.
     */
    private static int slot(List<String> answered, List<String> scope) {
      return (answered.get(0).hashCode() * 31 + scope.hashCode()) & (RECALLED - 1);
    }

    /** The ruling made before for the same breaches, scope, checks and wait, or null. */
    dev.precept.eval.ConsequenceRuling recall(List<String> answered, boolean firm, List<String> scope,
        List<dev.precept.eval.ConditionCheck> checks, String wait) {
      Recalled[] all = recalled;
      if (all == null) {
        return null;
      }
      Recalled found = all[slot(answered, scope)];
      if (found == null || found.firm != firm || found.scope != scope || found.wait != wait
          || !found.answered.equals(answered) || found.checks.size() != checks.size()) {
        return null;
      }
      for (int i = 0; i < checks.size(); i++) {
        if (found.checks.get(i) != checks.get(i)) {
          return null;
        }
      }
      return found.ruling;
    }

    /** Remembers a ruling; racing threads may each keep their own, which are equal. */
    void remember(List<String> answered, boolean firm, List<String> scope, List<dev.precept.eval.ConditionCheck> checks,
        String wait, dev.precept.eval.ConsequenceRuling ruling) {
      Recalled[] all = recalled;
      if (all == null) {
        all = new Recalled[RECALLED];
        recalled = all;
      }
      all[slot(answered, scope)] = new Recalled(List.copyOf(answered), firm, scope, List.copyOf(checks), wait, ruling);
    }

    /** A step's ruling made with how far it got and what follows: the last one, recalled when all is the same. */
    private static final class Staged {
      final dev.precept.eval.ConsequenceRuling base;
      final boolean current;
      final String recorded;
      final BitSet following;
      final dev.precept.eval.ConsequenceRuling ruling;

      Staged(dev.precept.eval.ConsequenceRuling base, boolean current, String recorded, BitSet following,
          dev.precept.eval.ConsequenceRuling ruling) {
        this.base = base;
        this.current = current;
        this.recorded = recorded;
        this.following = following;
        this.ruling = ruling;
      }
    }

    private volatile Staged staged;

    /** The step's ruling made before from the very same ruling, position and later steps, or null. */
    dev.precept.eval.ConsequenceRuling recallStep(dev.precept.eval.ConsequenceRuling base, boolean current, String recorded,
        BitSet following) {
      Staged found = staged;
      if (found == null || found.base != base || found.current != current
          || !java.util.Objects.equals(found.recorded, recorded) || !found.following.equals(following)) {
        return null;
      }
      return found.ruling;
    }

    /** Remembers a step's ruling (the set of later steps is not changed afterwards). */
    void rememberStep(dev.precept.eval.ConsequenceRuling base, boolean current, String recorded, BitSet following,
        dev.precept.eval.ConsequenceRuling ruling) {
      staged = new Staged(base, current, recorded, following, ruling);
    }

    ConsequenceParts(int index, CompiledPolicy compiled) {
      Consequence consequence = compiled.consequences.get(index);
      actor = Optional.ofNullable(compiled.actorTitles.get(index));
      procedure = Optional.ofNullable(compiled.procedureTitles.get(index));
      referral = Optional.ofNullable(compiled.referralTitles.get(index));
      List<dev.precept.eval.ConditionCheck> checks = new ArrayList<>();
      for (dev.precept.model.Condition condition : consequence.when()) {
        checks.add(Conditions.check(condition, Conditions.NOTHING, compiled));
      }
      unknownWhen = List.copyOf(checks);
      subjects = Conditions.subjects(consequence.when());
      appliesTo = compiled.memberIds(consequence.appliesTo());
      factors = Conditions.Subjects.facts(consequence.factors());
      BitSet excluding = new BitSet();
      List<int[]> next = new ArrayList<>();
      for (String outcome : consequence.outcomes()) {
        java.util.stream.IntStream.Builder later = java.util.stream.IntStream.builder();
        for (int i = 0; i < compiled.consequences.size(); i++) {
          Optional<dev.precept.model.StepOutcome> after = compiled.consequences.get(i).after();
          if (after.isPresent() && after.get().step().equals(consequence.id()) && after.get().outcome().equals(outcome)) {
            later.add(i);
          }
        }
        next.add(later.build().toArray());
      }
      // Both ways. Its own bit (set only if it excluded itself) is passed over where a ruling lists
      // alternatives, so it need not be left out here.
      for (int i = 0; i < compiled.consequences.size(); i++) {
        Consequence other = compiled.consequences.get(i);
        if (consequence.excludes().contains(other.id()) || other.excludes().contains(consequence.id())) {
          excluding.set(i);
        }
      }
      alternatives = excluding.isEmpty() ? null : excluding;
      followed = compiled.steps.contains(consequence.id());
      waitText = consequence.after().map(a -> a.step() + " ends " + a.outcome()).orElse(null);
      following = List.copyOf(next);
    }
  }

  /**
   * The consequences a breach in this category by a holder of this role can lead to, in policy
   * order, before any finding; empty where no rule in the category reaches the role or the
   * policy is silent.
   */
  public List<Consequence> possibleConsequences(String role, String category) {
    BitSet forRole = consequencesByRole.get(role);
    if (forRole == null || !breachableByRole.getOrDefault(role, Set.of()).contains(category)) {
      return List.of();
    }
    BitSet forCategory = consequencesFor(category);
    List<Consequence> found = null;
    for (int i = forRole.nextSetBit(0); i >= 0; i = forRole.nextSetBit(i + 1)) {
      if (forCategory.get(i)) {
        if (found == null) {
          found = new ArrayList<>(4);
        }
        found.add(consequences.get(i));
      }
    }
    return found == null ? List.of() : Collections.unmodifiableList(found);
  }

  private static Map<String, List<String>> reachOf(Role role, Map<String, List<String>> parents) {
    // Breadth first, in declaration order, so each group is reached by its shortest, first-declared path.
    Map<String, List<String>> paths = new LinkedHashMap<>();
    paths.put(role.id(), List.of(role.id()));
    Deque<String> queue = new ArrayDeque<>();
    for (String group : role.memberOf()) {
      if (!paths.containsKey(group)) {
        paths.put(group, List.of(role.id(), group));
        queue.add(group);
      }
    }
    while (!queue.isEmpty()) {
      String group = queue.poll();
      for (String parent : parents.getOrDefault(group, List.of())) {
        if (!paths.containsKey(parent)) {
          List<String> path = new ArrayList<>(paths.get(group));
          path.add(parent);
          paths.put(parent, Collections.unmodifiableList(path));
          queue.add(parent);
        }
      }
    }
    return Collections.unmodifiableMap(paths);
  }

  /** The title of an office, or its id when it is not declared. */
  public String officeTitle(String id) {
    return policy.office(id).map(o -> o.title()).orElse(id);
  }

  /** The policy compiled. */
  public Policy policy() {
    return policy;
  }

  /** The policy's digest, computed once. */
  public String digest() {
    return digest;
  }

  /** What a role reaches, with paths; empty for an unknown role. */
  public Map<String, List<String>> reachOf(String roleId) {
    return reach.getOrDefault(roleId, Map.of());
  }

  /** The consequences answering to a breach category, in policy order (do not modify). */
  public BitSet consequencesFor(String category) {
    return consequencesByCategory.getOrDefault(category, consequencesForAnyBreach);
  }

  /**
   * The consequences whose people include someone holding these roles: for one role the compiled
   * set itself (do not modify), for several a new set.
   */
  public BitSet consequencesForRoles(List<String> roles) {
    if (roles.size() == 1) {
      BitSet bits = consequencesByRole.get(roles.get(0));
      return bits != null ? bits : NONE;
    }
    BitSet result = new BitSet();
    for (String role : roles) {
      BitSet bits = consequencesByRole.get(role);
      if (bits != null) {
        result.or(bits);
      }
    }
    return result;
  }

  /** The document order of each rule in a category, ascending; empty for an unknown category. */
  int[] ruleOrdersIn(String category) {
    return ruleOrdersByCategory.getOrDefault(category, NO_ORDERS);
  }

  private static final int[] NO_ORDERS = new int[0];

  /** The rule clauses (those with a breach category) in a category. */
  public List<Clause> rulesIn(String category) {
    return rulesByCategory.getOrDefault(category, List.of());
  }

  /** The policy's consequences. */
  public List<Consequence> consequences() {
    return consequences;
  }
}
