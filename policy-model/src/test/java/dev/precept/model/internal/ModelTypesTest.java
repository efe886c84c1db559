package dev.precept.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ModelTypesTest {
  private static final Set<Class<?>> WRITTEN = ModelTypes.writtenFrom(Policy.class);

  @Test
  void everyModelClassJacksonWritesForTheExamplePoliciesIsAmongThoseFoundFromThePolicyType() throws Exception {
    Set<String> met = new ConcurrentSkipListSet<>();
    SimpleModule recording = new SimpleModule().setSerializerModifier(new BeanSerializerModifier() {
      @Override
      public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description, JsonSerializer<?> serializer) {
        if (description.getBeanClass().getPackageName().equals("dev.precept.model")) {
          met.add(description.getBeanClass().getName());
        }
        return serializer;
      }
    });
    var mapper = Mappers.json().copy().registerModule(recording);
    List<Path> policies;
    try (Stream<Path> files = Files.walk(Path.of("../examples"))) {
      policies = files.filter(p -> p.toString().endsWith(".yaml") && Files.isRegularFile(p))
          .filter(p -> startsLikeAPolicy(p)).sorted().toList();
    }
    assertFalse(policies.isEmpty(), "no example policies found");
    for (Path file : policies) {
      mapper.valueToTree(PolicyLoader.standard().load(file));
    }
    assertTrue(met.contains("dev.precept.model.ImmutableClause"), "the recording saw no clause: " + met);
    Set<String> found = new TreeSet<>();
    WRITTEN.forEach(c -> found.add(c.getName()));
    Set<String> missing = new TreeSet<>(met);
    missing.removeAll(found);
    assertEquals(Set.of(), missing, "classes written for the examples but not found from Policy");
  }

  @Test
  void theWrittenClassesStartWithThePolicysAndReachItsClausesRolesAndConditions() {
    List<String> names = WRITTEN.stream().map(Class::getName).toList();
    assertEquals("dev.precept.model.ImmutablePolicy", names.get(0));
    for (String reached : List.of("ImmutableClause", "ImmutableRole", "ImmutableCondition", "ImmutableConsequence", "ImmutableMetadata")) {
      assertTrue(names.contains("dev.precept.model." + reached), reached + " not reached: " + names);
    }
  }

  private static boolean startsLikeAPolicy(Path file) {
    try {
      return java.util.regex.Pattern.compile("(?m)^schemaVersion:").matcher(Files.readString(file)).find();
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
