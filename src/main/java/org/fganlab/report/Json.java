package org.fganlab.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * JSON documents as Jackson trees. Doubles are written at full precision; ±∞ become the strings
 * "Infinity" and "-Infinity" (Jackson's quoting of non-numeric numbers); a NaN is refused.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(JsonGenerator.Feature.QUOTE_NON_NUMERIC_NUMBERS, true);

    private Json() {
    }

    /** A new empty object. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * Puts a number, refusing NaN.
     *
     * @throws IllegalArgumentException if value is NaN (the message names the field)
     */
    public static ObjectNode put(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("refusing to write NaN for field '" + field + "'");
        }
        node.put(field, value);
        return node;
    }

    /** The document as indented text with a final newline. */
    public static String toText(Object tree) {
        try {
            return MAPPER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the document atomically. */
    public static void write(Path target, Object tree) {
        AtomicFiles.writeString(target, toText(tree));
    }

    /** Parses a document (for tests and for reading summaries back). */
    public static com.fasterxml.jackson.databind.JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
