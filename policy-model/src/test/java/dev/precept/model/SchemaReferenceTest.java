package dev.precept.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code precept schema --format markdown}: the reference clerks read, generated from each
 * format's JSON Schema, so what it says and what is checked cannot drift apart.
 */
class SchemaReferenceTest {
  /** A small schema with every kind of property the reference describes. */
  private static final String REGISTER_SCHEMA = """
      {
        "$id": "https://example.org/register.schema.json",
        "description": "A register of reviews.",
        "$ref": "#/$defs/register",
        "$defs": {
          "entry": {
            "type": "object",
            "description": "One review.",
            "required": ["id", "kind"],
            "oneOf": [{"required": ["every"]}, {"required": ["grace", "limit"]}],
            "properties": {
              "id": {"type": "string", "pattern": "^[a-z]+$", "description": "The review's id."},
              "every": {"type": "string", "pattern": "^P[0-9]+Y$", "description": "How often it is held."},
              "grace": {"type": "string", "pattern": "^P[0-9]+D$", "description": "An ISO-8601 period of grace."},
              "limit": {"type": "string", "pattern": "^PT[0-9]+H$", "description": "The time limit to report in."},
              "held": {"type": "string", "format": "date", "description": "When it was held | or will be."},
              "opened": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$", "description": "When, to the minute."},
              "kind": {"enum": ["annual", "statutory"], "description": "Which review."},
              "version": {"const": 1, "description": "The format."},
              "count": {"type": ["integer", "string"], "description": "How many attended."},
              "notes": {"type": "array", "description": "Anything said."},
              "offices": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+$"}, "description": "Who was there."},
              "when": {"$ref": "#/$defs/conditions", "description": "When it applies."},
              "owner": {"$ref": "#/$defs/clause", "description": "Whose it is."},
              "follows": {"type": "array", "items": {"$ref": "#/$defs/entry"}, "description": "Earlier reviews."},
              "values": {"type": "object", "description": "Values by id."},
              "summary": {"type": "string", "description": "In a line."},
              "anything": {"description": "Free."}
            }
          },
          "register": {
            "type": "object",
            "oneOf": [],
            "properties": {
              "entries": {"type": "array", "items": {"$ref": "#/$defs/entry"}, "description": "The reviews."},
              "keeper": {
                "type": "object",
                "description": "Who keeps it.",
                "properties": {
                  "name": {"type": "string", "description": "Their name."},
                  "office": {"type": "object", "properties": {"room": {"type": "string", "description": "Where."}}}
                }
              }
            }
          },
          "conditions": {"type": "array"}
        }
      }
      """;

  @Test
  void thePolicyReferenceIsTheOneInTheDocs() {
    GoldenFile.assertMatches(Path.of("../docs/yaml-reference.md"), SchemaReference.markdown());
  }

  @Test
  void theOverlayReferenceDescribesTheDocumentAndEachDefinition() {
    GoldenFile.assertMatches("overlay-reference.md", SchemaReference.markdown(OverlaySchema.text(), "precept schema --for overlay --format markdown"));
  }

  @Test
  void aReferenceNamesEachValueInWordsAndPutsTheDocumentsOwnDefinitionFirst() {
    assertEquals("""
        # Precept file format

        Generated from the JSON Schema (`https://example.org/register.schema.json`) by `precept schema --for register`: what is written here is what Precept checks.

        A register of reviews.

        Ids are lower-case letters and digits, with words joined by `-` or `.` (`conduct.logo`). Dates are `YYYY-MM-DD`. Keys not listed are errors.

        ## The document: `register`

        | key | required | value | meaning |
        | --- | --- | --- | --- |
        | `entries` | no | list of entry | The reviews. |
        | `keeper` | no | mapping of `name`, `office` | Who keeps it. |

        ## Fields of `keeper`

        Who keeps it.

        | key | required | value | meaning |
        | --- | --- | --- | --- |
        | `name` | no | string | Their name. |
        | `office` | no | mapping of `room` |  |

        ## Fields of `office`

        | key | required | value | meaning |
        | --- | --- | --- | --- |
        | `room` | no | string | Where. |

        ## Fields of `entry`

        One review.

        | key | required | value | meaning |
        | --- | --- | --- | --- |
        | `id` | yes | id | The review's id. |
        | `every` | no | ISO-8601 period | How often it is held. |
        | `grace` | no | ISO-8601 period | An ISO-8601 period of grace. |
        | `limit` | no | ISO-8601 duration | The time limit to report in. |
        | `held` | no | date | When it was held \\| or will be. |
        | `opened` | no | date and time | When, to the minute. |
        | `kind` | yes | one of `annual`, `statutory` | Which review. |
        | `version` | no | `1` | The format. |
        | `count` | no | integer or string | How many attended. |
        | `notes` | no | list of values | Anything said. |
        | `offices` | no | list of id | Who was there. |
        | `when` | no | list of conditions | When it applies. |
        | `owner` | no | see a clause (under a section's `clauses`) | Whose it is. |
        | `follows` | no | list of entry | Earlier reviews. |
        | `values` | no | mapping of id to value | Values by id. |
        | `summary` | no | string | In a line. |
        | `anything` | no | value | Free. |

        Exactly one of: `every`; `grace, limit`.

        """, SchemaReference.markdown(REGISTER_SCHEMA, "precept schema --for register"));
  }

  @Test
  void aSchemaWithATitleAndNoDefinitionsIsTheDocumentAlone() {
    assertEquals("""
        # Precept minutes

        Generated from the JSON Schema (`https://example.org/minutes.schema.json`) by `precept schema --for minutes`: what is written here is what Precept checks.

        Ids are lower-case letters and digits, with words joined by `-` or `.` (`conduct.logo`). Dates are `YYYY-MM-DD`. Keys not listed are errors.

        ## The document

        | key | required | value | meaning |
        | --- | --- | --- | --- |
        | `met` | yes | date | The day. |

        """, SchemaReference.markdown("""
            {"$id": "https://example.org/minutes.schema.json", "title": "Precept minutes", "required": ["met"],
             "properties": {"met": {"type": "string", "format": "date", "description": "The day."}}}
            """, "precept schema --for minutes"));
  }

  @Test
  void aSchemaThatIsNotJsonIsAnError() {
    assertThrows(UncheckedIOException.class, () -> SchemaReference.markdown("{not json", "precept schema"));
  }
}
