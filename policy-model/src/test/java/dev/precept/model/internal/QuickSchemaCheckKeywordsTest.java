package dev.precept.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.precept.model.internal.QuickSchemaCheck.Verdict;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each keyword the quick check judges, on a value that passes and one that fails it, with the full
 * validator asked the same question: a VALID or INVALID from the quick check is the full
 * validator's answer, and what the quick check does not judge exactly (numbers that are not
 * integers, unusual formats, unknown keywords, references outside the schema) is UNSURE.
 */
class QuickSchemaCheckKeywordsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry FULL = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER)
          .formatAssertionsEnabled(true).locale(Locale.ROOT).build()));

  static Stream<Arguments> keywords() {
    return Stream.of(
        // type, one name or several
        row("{'type': 'string'}", "'a'", Verdict.VALID),
        row("{'type': 'string'}", "1", Verdict.INVALID),
        row("{'type': 'object'}", "{}", Verdict.VALID),
        row("{'type': 'object'}", "[]", Verdict.INVALID),
        row("{'type': 'array'}", "[]", Verdict.VALID),
        row("{'type': 'array'}", "{}", Verdict.INVALID),
        row("{'type': 'boolean'}", "true", Verdict.VALID),
        row("{'type': 'boolean'}", "'true'", Verdict.INVALID),
        row("{'type': 'null'}", "null", Verdict.VALID),
        row("{'type': 'null'}", "0", Verdict.INVALID),
        row("{'type': 'number'}", "1.5", Verdict.VALID),
        row("{'type': 'number'}", "'1'", Verdict.INVALID),
        row("{'type': 'integer'}", "2", Verdict.VALID),
        row("{'type': 'integer'}", "'2'", Verdict.INVALID),
        row("{'type': 'integer'}", "1.0", Verdict.UNSURE),
        row("{'type': ['string', 'null']}", "null", Verdict.VALID),
        row("{'type': ['string', 'null']}", "1", Verdict.INVALID),
        row("{'type': ['string', 'integer']}", "1.0", Verdict.UNSURE),
        row("{'type': 'text'}", "'a'", Verdict.UNSURE),
        // enum and const
        row("{'enum': ['a', 'b']}", "'b'", Verdict.VALID),
        row("{'enum': ['a', 'b']}", "'c'", Verdict.INVALID),
        row("{'enum': ['a', 'b']}", "['a', {'b': null, 'c': true}]", Verdict.INVALID),
        row("{'enum': ['a', 'b']}", "3", Verdict.UNSURE),
        row("{'enum': ['a', 'b']}", "['a', 3]", Verdict.UNSURE),
        row("{'const': 1}", "1.0", Verdict.VALID),
        row("{'const': 1}", "2", Verdict.INVALID),
        row("{'const': 'x'}", "'x'", Verdict.VALID),
        row("{'const': 'x'}", "'y'", Verdict.INVALID),
        row("{'const': 'x'}", "[1]", Verdict.UNSURE),
        // composition
        row("{'allOf': [{'type': 'string'}, {'minLength': 2}]}", "'ab'", Verdict.VALID),
        row("{'allOf': [{'type': 'string'}, {'minLength': 2}]}", "'a'", Verdict.INVALID),
        row("{'allOf': [{'type': 'string'}, {'format': 'email'}]}", "'a'", Verdict.UNSURE),
        row("{'oneOf': [{'type': 'string'}, {'minLength': 2}]}", "'a'", Verdict.VALID),
        row("{'oneOf': [{'type': 'string'}, {'minLength': 2}]}", "'ab'", Verdict.INVALID),
        row("{'oneOf': [{'type': 'string'}, {'type': 'null'}]}", "1", Verdict.INVALID),
        row("{'oneOf': [{'type': 'string'}, {'format': 'email'}]}", "'a'", Verdict.UNSURE),
        row("{'not': {'type': 'string'}}", "1", Verdict.VALID),
        row("{'not': {'type': 'string'}}", "'a'", Verdict.INVALID),
        row("{'not': {'format': 'email'}}", "'a'", Verdict.UNSURE),
        row("{'if': {'type': 'string'}, 'then': {'minLength': 2}, 'else': {'type': 'number'}}", "'ab'", Verdict.VALID),
        row("{'if': {'type': 'string'}, 'then': {'minLength': 2}, 'else': {'type': 'number'}}", "'a'", Verdict.INVALID),
        row("{'if': {'type': 'string'}, 'then': {'minLength': 2}, 'else': {'type': 'number'}}", "1", Verdict.VALID),
        row("{'if': {'type': 'string'}, 'then': {'minLength': 2}, 'else': {'type': 'number'}}", "true", Verdict.INVALID),
        row("{'if': {'type': 'string'}}", "1", Verdict.VALID),
        row("{'if': {'format': 'email'}, 'then': false}", "'a'", Verdict.UNSURE),
        // references within the schema, and what is not judged
        row("{'$defs': {'s': {'type': 'string'}}, '$ref': '#/$defs/s'}", "'a'", Verdict.VALID),
        row("{'$defs': {'s': {'type': 'string'}}, '$ref': '#/$defs/s'}", "1", Verdict.INVALID),
        row("{'$ref': 'https://example.org/other.json'}", "1", Verdict.UNSURE),
        row("{'$defs': {'s': {'$anchor': 's'}}, '$ref': '#s'}", "1", Verdict.UNSURE),
        row("{'$defs': {'a b': {'type': 'string'}}, '$ref': '#/$defs/a%20b'}", "1", Verdict.UNSURE),
        row("{'properties': {'a': {'$id': 'https://example.org/a', 'type': 'string'}}}", "{'a': 'x'}", Verdict.UNSURE),
        // objects
        row("{'properties': {'a': {'type': 'string'}}}", "{'a': 'x', 'b': 1}", Verdict.VALID),
        row("{'properties': {'a': {'type': 'string'}}}", "{'b': 1, 'a': 1}", Verdict.INVALID),
        row("{'properties': {'a': false}}", "{'a': 1}", Verdict.INVALID),
        row("{'properties': {'a': true}}", "{'a': 1}", Verdict.VALID),
        row("{'properties': {'a': {}}, 'additionalProperties': false}", "{'a': 1}", Verdict.VALID),
        row("{'properties': {'a': {}}, 'additionalProperties': false}", "{'a': 1, 'b': 2}", Verdict.INVALID),
        row("{'additionalProperties': {'type': 'string'}}", "{'x': 'y'}", Verdict.VALID),
        row("{'additionalProperties': {'type': 'string'}}", "{'x': 'y', 'z': 1}", Verdict.INVALID),
        row("{'patternProperties': {'^a': {}}, 'additionalProperties': false}", "{'b': 1}", Verdict.UNSURE),
        row("{'required': ['a', 'b']}", "{'a': 1, 'b': 2}", Verdict.VALID),
        row("{'required': ['a', 'b']}", "{'a': 1}", Verdict.INVALID),
        row("{'propertyNames': {'pattern': '^[a-z]+$'}}", "{'ab': 1, 'cd': 2}", Verdict.VALID),
        row("{'propertyNames': {'pattern': '^[a-z]+$'}}", "{'ab': 1, 'A': 2}", Verdict.INVALID),
        row("{'minProperties': 2}", "{'a': 1, 'b': 2}", Verdict.VALID),
        row("{'minProperties': 2}", "{'a': 1}", Verdict.INVALID),
        row("{'maxProperties': 1}", "{'a': 1}", Verdict.VALID),
        row("{'maxProperties': 1}", "{'a': 1, 'b': 2}", Verdict.INVALID),
        row("{'dependentRequired': {'a': ['b']}}", "{'a': 1}", Verdict.UNSURE),
        // arrays
        row("{'items': {'type': 'string'}}", "['a', 'b']", Verdict.VALID),
        row("{'items': {'type': 'string'}}", "['a', 1, 'b']", Verdict.INVALID),
        row("{'minItems': 2}", "['a', 'b']", Verdict.VALID),
        row("{'minItems': 2}", "['a']", Verdict.INVALID),
        row("{'maxItems': 1}", "['a']", Verdict.VALID),
        row("{'maxItems': 1}", "['a', 'b']", Verdict.INVALID),
        row("{'uniqueItems': true}", "['a', 'b', {'c': ['d']}]", Verdict.VALID),
        row("{'uniqueItems': true}", "['a', 'b', 'a']", Verdict.INVALID),
        row("{'uniqueItems': true}", "[1, 2]", Verdict.UNSURE),
        row("{'uniqueItems': true}", "[1, 1]", Verdict.UNSURE),
        row("{'uniqueItems': false}", "['a', 'a']", Verdict.VALID),
        row("{'contains': {'type': 'string'}}", "['a']", Verdict.UNSURE),
        // text, counted in code points
        row("{'pattern': '^a'}", "'ab'", Verdict.VALID),
        row("{'pattern': '^a'}", "'ba'", Verdict.INVALID),
        row("{'minLength': 2}", "'ab'", Verdict.VALID),
        row("{'minLength': 2}", "'a'", Verdict.INVALID),
        row("{'minLength': 2}", "'\\ud83d\\ude00'", Verdict.INVALID),
        row("{'maxLength': 2}", "'\\ud83d\\ude00\\ud83d\\ude00'", Verdict.VALID),
        row("{'maxLength': 2}", "'abc'", Verdict.INVALID),
        row("{'format': 'date'}", "'2016-10-20'", Verdict.VALID),
        row("{'format': 'date'}", "'2016-02-30'", Verdict.UNSURE),
        row("{'format': 'date'}", "'20/10/2016'", Verdict.UNSURE),
        row("{'format': 'date'}", "'0000-01-01'", Verdict.UNSURE),
        row("{'format': 'uri'}", "'https://example.org:8443/a/b?c'", Verdict.UNSURE),
        row("{'format': 'uri'}", "'https://example.org:8443/a/b'", Verdict.VALID),
        row("{'format': 'email'}", "'a@example.org'", Verdict.UNSURE),
        // numbers: integers judged exactly, others left to the full validator
        row("{'minimum': 2}", "2", Verdict.VALID),
        row("{'minimum': 2}", "1", Verdict.INVALID),
        row("{'minimum': 2}", "2.5", Verdict.UNSURE),
        row("{'maximum': 2}", "2", Verdict.VALID),
        row("{'maximum': 2}", "3", Verdict.INVALID),
        row("{'multipleOf': 2}", "4", Verdict.UNSURE),
        // a keyword for another type of value is ignored; an unknown one is not judged
        row("{'minLength': 5, 'minimum': 5, 'items': false, 'required': ['a'], 'format': 'date'}", "true", Verdict.VALID),
        row("{'minLength': 5, 'items': false, 'required': ['a'], 'minItems': 2}", "6", Verdict.VALID),
        row("{'minimum': 5, 'minLength': 5, 'uniqueItems': true}", "{}", Verdict.VALID),
        row("{'minimum': 5, 'minLength': 5, 'required': ['a'], 'maxProperties': 0}", "[1]", Verdict.VALID),
        row("{'required': ['a'], 'items': false, 'maximum': 0}", "'x'", Verdict.VALID),
        row("{'contains': {}}", "null", Verdict.UNSURE),
        // one failing keyword settles it whatever else is unsure
        row("{'format': 'email', 'type': 'number'}", "'a'", Verdict.INVALID),
        row("{'type': 'string', 'format': 'email'}", "'a'", Verdict.UNSURE));
  }

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @MethodSource("keywords")
  void judgesEachKeywordAsTheFullValidatorDoesOrSaysItIsUnsure(String schemaText, String valueText, Verdict expected)
      throws Exception {
    JsonNode schema = JSON.readTree(schemaText);
    JsonNode value = JSON.readTree(valueText);

    assertEquals(expected, new QuickSchemaCheck(schema).check(value));
    if (expected != Verdict.UNSURE) {
      ObjectNode withDialect = ((ObjectNode) schema.deepCopy()).put("$schema", "https://json-schema.org/draft/2020-12/schema");
      Schema full = FULL.getSchema(JSON.writeValueAsString(withDialect), InputFormat.JSON);
      assertEquals(expected == Verdict.VALID, full.validate(value).isEmpty(), "the full validator agrees");
    }
  }

  private static Arguments row(String schema, String value, Verdict verdict) {
    return Arguments.of(schema.replace('\'', '"'), value.replace('\'', '"'), verdict);
  }
}
