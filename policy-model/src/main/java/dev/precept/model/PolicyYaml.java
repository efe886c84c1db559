package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.precept.model.internal.Mappers;

/** Writes a policy back as YAML in the same format {@link PolicyLoader} reads. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PolicyYaml {
  private PolicyYaml() {}

  /**
   * The policy as YAML, led by a {@code yaml-language-server} line pointing editors at the schema.
   * Loading the result gives a policy equal to this one.
   */
  public static String write(Policy policy) {
    try {
      return "# yaml-language-server: $schema=./policy.schema.json\n"
          + Mappers.yaml().writeValueAsString(policy);
    } catch (JsonProcessingException e) {
      throw new PolicyException("could not write the policy as YAML", e);
    }
  }

  /**
   * Any part of a policy (a role, a clause, a consequence) as a JSON tree, empty values left out,
   * for comparing editions field by field.
   */
  public static com.fasterxml.jackson.databind.JsonNode toTree(Object modelValue) {
    return Mappers.json().valueToTree(modelValue);
  }

  /** Any value type of Precept's as YAML in the same style (empty values left out, keys in order). */
  public static String toYaml(Object value) {
    try {
      return Mappers.yaml().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new PolicyException("could not write YAML", e);
    }
  }

  /**
   * A JSON tree (already checked against its schema) as one of Precept's value types.
   *
   * @throws JsonProcessingException when the tree does not fit the type
   */
  public static <T> T fromTree(com.fasterxml.jackson.databind.JsonNode tree, Class<T> type) throws JsonProcessingException {
    return Mappers.json().treeToValue(tree, type);
  }

  /** The policy as indented JSON (the form its digest is computed over, before canonicalisation). */
  public static String writeJson(Policy policy) {
    try {
      return Mappers.prettyJson().writeValueAsString(policy);
    } catch (JsonProcessingException e) {
      throw new PolicyException("could not write the policy as JSON", e);
    }
  }
}
