package bebop.io.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * JSON conversions for model headers: caller values (config records, metric maps) to JSON trees
 * and back, and the canonical form a tree takes inside a model file.
 */
public final class ModelJson {
    /** Configured once, never reconfigured: an ObjectMapper is thread-safe in that use. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // a config record that lost a field since the file was written still loads
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));

    private ModelJson() {}

    /** A JSON tree of any value Jackson can serialise (records, maps, lists, numbers). */
    public static JsonNode toTree(Object value) {
        if (value instanceof JsonNode n) {
            return n.deepCopy();
        }
        return MAPPER.valueToTree(value);
    }

    /** The value of type {@code type} a tree describes; unknown fields are ignored. */
    public static <T> T fromTree(JsonNode tree, Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read " + type.getSimpleName() + " from JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** A new empty JSON object. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * The canonical form of a tree: object keys sorted at every depth, numbers and strings as
     * they read back from the file (a float becomes the double its text denotes, NaN the string
     * "NaN"). Two trees with the same content have equal canonical forms and the same bytes.
     */
    public static JsonNode canonical(JsonNode tree) {
        JsonNode sorted = sortKeys(tree);
        try {
            return MAPPER.readTree(MAPPER.writeValueAsBytes(sorted));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("JSON value cannot be stored in a model file: " + e.getMessage(), e);
        }
    }

    private static JsonNode sortKeys(JsonNode node) {
        if (node == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (String n : names) {
                out.set(n, sortKeys(node.get(n)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                out.add(sortKeys(it.next()));
            }
            return out;
        }
        return node;
    }

    /** UTF-8 JSON, two-space indents, "\n" line ends, keys in the tree's order. */
    static byte[] writePretty(JsonNode tree) {
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(tree).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses one JSON value from UTF-8 bytes; trailing content and duplicate keys are errors. */
    static JsonNode parse(byte[] utf8) throws java.io.IOException {
        return MAPPER.readTree(utf8);
    }
}
